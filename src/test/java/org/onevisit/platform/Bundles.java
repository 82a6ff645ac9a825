package org.onevisit.platform;

import java.util.Locale;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.io.ClassPathResource;

/**
 * The message bundles as the application configures them, for tests that render sentences
 * without starting the application.
 */
public final class Bundles {

	public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

	public static final Locale ENGLISH = Locale.ENGLISH;

	private Bundles() {
	}

	public static Sentences sentences() {
		YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
		yaml.setResources(new ClassPathResource("application.yml"));
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames(yaml.getObject().getProperty("spring.messages.basename").split("\\s*,\\s*"));
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return new Sentences(messages);
	}

}

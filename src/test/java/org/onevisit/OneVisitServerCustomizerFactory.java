package org.onevisit;

import java.util.List;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every test context a {@link OneVisitServer}, made when a test first asks for it,
 * and a new {@link OneVisitHttp} visitor of it wherever a test asks for one: JUnit makes
 * a test instance for each test, so each test has a visitor with cookies of its own
 * (META-INF/spring.factories of the tests). One customizer, equal for every test class,
 * so that the tests share their contexts as before.
 */
class OneVisitServerCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configurationAttributes) {
		return new ServerFixture();
	}

	private static final class ServerFixture implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
			RootBeanDefinition server = new RootBeanDefinition(OneVisitServer.class);
			server.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
			server.setLazyInit(true);
			RootBeanDefinition visitor = new RootBeanDefinition(OneVisitHttp.class,
					() -> context.getBean(OneVisitServer.class).http());
			visitor.setScope(BeanDefinition.SCOPE_PROTOTYPE);
			BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
			registry.registerBeanDefinition(OneVisitServer.class.getName(), server);
			registry.registerBeanDefinition(OneVisitHttp.class.getName(), visitor);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof ServerFixture;
		}

		@Override
		public int hashCode() {
			return ServerFixture.class.hashCode();
		}

	}

}

package org.onevisit;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The headless browsers a test opens, each quit once the test is over, passed or not: a
 * class {@code @ExtendWith(OpenBrowsers.class)} takes an {@code OpenBrowsers} parameter
 * in a test or a {@code @BeforeEach} method and opens its browsers with
 * {@link #chromium(int, int)}.
 */
public final class OpenBrowsers implements ParameterResolver, AfterEachCallback {

	private static final ExtensionContext.Namespace OPEN = ExtensionContext.Namespace.create(OpenBrowsers.class);

	private final List<ChromeDriver> open = new ArrayList<>();

	/** A fresh headless browser, as {@link Browsers#chromium(int, int)} opens it. */
	public ChromeDriver chromium(int width, int height) {
		ChromeDriver browser = Browsers.chromium(width, height);
		this.open.add(browser);
		return browser;
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == OpenBrowsers.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		ExtensionContext.Store store = context.getStore(OPEN);
		OpenBrowsers browsers = store.get(OpenBrowsers.class, OpenBrowsers.class);
		if (browsers == null) {
			browsers = new OpenBrowsers();
			store.put(OpenBrowsers.class, browsers);
		}
		return browsers;
	}

	@Override
	public void afterEach(ExtensionContext context) {
		OpenBrowsers browsers = context.getStore(OPEN).remove(OpenBrowsers.class, OpenBrowsers.class);
		if (browsers != null) {
			browsers.open.forEach(ChromeDriver::quit);
		}
	}

}

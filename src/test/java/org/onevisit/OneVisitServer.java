package org.onevisit;

import org.onevisit.registries.RegistryControl;

import org.springframework.core.env.Environment;

/**
 * The OneVisit a test started on a random port, as its clients meet it: visitors of its
 * pages and API, each with cookies of its own, and matters filed through the API on flats
 * the simulated property registry behind it registers. Every test context has one
 * ({@link OneVisitServerCustomizerFactory}): a test takes it with
 * {@code @Autowired OneVisitServer server} instead of the port and the registry, and
 * takes a new visitor of its own with {@code @Autowired OneVisitHttp visitor}.
 */
public final class OneVisitServer {

	private final Environment environment;

	private final RegistryControl registries;

	OneVisitServer(Environment environment, RegistryControl registries) {
		this.environment = environment;
		this.registries = registries;
	}

	/** The port the server listens on, known once it has started. */
	public int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	/** The address of its pages, for a browser. */
	public String base() {
		return "http://localhost:" + port();
	}

	/**
	 * The simulated registries the server reads and writes, for a test to set up or stop.
	 */
	public RegistryControl registries() {
		return this.registries;
	}

	/** A new visitor, signed in as nobody. */
	public OneVisitHttp http() {
		return new OneVisitHttp(port());
	}

	/** A new visitor signed in on the pages as a demo account. */
	public OneVisitHttp signedIn(String username) {
		return OneVisitHttp.signedIn(port(), username);
	}

	/** Matters filed and decided through a new visitor. */
	public Matters matters() {
		return matters(http());
	}

	/** Matters filed and decided through this visitor. */
	public Matters matters(OneVisitHttp visitor) {
		return new Matters(visitor, this.registries);
	}

}

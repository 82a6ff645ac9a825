package org.onevisit.registries.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RegistryServerTests {

	@Test
	void sendsAnswersWithoutWaitingForTheHeadersToBeAcknowledged() {
		RegistryServer server = new RegistryServer("population", null, new RegistryBook(), null, null, null, null, 0);
		server.start();
		try {
			// the JDK's server reads it once, when the first server starts
			assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
			assertThat(server.running()).isTrue();
		}
		finally {
			server.stop();
		}
	}

}

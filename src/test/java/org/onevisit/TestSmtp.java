package org.onevisit;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server for the tests that read what OneVisit e-mailed (GreenMail), on a
 * port free when the test class loads, so that the port can be given to Spring before the
 * context starts.
 */
public final class TestSmtp {

	private TestSmtp() {
	}

	/** A port nobody listens on now. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An SMTP server started on that port of the loopback address. */
	public static GreenMail startedOn(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

}

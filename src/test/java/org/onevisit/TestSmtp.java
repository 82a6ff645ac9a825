package org.onevisit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real SMTP server for the tests that read what OneVisit e-mailed (GreenMail), started
 * on a port free when the test class loads, so that the port can be given to Spring
 * before the context starts, and stopped after the class:
 * {@code @RegisterExtension static final TestSmtp SMTP = new TestSmtp();} and
 * {@code SMTP.sendTo(registry)} in the class's {@code @DynamicPropertySource}.
 */
public final class TestSmtp implements AfterAllCallback {

	private final int port = freePort();

	private volatile GreenMail server = startedOn(this.port);

	/** Spring's mail sender pointed at this server. */
	public void sendTo(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> this.port);
	}

	/** Stops the server, as a mail server goes down: its port refuses connections. */
	public void stop() {
		this.server.stop();
	}

	/** Starts a server again on the same port, after {@link #stop()}. */
	public void start() {
		this.server = startedOn(this.port);
	}

	/** The e-mails this server has received for the address so far. */
	public List<MimeMessage> receivedBy(String address) {
		return Arrays.stream(this.server.getReceivedMessages()).filter((email) -> {
			try {
				return Arrays.stream(email.getAllRecipients()).anyMatch((to) -> to.toString().equals(address));
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	/** The text of an e-mail. */
	public static String body(MimeMessage email) {
		try {
			return email.getContent().toString();
		}
		catch (IOException | MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		this.server.stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static GreenMail startedOn(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

}

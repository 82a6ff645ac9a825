package org.onevisit.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.shared.SigningKey;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry client's HTTP against a hand-written server: a request is sent once and
 * only once, and a refusal's problem code is read from any status.
 */
class RegistryClientTests {

	private final RegistryClient client = new RegistryClient(null, JsonMapper.builder().build(), Clock.systemUTC(),
			Duration.ofSeconds(2), Duration.ofSeconds(10), 3, Duration.ofMillis(100),
			new StaticListableBeanFactory().getBeanProvider(MeterRegistry.class));

	private final AtomicInteger requests = new AtomicInteger();

	private ServerSocket server;

	@AfterEach
	void close() throws IOException {
		this.client.destroy();
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void neverSendsAPostAgainWhenTheRegistryDropsTheConnectionAfterReadingIt() throws Exception {
		RegistryDirectory.Endpoint registry = aRegistryAnswering(null);

		assertThatThrownBy(() -> post(registry)).isInstanceOfSatisfying(ExchangeFailure.class,
				(failure) -> assertThat(failure.kind()).isEqualTo(ExchangeFailure.Kind.UNAVAILABLE));

		Thread.sleep(200);
		assertThat(this.requests).hasValue(1);
	}

	@Test
	void readsTheProblemCodeInTheBodyOfA401() throws Exception {
		String problem = "{\"code\":\"exchange_signature\"}";
		RegistryDirectory.Endpoint registry = aRegistryAnswering(
				"HTTP/1.1 401 Unauthorized\r\n" + "Content-Type: application/problem+json\r\nContent-Length: "
						+ problem.length() + "\r\n\r\n" + problem);

		assertThatThrownBy(() -> post(registry)).isInstanceOfSatisfying(ExchangeFailure.class,
				(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:exchange_signature"));
	}

	private RegistryClient.Exchanged post(RegistryDirectory.Endpoint registry) {
		RegistryRequest request = new RegistryRequest("r-1", "2026-12-06T00:00:00Z", "applicant1", "ref", "test",
				List.of());
		byte[] body = "{\"requestId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8);
		return this.client.post(registry, request, body, "key", "c2lnbmF0dXJl");
	}

	/**
	 * A registry that reads each request whole and writes the answer, or closes the
	 * connection without a word when there is none.
	 */
	private RegistryDirectory.Endpoint aRegistryAnswering(String answer) throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread serving = new Thread(() -> {
			while (!this.server.isClosed()) {
				try (Socket socket = this.server.accept()) {
					readRequest(socket.getInputStream());
					this.requests.incrementAndGet();
					if (answer != null) {
						socket.getOutputStream().write(answer.getBytes(StandardCharsets.UTF_8));
						socket.getOutputStream().flush();
					}
				}
				catch (IOException ex) {
					// closed at the end of the test
				}
			}
		});
		serving.setDaemon(true);
		serving.start();
		return new RegistryDirectory.Endpoint("test",
				URI.create("http://127.0.0.1:" + this.server.getLocalPort() + "/"),
				SigningKey.generate().verifyingKey());
	}

	private static void readRequest(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (!head.toString().endsWith("\r\n\r\n")) {
			int read = in.read();
			if (read < 0) {
				throw new IOException("closed before the request's end");
			}
			head.append((char) read);
		}
		String length = head.toString()
			.lines()
			.filter((line) -> line.toLowerCase().startsWith("content-length:"))
			.map((line) -> line.substring(line.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("0");
		in.readNBytes(Integer.parseInt(length));
	}

}

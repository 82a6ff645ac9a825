package org.onevisit.partners;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitServer;
import org.onevisit.Partners;
import org.onevisit.platform.PublicUrl;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The authorization server names OneVisit's public address as its issuer, whatever Host
 * header a request sends: discovery and the tokens it signs say the same.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "onevisit.public-url=https://zwfw.example.gov.cn")
class FixedIssuerTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	PublicUrl publicUrl;

	@Test
	void discoveryNamesThePublicAddressWhateverTheHostHeaderSays() throws Exception {
		JsonNode discovery = JsonMapper.builder()
			.build()
			.readTree(getWithHost("/.well-known/openid-configuration", "attacker.example"));
		assertThat(this.publicUrl.base()).isEqualTo("https://zwfw.example.gov.cn");
		assertThat(discovery.path("issuer").asString()).isEqualTo(this.publicUrl.base());
		assertThat(discovery.toString()).doesNotContain("attacker.example");
		assertThat(discovery.path("token_endpoint").asString()).startsWith(this.publicUrl.base());
	}

	@Test
	void aPartnersTokenNamesThePublicAddressAsItsIssuer() {
		String token = new Partners(this.server.port()).token(Partners.Client.DEMO_BANK, "file:nr");
		JsonNode claims = JsonMapper.builder()
			.build()
			.readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
		assertThat(claims.path("iss").asString()).isEqualTo(this.publicUrl.base());
	}

	/**
	 * A GET with a Host header of the caller's choosing (HttpClient does not send one).
	 */
	private String getWithHost(String path, String host) throws Exception {
		try (Socket socket = new Socket("127.0.0.1", this.server.port())) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n"
					+ "Connection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream all = new ByteArrayOutputStream();
			in.transferTo(all);
			String response = all.toString(StandardCharsets.UTF_8);
			assertThat(response).startsWith("HTTP/1.1 200");
			String body = response.substring(response.indexOf("\r\n\r\n") + 4);
			if (response.toLowerCase().contains("transfer-encoding: chunked")) {
				body = dechunk(body);
			}
			return body;
		}
	}

	private static String dechunk(String chunked) {
		StringBuilder body = new StringBuilder();
		String rest = chunked;
		while (true) {
			int line = rest.indexOf("\r\n");
			int size = Integer.parseInt(rest.substring(0, line).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			byte[] bytes = rest.substring(line + 2).getBytes(StandardCharsets.UTF_8);
			String chunk = new String(bytes, 0, size, StandardCharsets.UTF_8);
			body.append(chunk);
			rest = rest.substring(line + 2 + chunk.length() + 2);
		}
	}

}

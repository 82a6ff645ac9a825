package org.onevisit.messages.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.onevisit.messages.SmsGateway;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * An SMS operator's HTTP gateway, used when {@code onevisit.sms.gateway-url} is set: the
 * text is POSTed as JSON with the account's API key, signed with HMAC-SM3 over timestamp
 * and body under the account's secret, and named by OneVisit's reference so that the
 * operator drops a second send of the same text. The operator's answer names its id for
 * the text, which its delivery receipt repeats.
 */
@Component
@ConditionalOnExpression("'${onevisit.sms.gateway-url:}' != ''")
class HttpSmsGateway implements SmsGateway {

	private final RestClient http;

	private final URI url;

	private final JsonMapper json;

	private final Clock clock;

	private final String apiKey;

	private final byte[] secret;

	private final String signName;

	HttpSmsGateway(@Value("${onevisit.sms.gateway-url}") String url, @Value("${onevisit.sms.api-key:}") String apiKey,
			@Value("${onevisit.sms.secret:}") String secret,
			@Value("${onevisit.sms.sign-name:OneVisit}") String signName,
			@Value("${onevisit.sms.timeout:PT10S}") Duration timeout, JsonMapper json, Clock clock) {
		SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
		requests.setConnectTimeout(timeout);
		requests.setReadTimeout(timeout);
		this.http = RestClient.builder().requestFactory(requests).build();
		this.url = URI.create(url);
		this.json = json;
		this.clock = clock;
		this.apiKey = apiKey;
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
		this.signName = signName;
	}

	@Override
	public String send(String mobileNumber, String text) {
		return send(mobileNumber, text, UUID.randomUUID().toString());
	}

	@Override
	public String send(String mobileNumber, String text, String reference) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("mobile", mobileNumber);
		body.put("signName", this.signName);
		body.put("text", text);
		body.put("reference", reference);
		byte[] bytes = this.json.writeValueAsBytes(body);
		String timestamp = Long.toString(this.clock.millis());
		JsonNode answer = this.http.post()
			.uri(this.url)
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Api-Key", this.apiKey)
			.header("X-Timestamp", timestamp)
			.header("X-Signature", signature(timestamp, bytes))
			.header("Idempotency-Key", reference)
			.body(bytes)
			.retrieve()
			.body(JsonNode.class);
		String id = (answer != null) ? answer.path("id").asString("") : "";
		if (id.isEmpty()) {
			throw new IllegalStateException("the SMS gateway answered without an id for the text");
		}
		return id;
	}

	/** HMAC-SM3 of "timestamp\nbody", hex. */
	String signature(String timestamp, byte[] body) {
		HMac mac = new HMac(new SM3Digest());
		mac.init(new KeyParameter(this.secret));
		byte[] head = (timestamp + "\n").getBytes(StandardCharsets.UTF_8);
		mac.update(head, 0, head.length);
		mac.update(body, 0, body.length);
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return HexFormat.of().formatHex(out);
	}

}

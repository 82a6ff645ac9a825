package org.onevisit.exchange.internal;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.registries.RegistryControl;
import org.onevisit.registries.RegistryControl.AnsweredRequest;
import org.onevisit.signing.Signer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo registries remember what their gates admitted and log what they answered in
 * their own tables: a request replayed after a registry restarted is refused, and a
 * department can compare its log with OneVisit's access ledger, finding every request
 * OneVisit made and every one it did not.
 */
@SpringBootTest
class RegistryRequestLogTests {

	static final String SELLER = "339902198503120016";

	@Autowired
	RegistryControl registries;

	@Autowired
	RegistryClient client;

	@Autowired
	RegistryDirectory directory;

	@Autowired
	Fetcher fetcher;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void refusesARequestReplayedAfterTheRegistryRestarted() {
		RegistryRequest request = request();
		byte[] body = this.json.writeValueAsBytes(request);
		Signer.Signed signed = ((ConfiguredRegistries) this.directory).sign(body);
		String signature = Base64.getEncoder().encodeToString(signed.signature());
		assertThat(this.client.post(endpoint(), request, body, signed.keyId(), signature).answer().results())
			.hasSize(1);

		this.registries.restart("population");

		assertThat(this.registries.running("population")).isTrue();
		assertThat(replayed(request, body, signed.keyId(), signature)).isEqualTo("REFUSED:exchange_replayed");
		assertThat(this.registries.requestsAnswered("population", 10))
			.filteredOn((answered) -> request.requestId().equals(answered.requestId()))
			.extracting(AnsweredRequest::outcome)
			.containsExactly("REFUSED:exchange_replayed", "ANSWERED");
	}

	@Test
	void logsEveryRequestItAnswersSoThatADepartmentCanCompareItsLogWithOneVisitsLedger() {
		String reference = "test:" + UUID.randomUUID();
		this.fetcher.fetch("applicant1", reference, "测试",
				List.of(new Fetcher.Need("population.identity", SELLER, "nr", "339900-NR-001")));
		// straight to the registry, not through OneVisit: one signed with the platform's
		// key (as someone holding it could), one forged
		RegistryRequest bypassing = request();
		byte[] body = this.json.writeValueAsBytes(bypassing);
		Signer.Signed signed = ((ConfiguredRegistries) this.directory).sign(body);
		this.client.post(endpoint(), bypassing, body, signed.keyId(),
				Base64.getEncoder().encodeToString(signed.signature()));
		RegistryRequest forged = request();
		byte[] forgedBody = this.json.writeValueAsBytes(forged);
		assertThatThrownBy(() -> this.client.post(endpoint(), forged, forgedBody, signed.keyId(),
				Base64.getEncoder().encodeToString(new byte[64])))
			.isInstanceOf(ExchangeFailure.class);

		Set<String> ledger = this.jdbc
			.sql("select request_id from exchange_ledger where registry = 'population' and reference = ?")
			.param(reference)
			.query(String.class)
			.set();
		Map<String, String> registryLog = this.registries.requestsAnswered("population", 100)
			.stream()
			.filter((answered) -> answered.requestId() != null)
			.collect(Collectors.toMap(AnsweredRequest::requestId, AnsweredRequest::outcome, (newer, older) -> newer));
		assertThat(ledger).isNotEmpty();
		assertThat(registryLog).as("every request in OneVisit's ledger is in the registry's log")
			.containsKeys(ledger.toArray(String[]::new));
		assertThat(ledger).as("the requests that bypassed OneVisit are in the registry's log only")
			.doesNotContain(bypassing.requestId(), forged.requestId());
		assertThat(registryLog).containsEntry(bypassing.requestId(), "ANSWERED")
			.containsEntry(forged.requestId(), "REFUSED:exchange_bad_signature");
	}

	/**
	 * The outcome of sending the request again, once the client's kept-alive connection
	 * to the stopped server has given way to a new one.
	 */
	private String replayed(RegistryRequest request, byte[] body, String keyId, String signature) {
		String outcome = "UNAVAILABLE";
		for (int attempt = 0; attempt < 10 && "UNAVAILABLE".equals(outcome); attempt++) {
			try {
				this.client.post(endpoint(), request, body, keyId, signature);
				outcome = "ANSWERED";
			}
			catch (ExchangeFailure failure) {
				outcome = failure.outcome();
			}
		}
		return outcome;
	}

	private RegistryDirectory.Endpoint endpoint() {
		return this.directory.endpoint("population").orElseThrow();
	}

	private static RegistryRequest request() {
		return new RegistryRequest(UUID.randomUUID().toString(), Instant.now().toString(), "applicant1",
				"test:" + UUID.randomUUID(), "测试",
				List.of(new RegistryRequest.Query("population.identity", SELLER, "nr", "339900-NR-001")));
	}

}

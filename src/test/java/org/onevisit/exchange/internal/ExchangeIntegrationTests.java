package org.onevisit.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.onevisit.platform.Sentences;
import org.onevisit.identity.Actor;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.Channel;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.shared.Subject;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.exchange.AccessEntry;
import org.onevisit.exchange.DataCatalogue;
import org.onevisit.exchange.DataExchange;
import org.onevisit.exchange.PrefillRequest;
import org.onevisit.exchange.Prefilled;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.registries.RegistryControl;
import org.onevisit.registries.RegistryControl.DataProblem;
import org.onevisit.shared.ResidentId;
import org.onevisit.signing.Signer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The exchange against the demo registries, each a real HTTP server on a loopback port.
 */
@SpringBootTest(properties = { "onevisit.exchange.breaker.open-for=PT0.5S", "onevisit.exchange.timeout=PT1S",
		"onevisit.exchange.retry.first-backoff=PT0.02S" })
class ExchangeIntegrationTests {

	static final String SELLER = "339902198503120016";

	static final String BUYER = "339903199007180029";

	@Autowired
	DataExchange exchange;

	@Autowired
	Sentences sentences;

	@Autowired
	ApplicationManagement applications;

	@Autowired
	RegistryControl registries;

	@Autowired
	RegistryClient client;

	@Autowired
	RegistryDirectory directory;

	@Autowired
	Fetcher fetcher;

	@Autowired
	EvidenceCollection collection;

	@Autowired
	AccessLedger ledger;

	@Autowired
	JsonMapper json;

	@Autowired
	Evidences evidences;

	@Autowired
	Catalogue catalogue;

	@Autowired
	DataCatalogue dataCatalogue;

	Prefilled prefillFlatTransfer() {
		return this.exchange.prefill(new PrefillRequest("applicant1", Subject.person(ResidentId.of(SELLER)), null,
				"flat-transfer", Map.of()));
	}

	@Test
	void prefillsTheFlatTransferFromTheRegistriesWithNothingToUpload() {
		Prefilled prefilled = prefillFlatTransfer();

		assertThat(prefilled.form()).containsEntry("sellerId", SELLER)
			.containsEntry("sellerName", "张三")
			.containsEntry("buyerId", BUYER)
			.containsEntry("buyerName", "李四")
			.containsEntry("price", 1_850_000)
			.containsEntry("paymentMethod", "商业贷款")
			.containsEntry("address", "示范市东湖区湖滨路18号3幢502室");
		// the buyer's name as the seller's own sale contract names them
		assertThat(prefilled.sources().get("buyerName").registryName()).isEqualTo("住房和城乡建设信息库");
		assertThat(prefilled.materials()).filteredOn((material) -> !material.subject().equals(BUYER))
			.isNotEmpty()
			.allSatisfy((material) -> assertThat(material.outcome()).as(material.code() + ": " + material.note())
				.isEqualTo(Prefilled.Outcome.FETCHED));
		assertThat(prefilled.materials()).extracting(Prefilled.MaterialPreview::code)
			.contains("buyer-identity", "marital-status", "sale-contract", "property-certificate", "tax-receipt");
		// the buyer's records are read after filing, for the matter: nothing of them now
		assertThat(prefilled.materials()).filteredOn((m) -> m.subject().equals(BUYER))
			.extracting(Prefilled.MaterialPreview::code)
			.contains("buyer-identity");
		assertThat(prefilled.materials()).filteredOn((m) -> m.subject().equals(BUYER)).allSatisfy((material) -> {
			assertThat(material.outcome()).isEqualTo(Prefilled.Outcome.AFTER_CONFIRMATION);
			assertThat(material.records()).isEmpty();
			assertThat(material.evidenceId()).isNull();
		});
		assertThat(prefilled.matches()).containsOnlyKeys("buyerId");
	}

	/**
	 * The matter once its co-owner and buyer confirmed it: only then is it submitted and
	 * its evidence collected.
	 */
	Application confirmedByItsParties(Application filed) {
		return MattersInProcess.confirmedOnline(this.applications, filed);
	}

	@Test
	void filesTheFlatTransferWithThePreviewedEvidenceAndAsksNoUpload() throws Exception {
		Prefilled prefilled = prefillFlatTransfer();
		Map<String, Object> form = new HashMap<>(prefilled.form());
		form.put("onlyHome", true);

		Application filed = confirmedByItsParties(this.applications.submit(new Submission(null, "flat-transfer",
				Subject.person(ResidentId.of(SELLER)), Channel.ONLINE, form, Map.of(), prefilled.evidence(), Map.of()),
				Actor.applicant("applicant1"), null));
		try {
			collectsEveryMaterial(filed, prefilled);
		}
		finally {
			// the registry's one flat is free for the next test's transfer
			this.applications.withdraw(filed.id(), Actor.applicant("applicant1"));
		}
	}

	private void collectsEveryMaterial(Application filed, Prefilled prefilled) throws Exception {

		Application collected = await(filed,
				(application) -> application.materials()
					.stream()
					.noneMatch((material) -> material.state() == MaterialRecord.State.PENDING_FETCH));
		assertThat(collected.materials()).filteredOn((m) -> m.source() != org.onevisit.catalog.MaterialSource.WAIVED)
			.allSatisfy((material) -> assertThat(material.state()).as(material.code())
				.isEqualTo(MaterialRecord.State.FETCHED));
		// the previewed answers were attached, not asked for again
		assertThat(collected.materials()).filteredOn((m) -> m.code().equals("marital-status"))
			.extracting(MaterialRecord::reference)
			.containsExactly(prefilled.evidence().get("marital-status"));
		// and each is the registry's answer as signed, checkable with its key by anyone
		// later
		for (MaterialRecord material : collected.materials()) {
			if (material.state() != MaterialRecord.State.FETCHED) {
				continue;
			}
			Evidences.Evidence evidence = this.evidences.find(UUID.fromString(material.reference())).orElseThrow();
			assertThat(this.directory.endpoint(evidence.registry())
				.orElseThrow()
				.key()
				.verifies(evidence.answer(), Base64.getDecoder().decode(evidence.signature()))).as(material.code())
				.isTrue();
		}
	}

	@Test
	void showsStaleIncompleteAndUnlinkedDataAsSuchAndAsksForAnUploadWithTheReason() {
		String stale = this.registries.residentWith(DataProblem.STALE_MARRIAGE).orElseThrow();
		String incomplete = this.registries.residentWith(DataProblem.INCOMPLETE_MARRIAGE).orElseThrow();
		String unlinked = this.registries.residentWith(DataProblem.UNLINKED_PROPERTY).orElseThrow();

		Map<Fetcher.Need, Fetcher.Found> found = this.fetcher.fetch("applicant1", "test:" + UUID.randomUUID(), "测试",
				List.of(new Fetcher.Need("marriage.status", stale, "nr", "339900-NR-001"),
						new Fetcher.Need("marriage.status", incomplete, "nr", "339900-NR-001"),
						new Fetcher.Need("realestate.ownership", unlinked, "housing", "339900-HOUSING-001")));

		assertThat(found.values()).extracting(Fetcher.Found::kind).containsOnly(Fetcher.Found.Kind.UNUSABLE);
		assertThat(found.values()).extracting((each) -> this.sentences.render(each.note(), Locale.SIMPLIFIED_CHINESE))
			.anySatisfy((note) -> assertThat(note).contains("可能已过时", "最后更新于"))
			.anySatisfy((note) -> assertThat(note).contains("不完整", "省外"))
			.anySatisfy((note) -> assertThat(note).contains("未找到"));
	}

	@Test
	void tellsAnEnglishReaderWhyTheDataCannotServeInEnglish() {
		String stale = this.registries.residentWith(DataProblem.STALE_MARRIAGE).orElseThrow();
		String unlinked = this.registries.residentWith(DataProblem.UNLINKED_PROPERTY).orElseThrow();

		Map<Fetcher.Need, Fetcher.Found> found = this.fetcher.fetch("applicant1", "test:" + UUID.randomUUID(), "test",
				List.of(new Fetcher.Need("marriage.status", stale, "nr", "339900-NR-001"),
						new Fetcher.Need("realestate.ownership", unlinked, "housing", "339900-HOUSING-001")));

		assertThat(found.values()).extracting((each) -> this.sentences.render(each.note(), Locale.ENGLISH))
			.anySatisfy((note) -> assertThat(note).startsWith("The data in the marriage registry (civil affairs)")
				.contains("may be out of date (last updated"))
			.anySatisfy((note) -> assertThat(note).startsWith("The real-estate registry has no record"));
	}

	@Test
	void refusesAndLogsARequestOutsideTheAccessRules() {
		String reference = "test:" + UUID.randomUUID();
		// the tax bureau reading marriage records for a business licence: no rule
		// allows it
		Fetcher.Need forbidden = new Fetcher.Need("marriage.status", BUYER, "tax", "339900-SAMR-001");

		Map<Fetcher.Need, Fetcher.Found> found = this.fetcher.fetch("applicant2", reference, "测试", List.of(forbidden));

		assertThat(found.get(forbidden).kind()).isEqualTo(Fetcher.Found.Kind.REFUSED);
		assertThat(this.exchange.accessesTo(BUYER, 50)).anySatisfy((entry) -> {
			assertThat(entry.reference()).isEqualTo(reference);
			assertThat(entry.outcome()).isEqualTo("REFUSED:exchange_forbidden");
		});
		// and the registry's own gate refuses it when asked directly, with 403
		assertThatThrownBy(() -> this.client.send("marriage", request(forbidden.query()))).isInstanceOfSatisfying(
				ExchangeFailure.class,
				(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:exchange_forbidden"));
	}

	@Test
	void refusesAReplayedATamperedAndAnExpiredRequest() {
		RegistryRequest request = request(
				new RegistryRequest.Query("population.identity", SELLER, "nr", "339900-NR-001"));
		byte[] body = this.json.writeValueAsBytes(request);
		var platform = (ConfiguredRegistries) this.directory;
		Signer.Signed signed = platform.sign(body);
		String keyId = signed.keyId();
		String signature = Base64.getEncoder().encodeToString(signed.signature());
		RegistryDirectory.Endpoint endpoint = this.directory.endpoint("population").orElseThrow();

		assertThat(this.client.post(endpoint, request, body, keyId, signature).answer().results()).hasSize(1);
		assertThatThrownBy(() -> this.client.post(endpoint, request, body, keyId, signature)).isInstanceOfSatisfying(
				ExchangeFailure.class,
				(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:exchange_replayed"));

		byte[] tampered = new String(
				this.json.writeValueAsBytes(
						request(new RegistryRequest.Query("population.identity", BUYER, "nr", "339900-NR-001"))),
				StandardCharsets.UTF_8)
			.getBytes(StandardCharsets.UTF_8);
		assertThatThrownBy(() -> this.client.post(endpoint, request, tampered, keyId, signature))
			.isInstanceOfSatisfying(ExchangeFailure.class,
					(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:exchange_bad_signature"));

		RegistryRequest old = new RegistryRequest(UUID.randomUUID().toString(),
				Instant.now().minus(Duration.ofMinutes(10)).toString(), "applicant1", "test", "测试", request.queries());
		byte[] oldBody = this.json.writeValueAsBytes(old);
		assertThatThrownBy(() -> this.client.post(endpoint, old, oldBody, keyId,
				Base64.getEncoder().encodeToString(platform.sign(oldBody).signature())))
			.isInstanceOfSatisfying(ExchangeFailure.class,
					(failure) -> assertThat(failure.outcome()).isEqualTo("REFUSED:exchange_expired"));
	}

	@Test
	void acceptsApplicationsWhileARegistryIsDownAndCompletesThemWhenItIsBack() throws Exception {
		this.registries.stop("marriage");
		Application filedHere = null;
		try {
			Application filed = confirmedByItsParties(this.applications.submit(new Submission(null, "flat-transfer",
					Subject.person(ResidentId.of(SELLER)), Channel.ONLINE, prefillFlatTransfer().form()),
					Actor.applicant("applicant1"), null));
			filedHere = filed;
			assertThat(filed.status()).isEqualTo(ApplicationStatus.IN_REVIEW);

			Application waiting = await(filed,
					(application) -> material(application, "sale-contract").state() == MaterialRecord.State.FETCHED);
			assertThat(material(waiting, "marital-status").state()).isEqualTo(MaterialRecord.State.PENDING_FETCH);
			assertThat(this.sentences.render(material(waiting, "marital-status").note(), Locale.SIMPLIFIED_CHINESE))
				.contains("暂时无法连接");
			assertThat(this.applications.awaitingData(1000)).contains(filed.id());

			this.registries.start("marriage");
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (material(find(filed), "marital-status").state() == MaterialRecord.State.PENDING_FETCH
					&& System.nanoTime() < deadline) {
				Thread.sleep(300);
				this.collection.retryPending();
			}
			assertThat(material(find(filed), "marital-status").state()).isEqualTo(MaterialRecord.State.FETCHED);
		}
		finally {
			this.registries.start("marriage");
			if (filedHere != null) {
				// the registry's one flat is free for the next test's transfer
				this.applications.withdraw(filedHere.id(), Actor.applicant("applicant1"));
			}
		}
	}

	@Test
	void aCitizenSeesExactlyTheAccessesToTheirOwnData() {
		Prefilled prefilled = prefillFlatTransfer();

		List<AccessEntry> seller = this.exchange.accessesTo(SELLER, 500);
		List<AccessEntry> buyer = this.exchange.accessesTo(BUYER, 500);

		assertThat(seller).isNotEmpty().allSatisfy((entry) -> assertThat(entry.subject()).isEqualTo(SELLER));
		assertThat(buyer).isNotEmpty().allSatisfy((entry) -> assertThat(entry.subject()).isEqualTo(BUYER));
		assertThat(seller).filteredOn((entry) -> entry.reference().equals(prefilled.reference()))
			.extracting(AccessEntry::registry)
			.contains("population", "marriage", "housing", "realestate", "tax");
		// of the buyer only whether the name matches the ID number
		assertThat(buyer).filteredOn((entry) -> entry.reference().equals(prefilled.reference()))
			.isNotEmpty()
			.allSatisfy((entry) -> {
				assertThat(entry.registry()).isEqualTo("population");
				assertThat(entry.elements()).isEqualTo("population.identity");
				assertThat(this.sentences.render(entry.purpose(), Locale.SIMPLIFIED_CHINESE))
					.startsWith("核验姓名与身份证号码是否一致（申请人 3399**********0016");
			});
	}

	@Test
	void knowsEveryDataElementTheCatalogueNames() {
		List<String> named = new java.util.ArrayList<>();
		for (ServiceItem item : this.catalogue.publishedItems()) {
			item.materials().stream().map(Material::dataElement).filter(java.util.Objects::nonNull).forEach(named::add);
			item.form()
				.fields()
				.stream()
				.filter((f) -> f.prefill() != null)
				.forEach((f) -> named.add(f.prefill().element()));
			item.approvalRules()
				.stream()
				.filter(org.onevisit.catalog.ApprovalRule::onData)
				.forEach((rule) -> named.add(rule.element()));
		}
		for (Bundle bundle : this.catalogue.publishedBundles()) {
			bundle.fields()
				.stream()
				.filter((f) -> f.prefill() != null)
				.forEach((f) -> named.add(f.prefill().element()));
		}
		assertThat(named).hasSizeGreaterThan(50)
			.allSatisfy((element) -> assertThat(this.dataCatalogue.element(element)).as(element).isPresent());
	}

	RegistryRequest request(RegistryRequest.Query query) {
		return new RegistryRequest(UUID.randomUUID().toString(), Instant.now().toString(), "applicant1",
				"test:" + UUID.randomUUID(), "测试", List.of(query));
	}

	Application find(Application filed) {
		return this.applications.find(filed.id(), Actor.applicant("applicant1"));
	}

	static MaterialRecord material(Application application, String code) {
		return application.materials().stream().filter((m) -> m.code().equals(code)).findFirst().orElseThrow();
	}

	Application await(Application filed, Predicate<Application> condition) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		Application current = find(filed);
		while (!condition.test(current) && System.nanoTime() < deadline) {
			Thread.sleep(100);
			current = find(filed);
		}
		assertThat(condition.test(current)).as("condition reached within 15 s: " + current.materials()).isTrue();
		return current;
	}

}

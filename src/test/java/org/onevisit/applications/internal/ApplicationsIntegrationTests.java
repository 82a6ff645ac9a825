package org.onevisit.applications.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.Channel;
import org.onevisit.applications.Decision;
import org.onevisit.applications.FieldViolation;
import org.onevisit.applications.HistoryEntry;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.applications.MattersInProcess;
import org.onevisit.applications.SubmissionRefused;
import org.onevisit.applications.Task;
import org.onevisit.applications.TaskChanged;
import org.onevisit.applications.TaskId;
import org.onevisit.applications.TaskStatus;
import org.onevisit.applications.UploadRefused;
import org.onevisit.applications.Uploads;
import org.onevisit.identity.Actor;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.OneVisitException;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.onevisit.applications.MattersInProcess.task;

/** Applications on the embedded PostgreSQL with the demo city's catalogue. */
@SpringBootTest
class ApplicationsIntegrationTests {

	static final Actor SELLER = Actor.applicant("applicant1");

	static final Actor HOUSING = Actor.reviewer("reviewer-housing", "housing");

	static final Actor TAX = Actor.reviewer("reviewer-tax", "tax");

	static final Actor REGISTRY = Actor.reviewer("reviewer-nr", "nr");

	/** Records (登簿) what {@link #REGISTRY} accepted (受理): one person may not do both. */
	static final Actor SECOND_REGISTRAR = Actor.reviewer("reviewer-nr2", "nr");

	@Autowired
	ApplicationManagement applications;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Applications store;

	@Autowired
	org.springframework.transaction.support.TransactionTemplate transactions;

	@Autowired
	Uploads uploads;

	@Autowired
	DataSource dataSource;

	@Autowired
	RegistryControl registries;

	// a flat per address a test writes: the same address names the same flat
	private final Map<String, RegistryControl.Flat> flats = new java.util.concurrent.ConcurrentHashMap<>();

	/**
	 * The seller's flat transfer of a new flat of his, as the applicant wrote its
	 * address: within a test, the same address is the same flat.
	 */
	Submission flatTransfer(String address) {
		RegistryControl.Flat flat = this.flats.computeIfAbsent(address, (written) -> Matters.mintFlat(this.registries));
		return new Submission(null, "flat-transfer", Subject.person(ResidentId.of(Matters.SELLER)), Channel.ONLINE,
				MattersInProcess.flatTransferForm(flat.certificateNo(), address, Matters.BUYER));
	}

	/** The matter once every party it awaits has confirmed, as themselves. */
	Application underReview(Application filed) {
		return MattersInProcess.confirmedOnline(this.applications, filed);
	}

	@Test
	void filesTheFlatTransferAsThreeParallelDepartmentTasksAndAwaitsItsPaymentWhenAllHaveApproved() {
		Application filed = underReview(this.applications.submit(flatTransfer("东湖区示范路1号"), SELLER, null));

		assertThat(filed.trackingNumber()).matches("339900-\\d{8}-\\d{6}");
		assertThat(filed.tasks()).extracting((task) -> task.plan().departmentCode())
			.containsExactlyInAnyOrder("housing", "tax", "nr");
		// its buyer confirmed: every task is open
		assertThat(filed.tasks()).extracting(Task::status).containsOnly(TaskStatus.IN_REVIEW);

		this.applications.decide(task(filed, "tax").id(), Decision.Approve.here(), TAX, null);
		this.applications.decide(task(filed, "housing").id(), Decision.Approve.here(), HOUSING, null);
		for (int step = 0; step < 3; step++) {
			// 登簿 by another registrar than the one who did 受理
			this.applications.decide(task(filed, "nr").id(), Decision.Approve.here(),
					(step < 2) ? REGISTRY : SECOND_REGISTRAR, null);
		}

		Application approved = this.applications.find(filed.id(), SELLER);
		// its registration fee and the taxes the tax office assessed are still unpaid
		assertThat(approved.status()).isEqualTo(ApplicationStatus.AWAITING_PAYMENT);
		// the application's and its tasks' transitions, the buyer's confirmation opening
		// them; the exchange adds a row per fetched material on its own time
		assertThat(this.applications.history(filed.id(), SELLER)).extracting(HistoryEntry::to)
			.filteredOn((to) -> !to.startsWith("material "))
			.contains("AWAITING_PARTIES", "party CO_OWNER CONFIRMED", "party BUYER CONFIRMED", "IN_REVIEW",
					"AWAITING_PAYMENT")
			.hasSize(1 + 3 + 2 + 3 + 1 + 5 + 1);
	}

	@Test
	void givesEachApplicationItsOwnTrackingNumberInFilingOrder() {
		List<String> numbers = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			numbers.add(this.applications.submit(flatTransfer("东湖区编号路" + i + "号"), SELLER, null).trackingNumber());
		}

		assertThat(numbers).doesNotHaveDuplicates().isSorted();
	}

	static Submission mortgageRelease(Map<String, String> uploads) {
		return new Submission("339900-NR-002", null, Subject.person(ResidentId.of("339902198503120016")),
				Channel.ONLINE, Map.of("mortgagorId", "339902198503120016", "certificateNo", "浙(2021)示范市不动产证明第0004567号",
						"bankCode", "91350100M000100Y43"),
				uploads);
	}

	@Test
	void recordsHowEachMaterialComesAndRefusesAMissingUploadNamingIt() {
		assertThatThrownBy(() -> this.applications.submit(mortgageRelease(Map.of()), SELLER, null))
			.isInstanceOfSatisfying(SubmissionRefused.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("materials_missing");
				assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("debt-discharged");
			});

		String upload = this.uploads
			.store(SELLER.username(), "债权消灭证明.pdf", new java.io.ByteArrayInputStream(Matters.aPdf()))
			.id()
			.toString();
		Application filed = this.applications.submit(mortgageRelease(Map.of("debt-discharged", upload)), SELLER, null);

		// as filed: the exchange fetches shared data afterwards
		assertThat(filed.materials())
			.extracting((material) -> material.code() + " " + material.state() + " " + material.reference())
			.containsExactly("application-form WAIVED null", "mortgagor-identity PENDING_FETCH null",
					"mortgage-certificate PENDING_LICENCE null", "mortgage-record PENDING_FETCH null",
					"debt-discharged PROVIDED " + upload);
		// nobody files with another's upload
		assertThatThrownBy(() -> this.applications.submit(mortgageRelease(Map.of("debt-discharged", upload)),
				Actor.applicant("applicant2"), null))
			.isInstanceOfSatisfying(UploadRefused.class,
					(refused) -> assertThat(refused.code()).isEqualTo("upload_unknown"));
	}

	@Test
	void asksABundlesSharedMaterialOnceForAllItsItems() {
		Application filed = underReview(this.applications.submit(flatTransfer("东湖区示范路9号"), SELLER, null));

		assertThat(filed.materials()).filteredOn((material) -> material.code().equals("seller-identity"))
			.singleElement()
			.satisfies((material) -> assertThat(material.neededBy()).containsExactly("339900-HOUSING-001",
					"339900-TAX-001", "339900-NR-001"));
		assertThat(filed.materials()).extracting(MaterialRecord::state).doesNotContain(MaterialRecord.State.PROVIDED);
	}

	@Test
	void refusesAFormThatBreaksItsDefinitionAndSavesNothing() {
		Submission broken = flatTransfer("");
		Map<String, Object> form = new HashMap<>(broken.form());
		form.put("buyerId", "339903199007180028");
		int before = this.jdbc.sql("select count(*) from applications_application").query(Integer.class).single();

		assertThatThrownBy(() -> this.applications
			.submit(new Submission(null, "flat-transfer", broken.subject(), Channel.ONLINE, form), SELLER, null))
			.isInstanceOfSatisfying(SubmissionRefused.class,
					(refused) -> assertThat(refused.violations())
						.extracting((violation) -> violation.field() + ": " + violation.code())
						.containsExactly("buyerId: resident_id_invalid.check_character", "address: required"));
		assertThat(this.jdbc.sql("select count(*) from applications_application").query(Integer.class).single())
			.isEqualTo(before);
	}

	@Test
	void letsExactlyOneOfTwoReviewersWhoSawTheSameTaskDecideIt() {
		Application filed = underReview(this.applications.submit(flatTransfer("东湖区示范路2号"), SELLER, null));
		TaskId tax = task(filed, "tax").id();
		Actor otherTaxReviewer = Actor.reviewer("reviewer-tax-2", "tax");
		long seen = task(filed, "tax").version();

		this.applications.decide(tax, Decision.Approve.here(), TAX, seen);

		assertThatThrownBy(() -> this.applications.decide(tax, new Decision.Reject("不符合条件"), otherTaxReviewer, seen))
			.isInstanceOfSatisfying(OneVisitException.class, (conflict) -> {
				assertThat(conflict.code()).isEqualTo("task_changed");
				assertThat(conflict.kind()).isEqualTo(OneVisitException.Kind.CONFLICT);
			});
		assertThat(task(this.applications.find(filed.id(), SELLER), "tax").status()).isEqualTo(TaskStatus.APPROVED);
	}

	@Test
	void writesNoHistoryForADecisionWhoseTaskChangedUnderIt() {
		Application filed = underReview(this.applications.submit(flatTransfer("东湖区示范路5号"), SELLER, null));
		TaskId tax = task(filed, "tax").id();
		// counted for the task alone: the exchange records the fetched materials in the
		// application's history at the same time, from its own listener
		int historyBefore = historyRows(tax);

		// decided on a copy read before another change of the same task reached the
		// database: the version-checked update matches nothing
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			Applications.Loaded stale = Applications.Loaded.of(this.store.load(filed.id(), true).orElseThrow());
			stale.application().decide(tax, Decision.Approve.here(), TAX, java.time.Clock.systemUTC());
			this.jdbc.sql("update applications_task set version = version + 1 where id = :id")
				.param("id", tax.value())
				.update();
			this.store.save(stale);
		})).isInstanceOf(TaskChanged.class);

		assertThat(historyRows(tax)).isEqualTo(historyBefore);
		assertThat(task(this.applications.find(filed.id(), SELLER), "tax").status()).isEqualTo(TaskStatus.IN_REVIEW);
	}

	private int historyRows(TaskId task) {
		return this.jdbc.sql("select count(*) from applications_history where task_id = :id")
			.param("id", task.value())
			.query(Integer.class)
			.single();
	}

	@Test
	void losesNoDecisionWhenEightReviewersActOnOneTaskAtOnce() throws Exception {
		Application filed = underReview(this.applications.submit(flatTransfer("东湖区示范路3号"), SELLER, null));
		TaskId tax = task(filed, "tax").id();
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<String>> outcomes = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Callable<String> attempt = () -> {
				try {
					this.applications.decide(tax, Decision.Approve.here(), TAX, null);
					return "won";
				}
				catch (OneVisitException ex) {
					return ex.kind().name();
				}
			};
			outcomes.add(pool.submit(attempt));
		}
		List<String> results = new ArrayList<>();
		for (Future<String> outcome : outcomes) {
			results.add(outcome.get());
		}
		pool.shutdown();

		assertThat(results).containsOnlyOnce("won").containsOnly("won", "CONFLICT");
		assertThat(this.applications.history(filed.id(), SELLER)).filteredOn((entry) -> tax.equals(entry.task()))
			.extracting(HistoryEntry::to)
			// planned while the buyer had not confirmed, opened when he did, decided once
			.containsExactly("AWAITING_PARTIES", "IN_REVIEW:decide", "APPROVED");
	}

	@Test
	void completesTheApplicationWhenItsLastDepartmentsApproveAtTheSameMoment() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(3);
		try {
			for (int round = 0; round < 10; round++) {
				Application filed = underReview(
						this.applications.submit(flatTransfer("东湖区示范路5号-" + round), SELLER, null));
				for (int step = 0; step < 2; step++) {
					this.applications.decide(task(filed, "nr").id(), Decision.Approve.here(), REGISTRY, null);
				}
				// each decision must see the others' committed approvals once it holds
				// the lock, or none of them would find every task approved
				java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
				List<Future<Application>> decisions = new ArrayList<>();
				for (var reviewer : List.of(Map.entry("tax", TAX), Map.entry("housing", HOUSING),
						Map.entry("nr", SECOND_REGISTRAR))) {
					TaskId last = task(filed, reviewer.getKey()).id();
					decisions.add(pool.submit(() -> {
						start.await();
						return this.applications.decide(last, Decision.Approve.here(), reviewer.getValue(), null);
					}));
				}
				start.countDown();
				for (Future<Application> decision : decisions) {
					decision.get();
				}

				assertThat(this.applications.find(filed.id(), SELLER).status()).as("round %d", round)
					.isEqualTo(ApplicationStatus.AWAITING_PAYMENT);
			}
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void refusesTheSameKeyWhileItsFilingIsInProgressAndAnswersItsApplicationOnceCommitted() throws Exception {
		String key = UUID.randomUUID().toString();
		Submission submission = flatTransfer("东湖区钥匙路1号");
		ExecutorService other = Executors.newSingleThreadExecutor();
		try {
			Application first = this.transactions.execute((status) -> {
				Application filed = this.applications.submit(submission, SELLER, key);
				// the filing's transaction holds the key until it commits
				Future<Throwable> meanwhile = other.submit(() -> org.assertj.core.api.Assertions
					.catchThrowable(() -> this.applications.submit(submission, SELLER, key)));
				try {
					assertThat(meanwhile.get()).isInstanceOfSatisfying(SubmissionRefused.class,
							(refused) -> assertThat(refused.code()).isEqualTo("request_in_progress"));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return filed;
			});

			// committed: the key answers the application it filed, read once the key is
			// held
			assertThat(other.submit(() -> this.applications.submit(submission, SELLER, key)).get().id())
				.isEqualTo(first.id());
		}
		finally {
			other.shutdown();
		}
	}

	@Test
	void refusesASecondTransferOfTheSameCertificateWhoseAddressIsWrittenDifferently() {
		Application first = this.applications.submit(flatTransfer("东湖区写法路1号"), SELLER, null);
		Submission again = flatTransfer("东湖区写法路1号");
		Map<String, Object> rewritten = new HashMap<>(again.form());
		rewritten.put("address", "示范市东湖区写法路一号（另一种写法）");

		assertThatThrownBy(() -> this.applications
			.submit(new Submission(null, "flat-transfer", again.subject(), Channel.ONLINE, rewritten), SELLER, null))
			.isInstanceOfSatisfying(SubmissionRefused.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("duplicate_matter");
				assertThat(refused.details()).containsEntry("trackingNumber", first.trackingNumber());
			});
	}

	@Test
	void refusesASecondTransferOfTheSameFlatWithTheFirstTrackingNumber() {
		Application first = this.applications.submit(flatTransfer("东湖区重复路1号"), SELLER, UUID.randomUUID().toString());
		int before = this.jdbc.sql("select count(*) from applications_application").query(Integer.class).single();

		assertThatThrownBy(
				() -> this.applications.submit(flatTransfer("东湖区重复路1号"), SELLER, UUID.randomUUID().toString()))
			.isInstanceOfSatisfying(SubmissionRefused.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("duplicate_matter");
				assertThat(refused.details()).containsEntry("trackingNumber", first.trackingNumber());
				assertThat(refused.arguments()).containsExactly(first.trackingNumber());
			});
		assertThat(this.jdbc.sql("select count(*) from applications_application").query(Integer.class).single())
			.isEqualTo(before);
		// another flat is another matter
		assertThat(this.applications.submit(flatTransfer("东湖区重复路2号"), SELLER, null).trackingNumber())
			.isNotEqualTo(first.trackingNumber());
	}

	@Test
	void countsABundleForEachOfItsItemsByTheValuesItsFieldsMapToThem() {
		Application bundle = this.applications.submit(flatTransfer("东湖区重复路5号"), SELLER, null);
		Map<String, Object> registration = new HashMap<>(flatTransfer("东湖区重复路5号").form());
		registration.keySet()
			.retainAll(List.of("sellerId", "sellerName", "buyerId", "buyerName", "certificateNo", "address", "price"));

		// the registration alone, of the flat the bundle transfers, is the bundle's
		// matter
		assertThatThrownBy(() -> this.applications.submit(new Submission("339900-NR-001", null,
				Subject.person(ResidentId.of("339902198503120016")), Channel.ONLINE, registration), SELLER, null))
			.hasFieldOrPropertyWithValue("code", "duplicate_matter")
			.satisfies((refused) -> assertThat(((SubmissionRefused) refused).details()).containsEntry("trackingNumber",
					bundle.trackingNumber()));
	}

	@Test
	void freesTheObjectOnceItsMatterIsFinished() {
		Application first = this.applications.submit(flatTransfer("东湖区重复路3号"), SELLER, null);

		this.applications.withdraw(first.id(), SELLER);
		Application again = this.applications.submit(flatTransfer("东湖区重复路3号"), SELLER, null);

		// filed again: it waits for the flat's co-owner and its buyer, holding the flat
		assertThat(again.status()).isEqualTo(ApplicationStatus.AWAITING_PARTIES);
		assertThatThrownBy(() -> this.applications.submit(flatTransfer("东湖区重复路3号"), SELLER, null))
			.hasFieldOrPropertyWithValue("code", "duplicate_matter")
			.satisfies((refused) -> assertThat(((SubmissionRefused) refused).details()).containsEntry("trackingNumber",
					again.trackingNumber()));
	}

	@Test
	void concurrentFilingsOfTheSameObjectLetExactlyOneThrough() throws Exception {
		int filers = 6;
		ExecutorService pool = Executors.newFixedThreadPool(filers);
		try {
			List<Future<Object>> outcomes = new ArrayList<>();
			for (int i = 0; i < filers; i++) {
				Callable<Object> file = () -> {
					try {
						return this.applications.submit(flatTransfer("东湖区并发路1号"), SELLER, UUID.randomUUID().toString());
					}
					catch (SubmissionRefused refused) {
						return refused;
					}
				};
				outcomes.add(pool.submit(file));
			}
			List<Object> results = new ArrayList<>();
			for (Future<Object> outcome : outcomes) {
				results.add(outcome.get());
			}

			List<Application> filed = results.stream()
				.filter(Application.class::isInstance)
				.map(Application.class::cast)
				.toList();
			assertThat(filed).hasSize(1);
			assertThat(results).filteredOn(SubmissionRefused.class::isInstance)
				.hasSize(filers - 1)
				.allSatisfy((refused) -> {
					assertThat(((SubmissionRefused) refused).code()).isEqualTo("duplicate_matter");
					assertThat(((SubmissionRefused) refused).details()).containsEntry("trackingNumber",
							filed.get(0).trackingNumber());
				});
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void answersTheSameApplicationToARepeatAndRefusesAKeyReusedForSomethingElse() {
		String key = UUID.randomUUID().toString();

		Application first = this.applications.submit(flatTransfer("东湖区示范路4号"), SELLER, key);
		Application repeat = this.applications.submit(flatTransfer("东湖区示范路4号"), SELLER, key);

		assertThat(repeat.id()).isEqualTo(first.id());
		assertThatThrownBy(() -> this.applications.submit(flatTransfer("东湖区示范路5号"), SELLER, key))
			.hasFieldOrPropertyWithValue("code", "idempotency_key_reused");
		// the key is the filer's: another applicant's same key is another request (about
		// another flat: the same one would be a second matter on it)
		Application other = this.applications.submit(flatTransfer("东湖区示范路4号之二"), Actor.applicant("applicant2"), key);
		assertThat(other.id()).isNotEqualTo(first.id());
	}

	@Test
	void refusesARepeatWhileTheFirstRequestIsStillRunning() throws Exception {
		String key = UUID.randomUUID().toString();
		try (Connection running = this.dataSource.getConnection()) {
			running.setAutoCommit(false);
			try (PreparedStatement hold = running
				.prepareStatement("select pg_advisory_xact_lock(hashtext(?), hashtext(?))")) {
				hold.setString(1, SELLER.username());
				hold.setString(2, key);
				hold.execute();
			}

			assertThatThrownBy(() -> this.applications.submit(flatTransfer("东湖区示范路6号"), SELLER, key))
				.isInstanceOfSatisfying(OneVisitException.class, (refused) -> {
					assertThat(refused.code()).isEqualTo("request_in_progress");
					assertThat(refused.kind()).isEqualTo(OneVisitException.Kind.CONFLICT);
				});
			running.rollback();
		}
		// filed: it waits for its buyer to confirm
		assertThat(this.applications.submit(flatTransfer("东湖区示范路6号"), SELLER, key).status())
			.isEqualTo(ApplicationStatus.AWAITING_PARTIES);
	}

	@Test
	void showsNobodyElseTheApplicationOrItsTasks() {
		Application filed = underReview(this.applications.submit(flatTransfer("东湖区示范路7号"), SELLER, null));

		assertThatThrownBy(() -> this.applications.find(filed.id(), Actor.applicant("applicant2")))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
		assertThatThrownBy(() -> this.applications.decide(task(filed, "nr").id(), Decision.Approve.here(),
				Actor.reviewer("reviewer-health", "health"), null))
			.hasFieldOrPropertyWithValue("code", "task_not_found");
		assertThatThrownBy(() -> this.applications.withdraw(filed.id(), Actor.applicant("applicant2")))
			.hasFieldOrPropertyWithValue("code", "application_not_found");
		assertThat(this.applications.find(filed.id(), TAX).id()).isEqualTo(filed.id());
	}

	@Test
	void keepsASupplementRequestAndItsAnswerInTheRecord() {
		Application filed = underReview(this.applications.submit(flatTransfer("东湖区示范路8号"), SELLER, null));
		TaskId registry = task(filed, "nr").id();

		this.applications.decide(registry, new Decision.RequestSupplement(List.of("共有人同意出售的书面意见"), null), REGISTRY,
				null);
		assertThat(this.applications.find(filed.id(), SELLER).status())
			.isEqualTo(ApplicationStatus.WAITING_FOR_SUPPLEMENT);
		assertThat(task(this.applications.find(filed.id(), SELLER), "nr").missing()).containsExactly("共有人同意出售的书面意见");

		this.applications.provideSupplement(filed.id(), SELLER);

		Application resumed = this.applications.find(filed.id(), SELLER);
		assertThat(resumed.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(task(resumed, "nr").status()).isEqualTo(TaskStatus.IN_REVIEW);
		// opened at the buyer's confirmation, paused, resumed
		assertThat(task(resumed, "nr").version()).isEqualTo(3);
	}

}

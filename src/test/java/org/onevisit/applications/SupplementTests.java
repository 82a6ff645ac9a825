package org.onevisit.applications;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.TestClock;
import org.onevisit.applications.ApplicationEvents.SupplementLapsed;
import org.onevisit.applications.ApplicationEvents.SupplementRequested;
import org.onevisit.catalog.MaterialSource;
import org.onevisit.catalog.Workflow;
import org.onevisit.identity.Actor;
import org.onevisit.shared.Calendars;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;
import org.onevisit.shared.WorkingDays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A 补正 with content, as the matter lives it: the reviewer names materials and fields with
 * reasons and a last day; the applicant answers each one, all or nothing; what was asked
 * and what was given stay.
 */
class SupplementTests {

	static final WorkingDays DAYS = Calendars.prc2025();

	static final Actor SELLER = Actor.applicant("applicant1");

	static final Actor TAX = Actor.reviewer("reviewer-tax", "tax");

	final TestClock clock = TestClock.at(LocalDateTime.of(2025, 9, 26, 10, 0));

	static final SupplementItem INVOICE = new SupplementItem(SupplementItem.Kind.MATERIAL, "invoice", null, "发票模糊不清");

	static final SupplementItem PRICE = new SupplementItem(SupplementItem.Kind.FIELD, "price", "成交价格（元）", "与网签合同不一致");

	Application aMatterAskedForAnInvoiceAndThePrice() {
		Application application = Application.file("339900-20250926-000001",
				Subject.person(ResidentId.of("339902198503120016")), SELLER, Channel.ONLINE, null,
				List.of(new PlannedTask("339900-TAX-001", 1, "tax", Workflow.SINGLE_DECISION, 0, 1)),
				Map.of("price", 1_250_000, "sellerName", "张三"), List.of(new MaterialRecord("invoice", "原购房发票",
						MaterialSource.UPLOAD, MaterialRecord.State.PROVIDED, "old-upload", List.of("339900-TAX-001"))),
				this.clock, DAYS);
		application.decide(application.tasks().get(0).id(), new Decision.RequestSupplement(List.of("请携带原件核验"), null,
				List.of(INVOICE, PRICE), LocalDate.of(2025, 10, 17)), TAX, this.clock);
		return application;
	}

	@Test
	void asksForEachItemAsTheApplicantReadsItWithTheReasonAndTheLastDay() {
		Application application = aMatterAskedForAnInvoiceAndThePrice();

		Task task = application.tasks().get(0);
		assertThat(task.status()).isEqualTo(TaskStatus.WAITING_FOR_SUPPLEMENT);
		assertThat(task.asked()).extracting(SupplementItem::label).containsExactly("原购房发票", "成交价格（元）");
		assertThat(task.supplementDue()).isEqualTo(LocalDate.of(2025, 10, 17));
		assertThat(application.newSupplements()).singleElement()
			.satisfies((supplement) -> assertThat(supplement.items()).hasSize(2))
			.satisfies((supplement) -> assertThat(supplement.lines()).containsExactly("请携带原件核验"));
		assertThat(application.events()).last().isInstanceOfSatisfying(SupplementRequested.class, (requested) -> {
			assertThat(requested.due()).isEqualTo(LocalDate.of(2025, 10, 17));
			assertThat(requested.missing()).containsExactly("原购房发票: 发票模糊不清", "成交价格（元）: 与网签合同不一致", "请携带原件核验");
		});
	}

	@Test
	void refusesToAskForAMaterialTheMatterDoesNotHave() {
		Application application = Application.file("339900-20250926-000002",
				Subject.person(ResidentId.of("339902198503120016")), SELLER, Channel.ONLINE, null,
				List.of(new PlannedTask("339900-TAX-001", 1, "tax", Workflow.SINGLE_DECISION, 0, 1)), Map.of(),
				List.of(), this.clock, DAYS);

		assertThatThrownBy(() -> application.decide(application.tasks().get(0).id(),
				new Decision.RequestSupplement(List.of(), null, List.of(INVOICE), null), TAX, this.clock))
			.hasFieldOrPropertyWithValue("code", "decision_invalid");
		assertThat(application.tasks().get(0).status()).isEqualTo(TaskStatus.IN_REVIEW);
	}

	@Test
	void takesEveryItemAskedAndRecordsWhatChanged() {
		Application application = aMatterAskedForAnInvoiceAndThePrice();

		application.provideSupplement(SELLER,
				new SupplementAnswer(Map.of("invoice", "new-upload"), Map.of("price", 1_300_000)), this.clock, DAYS);

		assertThat(application.status()).isEqualTo(ApplicationStatus.IN_REVIEW);
		assertThat(application.form()).containsEntry("price", 1_300_000).containsEntry("sellerName", "张三");
		assertThat(application.formCorrected()).isTrue();
		assertThat(application.materials()).singleElement()
			.satisfies((material) -> assertThat(material.reference()).isEqualTo("new-upload"));
		assertThat(application.answeredSupplements()).singleElement()
			.satisfies((answered) -> assertThat(answered.changes())
				.extracting((change) -> change.name() + " " + change.before() + " -> " + change.after())
				.containsExactly("invoice old-upload -> new-upload", "price 1250000 -> 1300000"));
		// what was asked leaves the task, and stays in the supplement kept
		assertThat(application.tasks().get(0).asked()).isEmpty();
		assertThat(application.tasks().get(0).supplementDue()).isNull();
	}

	@Test
	void refusesAnAnswerThatLeavesAnItemOutOrGivesOneNotAskedAndChangesNothing() {
		Application application = aMatterAskedForAnInvoiceAndThePrice();

		assertThatThrownBy(() -> application.provideSupplement(SELLER,
				new SupplementAnswer(Map.of("invoice", "new-upload"), Map.of()), this.clock, DAYS))
			.isInstanceOfSatisfying(SubmissionRefused.class, (refused) -> {
				assertThat(refused.code()).isEqualTo("supplement_incomplete");
				assertThat(refused.violations()).extracting(FieldViolation::field).containsExactly("price");
			});
		assertThatThrownBy(() -> application.provideSupplement(SELLER,
				new SupplementAnswer(Map.of("invoice", "new-upload"), Map.of("price", 1, "sellerName", "李四")),
				this.clock, DAYS))
			.hasFieldOrPropertyWithValue("code", "supplement_not_asked");
		assertThat(application.status()).isEqualTo(ApplicationStatus.WAITING_FOR_SUPPLEMENT);
		assertThat(application.materials().get(0).reference()).isEqualTo("old-upload");
		assertThat(application.form()).containsEntry("price", 1_250_000);
		assertThat(application.answeredSupplements()).isEmpty();
	}

	@Test
	void lapsesOnlyOnceTheLastDayHasPassed() {
		Application application = aMatterAskedForAnInvoiceAndThePrice();

		this.clock.set(LocalDateTime.of(2025, 10, 17, 23, 0));
		assertThat(application.lapseUnsupplemented(this.clock)).isFalse();
		this.clock.set(LocalDateTime.of(2025, 10, 18, 8, 0));
		boolean lapsed = application.lapseUnsupplemented(this.clock);

		assertThat(lapsed).isTrue();
		assertThat(application.status()).isEqualTo(ApplicationStatus.LAPSED);
		assertThat(application.tasks().get(0).status()).isEqualTo(TaskStatus.WITHDRAWN);
		assertThat(application.events()).last()
			.isInstanceOfSatisfying(SupplementLapsed.class,
					(event) -> assertThat(event.due()).isEqualTo(LocalDate.of(2025, 10, 17)));
	}

}

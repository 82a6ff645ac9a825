package org.onevisit.applications;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.onevisit.Matters;
import org.onevisit.applications.ApplicationManagement.Submission;
import org.onevisit.catalog.ReviewStep;
import org.onevisit.identity.Actor;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Subject;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Matters filed, found and decided through the Java API, for tests in process;
 * {@link Matters} does the same through HTTP.
 */
public final class MattersInProcess {

	private MattersInProcess() {
	}

	/** The matter's task of this department. */
	public static Task task(Application application, String department) {
		return first(application, (task) -> task.plan().departmentCode().equals(department));
	}

	/** The matter's task of this item. */
	public static Task taskOfItem(Application application, String item) {
		return first(application, (task) -> task.plan().itemCode().equals(item));
	}

	/**
	 * Every department approves every step of its task, in the order of the tasks: a step
	 * separated from an earlier one (登簿 from 受理) by the department's second reviewer
	 * ({@code reviewer-nr2}), a counter step by clerk1; answers the application as the
	 * last decision left it.
	 */
	public static Application approveEveryStep(ApplicationManagement applications, Application filed) {
		Application application = filed;
		for (Task task : filed.tasks()) {
			application = approveEveryStepOf(applications, task, application);
		}
		return application;
	}

	/**
	 * Approves every open task until the matter ends, waiting (up to 30 s) where tasks
	 * open only when another's licence is issued (a restaurant's permit and fire check
	 * wait for its business licence); answers the matter as it ended.
	 */
	public static Application approveUntilDone(ApplicationManagement applications, Application filed) {
		Application application = filed;
		while (application.status() == ApplicationStatus.IN_REVIEW) {
			List<Task> open = application.tasks()
				.stream()
				.filter((task) -> task.status() == TaskStatus.IN_REVIEW)
				.toList();
			for (Task task : open) {
				application = approveEveryStepOf(applications, task, application);
			}
			if (open.isEmpty()) {
				ApplicationId waiting = application.id();
				application = Awaitility.await()
					.pollInterval(Duration.ofMillis(50))
					.atMost(Duration.ofSeconds(30))
					.until(() -> applications.find(waiting, Actor.system()),
							(now) -> now.status() != ApplicationStatus.IN_REVIEW
									|| now.tasks().stream().anyMatch((task) -> task.status() == TaskStatus.IN_REVIEW));
			}
		}
		return application;
	}

	/**
	 * 张三 (the seller of the flat tests) opens a restaurant under this name online, with a
	 * scan of each material he must upload: 开餐馆一件事, filed by applicant1.
	 */
	public static Application fileARestaurant(ApplicationManagement applications, Uploads uploads, String shopName) {
		Map<String, Object> form = new HashMap<>();
		form.put("operatorId", Matters.SELLER);
		form.put("operatorName", "张三");
		form.put("shopName", shopName);
		form.put("address", "示范市东湖区美食街8号");
		form.put("businessScope", "餐饮服务");
		form.put("floorArea", 86.5);
		form.put("menuCategory", "热食类食品制售");
		form.put("fireCommitment", true);
		return applications.submit(
				new Submission(null, "restaurant", Subject.person(ResidentId.of(Matters.SELLER)), Channel.ONLINE, form,
						uploaded(uploads, "floor-plan", "fire-plan")),
				Actor.applicant("applicant1"), UUID.randomUUID().toString());
	}

	/** A scan of each material, uploaded by applicant1: material code → upload id. */
	public static Map<String, String> uploaded(Uploads uploads, String... materials) {
		Map<String, String> files = new HashMap<>();
		for (String material : materials) {
			files.put(material,
					uploads
						.store("applicant1", material + ".png",
								new ByteArrayInputStream(
										new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0 }))
						.id()
						.toString());
		}
		return files;
	}

	/**
	 * Every step of one task, by whom {@link #approveEveryStep} has each step approved (a
	 * task that opened later, once another's result came, is approved this way); answers
	 * the application as the last decision left it.
	 */
	public static Application approveEveryStepOf(ApplicationManagement applications, Task task,
			Application application) {
		Application decided = application;
		String department = task.plan().departmentCode();
		for (ReviewStep step : task.plan().workflow().steps()) {
			String reviewer = "reviewer-" + department + (step.notBy().isEmpty() ? "" : "2");
			Actor actor = (step.role() == ReviewStep.StepRole.CLERK) ? Actor.clerk("clerk1")
					: Actor.reviewer(reviewer, department);
			decided = applications.decide(task.id(), Decision.Approve.here(), actor, null);
		}
		return decided;
	}

	/**
	 * The resident's 不动产登记资料查询 (a citywide item) filed by clerk1 at this hall: the county
	 * of the resident's household handles it.
	 */
	public static Application recordsSearch(ApplicationManagement applications, String hall, String resident) {
		return applications.submit(
				new Submission("339900-NR-006", null, Subject.person(ResidentId.of(resident)), Channel.HALL,
						Map.of("applicantId", resident, "purpose", "办理贷款需查询名下房产"))
					.atHall(hall),
				Actor.clerk("clerk1"), null);
	}

	/**
	 * 张三's records search filed at the west hall, its parties confirmed there at the
	 * window: his household's county, 东湖区, handles it.
	 */
	public static Application recordsSearchAtTheWestHall(ApplicationManagement applications) {
		Application filed = recordsSearch(applications, "west", Matters.SELLER);
		confirmAtTheWindow(applications, filed, "west");
		return filed;
	}

	/** The hall that owns the matter, as stored; null where none does. */
	public static String owningHallOf(JdbcClient jdbc, Application application) {
		return jdbc.sql("select owning_hall_code from applications_application where id = :id")
			.param("id", application.id().value())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	/**
	 * The form of 张三's transfer of the flat with this certificate, at this address as the
	 * applicant wrote it, to this buyer (named 李四 on the form) for 1,250,000 yuan on a
	 * commercial loan.
	 */
	public static Map<String, Object> flatTransferForm(String certificateNo, String address, String buyer) {
		Map<String, Object> form = new HashMap<>();
		form.put("sellerId", Matters.SELLER);
		form.put("sellerName", "张三");
		form.put("buyerId", buyer);
		form.put("buyerName", "李四");
		form.put("certificateNo", certificateNo);
		form.put("address", address);
		form.put("price", 1_250_000);
		form.put("paymentMethod", "商业贷款");
		return form;
	}

	/** The same, of this flat at the address the property registry records. */
	public static Map<String, Object> flatTransferForm(RegistryControl.Flat flat, String buyer) {
		return flatTransferForm(flat.certificateNo(), flat.address(), buyer);
	}

	/**
	 * Every party the matter awaits confirms it online, as themselves; answers the matter
	 * as it is then.
	 */
	public static Application confirmedOnline(ApplicationManagement applications, Application filed) {
		filed.parties()
			.stream()
			.filter(PartyConfirmation::pending)
			.forEach((part) -> applications.confirm(part.id(), Actor.applicant("party", part.party()), null));
		return applications.find(filed.id(), Actor.system());
	}

	/**
	 * Every party the matter awaits confirms it at this hall's window, clerk1 reading
	 * their identity cards.
	 */
	public static void confirmAtTheWindow(ApplicationManagement applications, Application filed, String hall) {
		filed.parties()
			.stream()
			.filter(PartyConfirmation::pending)
			.forEach((part) -> applications.confirm(part.id(), Actor.clerk("clerk1"), new PartyConfirmation.WindowCheck(
					PartyConfirmation.IdentityCheck.ID_CARD, part.party().identifier(), "clerk1", hall)));
	}

	private static Task first(Application application, Predicate<Task> wanted) {
		return application.tasks().stream().filter(wanted).findFirst().orElseThrow();
	}

}

package org.onevisit.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.onevisit.applications.ApplicationEvents.ApplicationApproved;
import org.onevisit.applications.ApplicationEvents.ApprovedItem;
import org.onevisit.applications.ApplicationEvents.ResultNeeded;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.Filing;
import org.onevisit.applications.FormCheck;
import org.onevisit.applications.WriteBacks;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.RegistryChange;
import org.onevisit.catalog.ServiceItem;
import org.onevisit.exchange.RegistryEvents.RegistryWritten;
import org.onevisit.exchange.RegistryUpdate;
import org.onevisit.exchange.internal.AccessLedger.Access;
import org.onevisit.platform.Sentence;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.TimeOrderedIds;
import org.onevisit.platform.OnlyWhen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the changes approved items make back to the registries (回写): for each approved
 * item whose catalogue entry {@code writes} a change, a signed update to the registry, on
 * the access ledger with the registration as its purpose, and once the registry has
 * applied it, {@link RegistryWritten} with its results. The approval comes through the
 * outbox: a registry that cannot be reached fails the listener, and the outbox hands the
 * approval over again later. The update id is fixed per item and change, so that the
 * registry applies it once however often it is sent; a change already written is not sent
 * again and not announced twice.
 */
@Component
class WriteBack implements WriteBacks {

	private static final Logger log = LoggerFactory.getLogger(WriteBack.class);

	/** Fixed outbox ids: renaming the class or a method orphans no publication. */
	static final String ON_APPROVAL = "exchange.WriteBack.approved";

	static final String ON_RESULT_NEEDED = "exchange.WriteBack.resultNeeded";

	/**
	 * The form fields naming the people whose registry records a change rewrites: the
	 * access ledger has an entry for each, as for a read of their data.
	 */
	private static final Map<RegistryChange, List<String>> SUBJECTS = Map.of(RegistryChange.PROPERTY_TRANSFER,
			List.of("sellerId", "buyerId"), RegistryChange.MARRIAGE_REGISTRATION, List.of("partyAId", "partyBId"),
			RegistryChange.ENTERPRISE_REGISTRATION, List.of("legalRepresentativeId"),
			RegistryChange.INDIVIDUAL_BUSINESS_REGISTRATION, List.of("operatorId"), RegistryChange.BIRTH_REGISTRATION,
			List.of("guardianId"), RegistryChange.MORTGAGE_RELEASE, List.of("holderId"));

	/** The element of the registry each change rewrites. */
	private static final Map<RegistryChange, String> ELEMENTS = Map.of(RegistryChange.PROPERTY_TRANSFER,
			"realestate.ownership", RegistryChange.MARRIAGE_REGISTRATION, "marriage.status",
			RegistryChange.ENTERPRISE_REGISTRATION, "enterprise.registration",
			RegistryChange.INDIVIDUAL_BUSINESS_REGISTRATION, "enterprise.registration",
			RegistryChange.BIRTH_REGISTRATION, "population.household", RegistryChange.MORTGAGE_RELEASE,
			"realestate.mortgage");

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final RegistryClient client;

	private final AccessLedger ledger;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate separately;

	private final PersonalData personalData;

	WriteBack(ApplicationManagement applications, Catalogue catalogue, RegistryClient client, AccessLedger ledger,
			JdbcClient jdbc, JsonMapper json, ApplicationEventPublisher events, Clock clock,
			PlatformTransactionManager transactions, PersonalData personalData) {
		this.personalData = personalData;
		this.applications = applications;
		this.catalogue = catalogue;
		this.client = client;
		this.ledger = ledger;
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
		this.clock = clock;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	// an approval that writes nothing is not even recorded in the outbox for this
	// listener
	@ApplicationModuleListener(id = ON_APPROVAL)
	@OnlyWhen("concerns")
	void on(ApplicationApproved approved) {
		writeBack(approved.application(), approved.trackingNumber(), approved.items());
	}

	@ApplicationModuleListener(id = ON_RESULT_NEEDED)
	@OnlyWhen("concerns")
	void on(ResultNeeded needed) {
		writeBack(needed.application(), needed.trackingNumber(), List.of(needed.item()));
	}

	/** Whether some approved item writes a change back. */
	boolean concerns(ApplicationApproved approved) {
		return concerns(approved.items());
	}

	/** Whether the item needed now writes a change back. */
	boolean concerns(ResultNeeded needed) {
		return concerns(List.of(needed.item()));
	}

	/** Whether some approved item writes a change back (the catalogue, in memory). */
	private boolean concerns(List<ApprovedItem> items) {
		return items.stream().anyMatch((approved) -> !changesOf(approved).isEmpty());
	}

	@Override
	public Map<String, State> of(ApplicationId application) {
		Map<String, State> states = new LinkedHashMap<>();
		this.jdbc
			.sql("select item_code, state from exchange_write_back where application_id = :id"
					+ " order by requested_at, item_code")
			.param("id", application.value())
			.query((row, n) -> Map.entry(row.getString(1), State.valueOf(row.getString(2))))
			.list()
			// an item is written once every change it makes is written
			.forEach((entry) -> states.merge(entry.getKey(), entry.getValue(),
					(a, b) -> (a == State.REFUSED || b == State.REFUSED) ? State.REFUSED
							: (a == State.PENDING || b == State.PENDING) ? State.PENDING : State.WRITTEN));
		return states;
	}

	/**
	 * Sends every change of the items not written yet; fails (for the outbox to retry)
	 * when a registry cannot be reached, after the changes that could be written are.
	 */
	void writeBack(ApplicationId application, String trackingNumber, List<ApprovedItem> items) {
		Filing filing = null;
		ExchangeFailure unavailable = null;
		for (ApprovedItem approved : items) {
			List<RegistryChange> changes = changesOf(approved);
			if (changes.isEmpty()) {
				continue;
			}
			ServiceItem item = this.catalogue.item(approved.itemCode(), approved.itemVersion()).content();
			for (RegistryChange change : changes) {
				UUID updateId = updateId(application, item.code(), change);
				if (!begin(application, trackingNumber, item.code(), change, updateId)) {
					continue;
				}
				if (filing == null) {
					filing = this.applications.filing(application);
				}
				try {
					write(application, trackingNumber, item, itemForm(filing, item), change, updateId);
				}
				catch (ExchangeFailure failure) {
					if (failure.kind() != ExchangeFailure.Kind.REFUSED) {
						unavailable = failure;
						continue;
					}
					log.error("Registry {} refused write-back {} of {} item {}: {}", change.registry(), updateId,
							trackingNumber, item.code(), failure.getMessage());
					this.jdbc
						.sql("update exchange_write_back set state = 'REFUSED', refusal = :why"
								+ " where update_id = :update and state = 'PENDING'")
						.param("why", failure.outcome())
						.param("update", updateId)
						.update();
				}
			}
		}
		if (unavailable != null) {
			throw unavailable;
		}
	}

	/**
	 * Writes one change of an item as its form has it, unless written already: for the
	 * write-back benchmark, which has no matters behind its changes.
	 */
	boolean writeOne(ApplicationId application, String trackingNumber, ServiceItem item, Map<String, Object> form,
			RegistryChange change) {
		UUID updateId = updateId(application, item.code(), change);
		if (!begin(application, trackingNumber, item.code(), change, updateId)) {
			return false;
		}
		write(application, trackingNumber, item, form, change, updateId);
		return true;
	}

	private void write(ApplicationId application, String trackingNumber, ServiceItem item, Map<String, Object> form,
			RegistryChange change, UUID updateId) {
		Map<String, String> fields = new LinkedHashMap<>();
		form.forEach((name, value) -> {
			if (value != null) {
				fields.put(name, value.toString());
			}
		});
		String purpose = Sentence.of("exchange.purpose.writeBack", item.name(), trackingNumber).stored();
		RegistryUpdate update = new RegistryUpdate(TimeOrderedIds.next().toString(), this.clock.instant().toString(),
				updateId.toString(), "system", application.value().toString(), purpose, item.departmentCode(),
				item.code(), change, fields);
		RegistryClient.Exchanged answered;
		try {
			answered = this.client.update(change.registry(), update);
		}
		catch (ExchangeFailure failure) {
			this.ledger.append(accesses(update, failure.outcome()));
			throw failure;
		}
		// the change is on record before anyone acts on it
		this.ledger.append(accesses(update, "WRITTEN"));
		Map<String, String> results = new LinkedHashMap<>();
		answered.answer()
			.results()
			.stream()
			.flatMap((result) -> result.records().stream())
			.findFirst()
			.orElse(Map.of())
			.forEach((name, value) -> results.put(name, String.valueOf(value)));
		Map<String, String> named = new LinkedHashMap<>();
		for (String name : change.results()) {
			if (results.containsKey(name)) {
				named.put(name, results.get(name));
			}
		}
		Instant now = this.clock.instant();
		int written = this.jdbc
			.sql("update exchange_write_back set state = 'WRITTEN', results = :results, written_at = :at"
					+ " where update_id = :update and state <> 'WRITTEN'")
			.param("results",
					this.personalData.seal(this.json.writeValueAsString(named),
							resultsContext(application, item.code())))
			.param("at", Timestamp.from(now))
			.param("update", updateId)
			.update();
		// another delivery of the same approval wrote it meanwhile: announced once
		if (written == 1) {
			this.events.publishEvent(new RegistryWritten(application, trackingNumber, item.code(), change, named, now));
		}
	}

	/**
	 * Records the change as pending in a transaction of its own, so that the case file
	 * shows it waiting while the registry cannot be reached; false if it is written
	 * already.
	 */
	private boolean begin(ApplicationId application, String trackingNumber, String itemCode, RegistryChange change,
			UUID updateId) {
		String state = this.separately.execute((status) -> {
			this.jdbc
				.sql("insert into exchange_write_back (application_id, item_code, change, tracking_number, update_id,"
						+ " state, requested_at) values (:application, :item, :change, :tracking, :update, 'PENDING',"
						+ " :at) on conflict do nothing")
				.param("application", application.value())
				.param("item", itemCode)
				.param("change", change.name())
				.param("tracking", trackingNumber)
				.param("update", updateId)
				.param("at", Timestamp.from(this.clock.instant()))
				.update();
			return this.jdbc.sql("select state from exchange_write_back where update_id = :update")
				.param("update", updateId)
				.query(String.class)
				.single();
		});
		return "PENDING".equals(state);
	}

	private List<Access> accesses(RegistryUpdate update, String outcome) {
		List<Access> accesses = new ArrayList<>();
		SUBJECTS.getOrDefault(update.change(), List.of())
			.stream()
			.map(update.fields()::get)
			.filter(Objects::nonNull)
			.distinct()
			.forEach((subject) -> accesses.add(new Access(update.actor(), update.consumer(), subject,
					update.change().registry(), ELEMENTS.get(update.change()), update.reference(), update.purpose(),
					update.requestId(), outcome)));
		return accesses;
	}

	private List<RegistryChange> changesOf(ApprovedItem approved) {
		return this.catalogue.item(approved.itemCode(), approved.itemVersion()).content().writes();
	}

	private Map<String, Object> itemForm(Filing filing, ServiceItem item) {
		if (filing.bundleCode() == null) {
			return filing.form();
		}
		return FormCheck.itemForm(this.catalogue.bundle(filing.bundleCode()).content(), filing.form(), item.code());
	}

	/** The same for every delivery of the approval: the registry applies it once. */
	static UUID updateId(ApplicationId application, String itemCode, RegistryChange change) {
		return UUID.nameUUIDFromBytes(("write-back:" + application.value() + ":" + itemCode + ":" + change.name())
			.getBytes(StandardCharsets.UTF_8));
	}

	/** The results a written change answered with, for tests and the case file. */
	Map<String, String> resultsOf(ApplicationId application, String itemCode) {
		return this.jdbc
			.sql("select results from exchange_write_back where application_id = :id and item_code = :item"
					+ " and state = 'WRITTEN'")
			.param("id", application.value())
			.param("item", itemCode)
			.query(String.class)
			.optional()
			.map((text) -> this.json.readValue(this.personalData.open(text, resultsContext(application, itemCode)),
					new TypeReference<Map<String, String>>() {
					}))
			.orElse(Map.of());
	}

	// a registry's results name the new owners: sealed, bound to their matter and item
	private static String resultsContext(ApplicationId application, String itemCode) {
		return "exchange_write_back.results/" + application.value() + "/" + itemCode;
	}

}

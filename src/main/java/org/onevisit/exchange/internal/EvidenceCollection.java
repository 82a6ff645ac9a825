package org.onevisit.exchange.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.function.Supplier;

import org.onevisit.catalog.MaterialSource;

import org.onevisit.applications.ApplicationEvents.ApplicationSubmitted;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationManagement.DataOutcome;
import org.onevisit.applications.Filing;
import org.onevisit.applications.MaterialRecord;
import org.onevisit.catalog.Catalogue;
import org.onevisit.exchange.internal.Evidences.Evidence;
import org.onevisit.exchange.internal.Fetcher.Found;
import org.onevisit.exchange.internal.Fetcher.Need;
import org.onevisit.exchange.internal.MatterShape.DataMaterial;
import org.onevisit.platform.Sentence;
import org.onevisit.platform.OnlyWhen;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.modulith.events.ApplicationModuleListener;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Satisfies an application's shared-data materials once it is filed: with the evidence
 * the applicant previewed, when it is theirs and recent, or else by asking the registries
 * now. A registry that cannot be reached leaves the material pending (待获取); the
 * application is under review all the same, and the fetch is retried on a schedule.
 */
@Component
class EvidenceCollection {

	/**
	 * The id the outbox records this listener's publications under: fixed, so that
	 * renaming the class or the method does not orphan publications not yet handled.
	 */
	static final String ID = "exchange.EvidenceCollection";

	private static final Logger log = LoggerFactory.getLogger(EvidenceCollection.class);

	// previewed evidence older than this is fetched again at filing
	private static final Duration PREVIEW_VALID = Duration.ofHours(24);

	private final ApplicationManagement applications;

	private final Catalogue catalogue;

	private final Fetcher fetcher;

	private final Evidences evidences;

	private final Clock clock;

	private final Representatives representatives;

	EvidenceCollection(ApplicationManagement applications, Catalogue catalogue, Fetcher fetcher, Evidences evidences,
			Clock clock, Representatives representatives) {
		this.representatives = representatives;
		this.applications = applications;
		this.catalogue = catalogue;
		this.fetcher = fetcher;
		this.evidences = evidences;
		this.clock = clock;
	}

	// a filing with nothing to fetch is not even recorded in the outbox for this listener
	@ApplicationModuleListener(id = EvidenceCollection.ID)
	@OnlyWhen("concerns")
	void on(ApplicationSubmitted submitted) {
		collect(submitted.application());
	}

	/** Whether the filing waits for data from a registry. */
	boolean concerns(ApplicationSubmitted submitted) {
		return submitted.awaitingData();
	}

	@SchedulerLock(name = "exchange-retry")
	@Scheduled(fixedDelayString = "${onevisit.exchange.retry-interval:PT30S}",
			initialDelayString = "${onevisit.exchange.retry-interval:PT30S}")
	void retryPending() {
		for (ApplicationId id : this.applications.awaitingData(100)) {
			try {
				collect(id);
			}
			catch (RuntimeException ex) {
				log.warn("Fetching data for application {} failed; retried later", id.value(), ex);
			}
		}
	}

	/** Fetches what is still pending for the application and records it. */
	void collect(ApplicationId id) {
		Filing filing = this.applications.filing(id);
		List<MaterialRecord> pending = filing.materials()
			.stream()
			.filter((material) -> material.state() == MaterialRecord.State.PENDING_FETCH)
			.toList();
		if (pending.isEmpty()) {
			return;
		}
		String itemCode = (filing.bundleCode() == null) ? filing.items().get(0).code() : null;
		MatterShape shape = MatterShape.of(this.catalogue, itemCode, filing.bundleCode());
		String purpose = Sentence.of("exchange.purpose.filing", filing.trackingNumber()).stored();
		// a business's legal representative is looked up once, and only if a material is
		// theirs
		Map<String, Optional<String>> representative = new HashMap<>();
		Supplier<Optional<String>> acting = () -> representative.computeIfAbsent("", (any) -> this.representatives
			.of(filing.subject().identifier(), "onevisit", id.value().toString(), purpose));
		List<DataOutcome> outcomes = new ArrayList<>();
		Map<Need, String> toFetch = new LinkedHashMap<>();
		for (MaterialRecord material : pending) {
			Optional<DataMaterial> shaped = shape.material(material.code());
			Optional<String> subject = shaped.flatMap((m) -> this.representatives.subject(m.of(),
					m.material().dataElement(), filing.form(), filing.subject(), acting));
			if (shaped.isPresent() && subject.isEmpty() && material.source() == MaterialSource.LICENCE) {
				// a business's licence for a person filing: theirs once the business is
				// registered, as the bundle's licence will be
				outcomes.add(new DataOutcome(material.code(), MaterialRecord.State.PENDING_LICENCE, null, null));
				continue;
			}
			if (shaped.isEmpty() || subject.isEmpty()) {
				outcomes.add(new DataOutcome(material.code(), MaterialRecord.State.NEEDS_UPLOAD, null,
						Sentence.of("exchange.note.subjectUnknown").stored()));
				continue;
			}
			String element = shaped.get().material().dataElement();
			Optional<Evidence> previewed = previewed(material.reference(), filing.filedBy(), element, subject.get());
			if (previewed.isPresent()) {
				Found judged = this.fetcher.judge(null, previewed.get(), previewed.get().fetchedAt());
				outcomes.add(outcome(material.code(), judged));
				continue;
			}
			toFetch.put(new Need(element, subject.get(), shaped.get().department(), shaped.get().item()),
					material.code());
		}
		if (!toFetch.isEmpty()) {
			// several materials may need the same record: asked once
			Map<Need, Found> found = this.fetcher.fetch("onevisit", id.value().toString(), purpose,
					List.copyOf(new LinkedHashSet<>(toFetch.keySet())));
			toFetch.forEach((need, code) -> outcomes.add(outcome(code, found.get(need))));
		}
		this.applications.recordData(id, outcomes);
	}

	private Optional<Evidence> previewed(String reference, String filedBy, String element, String subject) {
		if (reference == null) {
			return Optional.empty();
		}
		UUID id;
		try {
			id = UUID.fromString(reference);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		// only the filer's own preview of this very record counts
		return this.evidences.find(id)
			.filter((evidence) -> evidence.requestedBy().equals(filedBy) && evidence.element().equals(element)
					&& evidence.subject().equals(subject)
					&& evidence.fetchedAt().isAfter(this.clock.instant().minus(PREVIEW_VALID)));
	}

	private static DataOutcome outcome(String code, Found found) {
		return switch (found.kind()) {
			case FETCHED ->
				new DataOutcome(code, MaterialRecord.State.FETCHED, found.evidence().id().toString(), found.note());
			case PENDING -> new DataOutcome(code, MaterialRecord.State.PENDING_FETCH, null, found.note());
			case UNUSABLE, REFUSED -> new DataOutcome(code, MaterialRecord.State.NEEDS_UPLOAD,
					(found.evidence() != null) ? found.evidence().id().toString() : null, found.note());
		};
	}

}

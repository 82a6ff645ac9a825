package org.onevisit.exchange.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.onevisit.exchange.AccessRules;
import org.onevisit.exchange.DataElement;
import org.onevisit.exchange.RegistryAnswer;
import org.onevisit.exchange.RegistryRequest;
import org.onevisit.exchange.internal.AccessLedger.Access;
import org.onevisit.exchange.internal.Evidences.Evidence;
import org.onevisit.exchange.internal.RegistryClient.Exchanged;
import org.onevisit.platform.Sentence;
import org.onevisit.shared.TimeOrderedIds;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Fetches what a matter needs from the registries: checks each query against the access
 * rules, asks every registry involved at once (one signed request each), logs every
 * access in the ledger and keeps each answer as evidence, all before the data is used.
 */
@Component
class Fetcher implements DisposableBean {

	/** The consumer and actor the platform reads as when it reads for itself. */
	static final String PLATFORM = "onevisit";

	private final RegistryClient client;

	private final AccessRules rules;

	private final DataElementCatalogue elements;

	private final AccessLedger ledger;

	private final Clock clock;

	private final ExecutorService calls = Executors.newFixedThreadPool(32, (task) -> {
		Thread thread = new Thread(task, "registry-call");
		thread.setDaemon(true);
		return thread;
	});

	Fetcher(RegistryClient client, AccessRules rules, DataElementCatalogue elements, AccessLedger ledger, Clock clock) {
		this.client = client;
		this.rules = rules;
		this.elements = elements;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** One element about one subject, read by a department for an item. */
	record Need(String element, String subject, String consumer, String item) {

		RegistryRequest.Query query() {
			return new RegistryRequest.Query(this.element, this.subject, this.consumer, this.item);
		}

	}

	/**
	 * What a need came to, and a note for the applicant as a stored {@link Sentence}.
	 */
	record Found(Need need, Kind kind, Evidence evidence, String note) {

		enum Kind {

			/** Found, complete and fresh. */
			FETCHED,
			/**
			 * Answered, but stale, incomplete or not found: the applicant uploads
			 * instead.
			 */
			UNUSABLE,
			/** The registry could not be reached: try again later. */
			PENDING,
			/** Outside the access rules, or refused by the registry. */
			REFUSED

		}

		/**
		 * The registry was not reached or not to be asked: nothing is known either way.
		 */
		boolean unanswered() {
			return this.kind == Kind.PENDING || this.kind == Kind.REFUSED;
		}

		/** The first record the registry answered with, if it answered one. */
		Optional<Map<String, Object>> firstRecord() {
			return (this.evidence == null || this.evidence.records().isEmpty()) ? Optional.empty()
					: Optional.of(this.evidence.records().get(0));
		}

	}

	/**
	 * Records the platform reads for itself (a registration's check, a matter's routing),
	 * under a fresh reference: the subject's ID would otherwise stand in clear on the
	 * ledger. Each need names the purpose key as its item.
	 */
	Map<Need, Found> fetchForPlatform(String purposeKey, String purposeCode, List<Need> needs) {
		return fetch(PLATFORM, purposeKey + ":" + TimeOrderedIds.next(), Sentence.of(purposeCode).stored(), needs);
	}

	/** One element of one subject that the platform reads for itself, as above. */
	Found fetchForPlatform(String element, String subject, String purposeKey, String purposeCode) {
		Need need = new Need(element, subject, PLATFORM, purposeKey);
		return fetchForPlatform(purposeKey, purposeCode, List.of(need)).get(need);
	}

	/** Fetches the needs, one request per registry, all registries in parallel. */
	Map<Need, Found> fetch(String actor, String reference, String purpose, List<Need> needs) {
		Map<Need, Found> found = new LinkedHashMap<>();
		List<Access> accesses = new ArrayList<>();
		List<Evidence> evidence = new ArrayList<>();
		Map<String, List<Need>> byRegistry = new LinkedHashMap<>();
		for (Need need : needs) {
			DataElement element = this.elements.element(need.element()).orElse(null);
			if (element == null || !this.rules.allows(need.consumer(), need.element(), need.item())) {
				// refused here, before any registry is asked, and logged all the same
				found.put(need, new Found(need, Found.Kind.REFUSED, null, note("exchange.note.notAuthorised")));
				accesses.add(new Access(actor, need.consumer(), need.subject(),
						(element != null) ? element.registry() : "unknown", need.element(), reference, purpose,
						"local-" + TimeOrderedIds.next(), "REFUSED:exchange_forbidden"));
				continue;
			}
			byRegistry.computeIfAbsent(element.registry(), (registry) -> new ArrayList<>()).add(need);
		}
		// the pool asks every registry but the last, which the caller asks itself rather
		// than wait idle: one registry alone costs no hand-over between threads
		Map<String, CompletableFuture<Object>> calls = new LinkedHashMap<>();
		List<String> registries = List.copyOf(byRegistry.keySet());
		for (int i = 0; i < registries.size(); i++) {
			String registry = registries.get(i);
			Supplier<Object> call = () -> ask(registry, actor, reference, purpose, byRegistry.get(registry));
			calls.put(registry, (i < registries.size() - 1) ? CompletableFuture.supplyAsync(call, this.calls)
					: CompletableFuture.completedFuture(call.get()));
		}
		Instant now = this.clock.instant();
		calls.forEach((registry, call) -> {
			Object outcome = call.join();
			List<Need> registryNeeds = byRegistry.get(registry);
			if (outcome instanceof ExchangeFailure failure) {
				String requestId = "failed-" + TimeOrderedIds.next();
				for (Need need : registryNeeds) {
					boolean retry = failure.kind() == ExchangeFailure.Kind.UNAVAILABLE;
					found.put(need,
							new Found(need, retry ? Found.Kind.PENDING : Found.Kind.REFUSED, null, retry
									? note("exchange.note.unreachable", registryName(registry))
									: note("exchange.note.refused", registryName(registry), failure.outcome())));
				}
				accesses.addAll(
						accessesOf(actor, reference, purpose, registry, registryNeeds, requestId, failure.outcome()));
				return;
			}
			Exchanged exchanged = (Exchanged) outcome;
			for (Need need : registryNeeds) {
				RegistryAnswer.Result result = exchanged.answer()
					.results()
					.stream()
					.filter((r) -> r.element().equals(need.element()) && r.subject().equals(need.subject()))
					.findFirst()
					.orElse(new RegistryAnswer.Result(need.element(), need.subject(), RegistryAnswer.Status.NOT_FOUND,
							null, note("exchange.note.unanswered"), List.of()));
				Evidence kept = new Evidence(TimeOrderedIds.next(), reference, actor, need.element(), need.subject(),
						registry, exchanged.request().requestId(), result.status(), instant(result.updatedAt()),
						result.note(), result.records(), exchanged.answerBody(), exchanged.keyId(),
						exchanged.signature(), now);
				evidence.add(kept);
				found.put(need, judge(need, kept, now));
			}
			accesses.addAll(accessesOf(actor, reference, purpose, registry, registryNeeds,
					exchanged.request().requestId(), "DELIVERED"));
		});
		// the access is on record, with the answers, before anyone sees the data
		this.ledger.append(accesses, evidence);
		return found;
	}

	/** The verified answer, or the failure that stands for it. */
	private Object ask(String registry, String actor, String reference, String purpose, List<Need> needs) {
		try {
			return this.client.exchange(registry, actor, reference, purpose, needs.stream().map(Need::query).toList());
		}
		catch (ExchangeFailure ex) {
			return ex;
		}
	}

	/**
	 * Every subject whose record of the element meets the condition, in one signed
	 * request that the registry answers with those subjects only; each of them is an
	 * access on the ledger. Empty and unanswered when the registry cannot be reached or
	 * the rules do not allow it.
	 */
	Optional<List<Found>> scan(String actor, String consumer, String purposeKey, String purpose, String element,
			RegistryRequest.Where where) {
		DataElement known = this.elements.element(element).orElse(null);
		if (known == null || !this.rules.allows(consumer, element, purposeKey)) {
			this.ledger.append(List.of(new Access(actor, consumer, RegistryRequest.Query.EVERYONE,
					(known != null) ? known.registry() : "unknown", element, purposeKey, purpose,
					"local-" + TimeOrderedIds.next(), "REFUSED:exchange_forbidden")), List.of());
			return Optional.empty();
		}
		Exchanged exchanged;
		try {
			exchanged = this.client.exchange(known.registry(), actor, purposeKey, purpose, List
				.of(new RegistryRequest.Query(element, RegistryRequest.Query.EVERYONE, consumer, purposeKey, where)));
		}
		catch (ExchangeFailure failure) {
			this.ledger.append(List.of(new Access(actor, consumer, RegistryRequest.Query.EVERYONE, known.registry(),
					element, purposeKey, purpose, "failed-" + TimeOrderedIds.next(), failure.outcome())), List.of());
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		List<Found> found = new ArrayList<>();
		List<Evidence> evidence = new ArrayList<>();
		List<Need> needs = new ArrayList<>();
		for (RegistryAnswer.Result result : exchanged.answer().results()) {
			Need need = new Need(element, result.subject(), consumer, purposeKey);
			Evidence kept = new Evidence(TimeOrderedIds.next(), purposeKey, actor, element, result.subject(),
					known.registry(), exchanged.request().requestId(), result.status(), instant(result.updatedAt()),
					result.note(), result.records(), exchanged.answerBody(), exchanged.keyId(), exchanged.signature(),
					now);
			needs.add(need);
			evidence.add(kept);
			found.add(judge(need, kept, now));
		}
		this.ledger.append(accessesOf(actor, purposeKey, purpose, known.registry(), needs,
				exchanged.request().requestId(), "DELIVERED"), evidence);
		return Optional.of(found);
	}

	/** Whether an answer can serve as the material, and if not, why. */
	Found judge(Need need, Evidence evidence, Instant now) {
		Sentence registry = registryName(evidence.registry());
		ZoneId zone = this.clock.getZone();
		String asOf = (evidence.updatedAt() != null) ? LocalDate.ofInstant(evidence.updatedAt(), zone).toString() : "";
		switch (evidence.status()) {
			case NOT_FOUND:
				return new Found(need, Found.Kind.UNUSABLE, evidence,
						(evidence.note() != null) ? note("exchange.note.notFoundNoted", registry, evidence.note())
								: note("exchange.note.notFound", registry));
			case INCOMPLETE:
				return new Found(need, Found.Kind.UNUSABLE, evidence,
						note("exchange.note.incomplete", registry, evidence.note()));
			default:
				break;
		}
		DataElement element = this.elements.element(evidence.element()).orElseThrow();
		if (element.staleAfter() != null && evidence.updatedAt() != null
				&& LocalDate.ofInstant(evidence.updatedAt(), zone)
					.plus(element.staleAfter())
					.isBefore(LocalDate.ofInstant(now, zone))) {
			return new Found(need, Found.Kind.UNUSABLE, evidence, note("exchange.note.stale", registry, asOf));
		}
		return new Found(need, Found.Kind.FETCHED, evidence, note("exchange.note.fetched", registry, asOf));
	}

	private static Sentence registryName(String registry) {
		return Sentence.of("exchange.registry." + registry);
	}

	private static String note(String code, Object... args) {
		return Sentence.of(code, args).stored();
	}

	private static List<Access> accessesOf(String actor, String reference, String purpose, String registry,
			List<Need> needs, String requestId, String outcome) {
		// one entry per person or business whose data was asked for
		Map<String, List<Need>> bySubject = needs.stream()
			.collect(Collectors.groupingBy(Need::subject, LinkedHashMap::new, Collectors.toList()));
		List<Access> accesses = new ArrayList<>();
		bySubject.forEach((subject,
				subjectNeeds) -> accesses.add(new Access(actor,
						subjectNeeds.stream().map(Need::consumer).distinct().collect(Collectors.joining(",")), subject,
						registry, subjectNeeds.stream().map(Need::element).distinct().collect(Collectors.joining(",")),
						reference, purpose, requestId, outcome)));
		return accesses;
	}

	private static Instant instant(String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

	@Override
	public void destroy() {
		this.calls.shutdownNow();
	}

}

package org.onevisit.registries.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.onevisit.exchange.AccessRules;
import org.onevisit.exchange.DataCatalogue;
import org.onevisit.exchange.ProviderGate;
import org.onevisit.exchange.Registry;
import org.onevisit.exchange.RegistryDirectory;
import org.onevisit.registries.RegistryControl;
import org.onevisit.shared.SigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts every registry of the data-sharing catalogue in this process, each on its own
 * loopback port with its own key (made in memory at each start), and connects them to the
 * exchange as a department would be onboarded.
 */
@Component
@ConditionalOnProperty(name = "onevisit.registries.embedded", havingValue = "true", matchIfMissing = true)
class DemoRegistries implements RegistryControl, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(DemoRegistries.class);

	private final Map<String, RegistryServer> servers = new LinkedHashMap<>();

	private final Map<String, SigningKey> keys = new LinkedHashMap<>();

	private final SyntheticCity city;

	private final RegistryDirectory directory;

	private final RegistryWrites writes;

	private final JsonMapper json;

	private final Map<String, Supplier<ProviderGate>> gates = new LinkedHashMap<>();

	private final RequestLog requestLog;

	private final TransactionTemplate transactions;

	private volatile boolean running;

	DemoRegistries(DataCatalogue catalogue, RegistryDirectory directory, AccessRules rules, Clock clock,
			JsonMapper json, JdbcClient jdbc, PlatformTransactionManager transactionManager,
			@Value("${onevisit.exchange.window:PT1M}") Duration window,
			@Value("${onevisit.registries.residents:10000}") int residents,
			@Value("${onevisit.registries.enterprises:1000}") int enterprises,
			@Value("${onevisit.registries.seed:20261122}") long seed) {
		this.directory = directory;
		long started = System.nanoTime();
		this.city = SyntheticCity.generate(seed, LocalDate.now(clock), residents, enterprises);
		log.info("Demo registries generated {} residents and {} enterprises in {} ms", this.city.residents().size(),
				this.city.enterprises(), (System.nanoTime() - started) / 1_000_000);
		this.writes = new RegistryWrites(this.city.book(), clock);
		this.requestLog = new RequestLog(jdbc, clock);
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
		for (Registry registry : catalogue.registries()) {
			// the department's own key, on its own machine in production: here only in
			// memory, made at each start, never in OneVisit's data directory (ADR 12)
			SigningKey key = SigningKey.generate();
			Supplier<ProviderGate> gate = () -> new ProviderGate(registry.code(), directory::platformKey, key, rules,
					clock, window, json, new AdmittedRequests(registry.code(), jdbc, clock));
			this.gates.put(registry.code(), gate);
			this.servers.put(registry.code(), new RegistryServer(registry.code(), gate.get(), this.city.book(),
					this.writes, json, this.requestLog, this.transactions, 0));
			this.keys.put(registry.code(), key);
		}
	}

	@Override
	public void start() {
		this.servers.forEach((code, server) -> {
			server.start();
			this.directory.connect(code, server.url(), this.keys.get(code).verifyingKey());
		});
		this.running = true;
	}

	@Override
	public void stop() {
		this.servers.values().forEach(RegistryServer::stop);
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// before the web server takes requests, after it stops taking them
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	@Override
	public void stop(String registry) {
		server(registry).stop();
	}

	@Override
	public void start(String registry) {
		RegistryServer server = server(registry);
		server.start();
		this.directory.connect(registry, server.url(), this.keys.get(registry).verifyingKey());
	}

	@Override
	public synchronized void restart(String registry) {
		RegistryServer old = server(registry);
		old.stop();
		RegistryServer server = new RegistryServer(registry, this.gates.get(registry).get(), this.city.book(),
				this.writes, this.json, this.requestLog, this.transactions, old.url().getPort());
		this.servers.put(registry, server);
		start(registry);
	}

	@Override
	public List<AnsweredRequest> requestsAnswered(String registry, int limit) {
		server(registry);
		return this.requestLog.answeredBy(registry, limit);
	}

	@Override
	public void slowDown(String registry, Duration delay) {
		server(registry).slowDown(delay);
	}

	@Override
	public boolean running(String registry) {
		return server(registry).running();
	}

	@Override
	public List<String> subjectsWhere(String element, String field, Object value) {
		return subjectsMatching(element, (record) -> Objects.equals(record.get(field), value));
	}

	@Override
	public List<String> subjectsMatching(String element, Predicate<Map<String, Object>> record) {
		return this.city.book()
			.all(element)
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().records().stream().anyMatch(record))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	@Override
	public void backdate(String element, String subject, Instant confirmedAt) {
		RegistryBook.Entry entry = this.city.book().find(element, subject).orElseThrow();
		this.city.book()
			.put(element, subject, new RegistryBook.Entry(entry.status(), confirmedAt, entry.note(), entry.records()));
	}

	@Override
	public List<Enterprise> enterprises() {
		return this.city.book()
			.all("enterprise.registration")
			.values()
			.stream()
			.map((entry) -> entry.records().get(0))
			.map((record) -> new Enterprise((String) record.get("creditCode"), (String) record.get("name"),
					(String) record.get("legalRepresentativeId"), (String) record.get("legalRepresentativeName"),
					"存续".equals(record.get("status"))))
			.sorted(Comparator.comparing(Enterprise::creditCode))
			.toList();
	}

	@Override
	public Flat registerFlat(List<Share> owners, String address, double area, LocalDate registeredOn) {
		return this.writes.registerFlat(owners, address, area, registeredOn);
	}

	@Override
	public void fileSaleContract(String certificateNo, String buyerId, long price) {
		this.writes.fileSaleContract(certificateNo, buyerId, price);
	}

	@Override
	public void registerMortgage(String certificateNo, String mortgagee, String mortgageeCode, long amount) {
		this.writes.registerMortgage(certificateNo, mortgagee, mortgageeCode, amount);
	}

	@Override
	public Optional<Certificate> certificate(String certificateNo) {
		return this.writes.certificate(certificateNo);
	}

	@Override
	public Optional<String> nameOf(String residentId) {
		return this.city.book()
			.find("population.identity", residentId)
			.map((entry) -> (String) entry.records().get(0).get("name"));
	}

	@Override
	public Optional<String> mobileOf(String residentId) {
		return this.city.book()
			.find("population.mobile", residentId)
			.map((entry) -> (String) entry.records().get(0).get("mobile"));
	}

	@Override
	public List<String> residentsWith(DataProblem problem) {
		return this.city.residentsWith(problem);
	}

	private RegistryServer server(String registry) {
		RegistryServer server = this.servers.get(registry);
		if (server == null) {
			throw new IllegalArgumentException("no demo registry " + registry);
		}
		return server;
	}

}

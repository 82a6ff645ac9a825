package org.onevisit.benchmarks;

import java.io.IOException;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.catalog.Catalogue;
import org.onevisit.catalog.CatalogueAdministration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guide search over a catalogue of 5,000 items, through HTTP, at 50 concurrent
 * connections. Run with {@code ./mvnw -Pbenchmark test -Dtest=CatalogueSearchBenchmark};
 * the load comes from {@code wrk} (Debian package) on loopback, falling back to a Java
 * driver where wrk is missing. It prints its figures and asserts only that every answer
 * was a success: figures go to docs/benchmarks.md, never into a pass/fail on time.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "onevisit.db.embedded.durable=true", "logging.level.org.onevisit=warn" })
public class CatalogueSearchBenchmark {

	public static final int CATALOGUE_SIZE = 5_000;

	static final List<String> QUERIES = List.of("卖房", "开公司", "生孩子", "办营业执照", "开饭店", "换身份证", "还清房贷", "社保", "食品经营许可",
			"道路运输经营许可变更", "药品零售", "排污许可延续", "建筑施工", "失业金", "医保报销", "结婚登记", "公章", "林木采伐许可证核发", "渔业捕捞", "个体户注销");

	public static final String[] SUBJECTS = { "食品经营", "药品零售", "道路运输经营", "排污", "建筑施工企业资质", "林木采伐", "渔业捕捞", "旅行社经营",
			"娱乐场所经营", "烟草专卖零售", "危险化学品经营", "特种设备使用", "民办学校办学", "养老机构", "医疗机构执业", "出版物零售", "燃气经营", "城市道路占用", "户外广告设置",
			"取水", "河道采砂", "动物防疫条件", "兽药经营", "农药经营", "种子生产经营", "人力资源服务", "劳务派遣经营", "建设用地规划", "商品房预售", "房地产开发企业资质" };

	static final String[] ACTIONS = { "许可", "许可变更", "许可延续", "许可注销", "备案", "证核发", "证补办", "年度报告", "资格认定", "信息变更登记" };

	static final String[] DEPARTMENTS = { "nr", "housing", "tax", "samr", "police", "civil", "hrss", "health", "medins",
			"fire" };

	@LocalServerPort
	int port;

	@Autowired
	Catalogue catalogue;

	@Autowired
	CatalogueAdministration administration;

	@Autowired
	MeterRegistry meters;

	@Test
	void searchesFiveThousandItemsAtFiftyConcurrentConnections() throws Exception {
		int generated = CATALOGUE_SIZE - this.catalogue.publishedItems().size();
		long importStart = System.nanoTime();
		this.administration.importCatalogue("generated.yaml", new StringReader(generatedItems(generated)), "benchmark");
		double importSeconds = (System.nanoTime() - importStart) / 1e9;
		int published = this.catalogue.publishedItems().size();
		assertThat(published).isEqualTo(CATALOGUE_SIZE);
		List<String> queries = queries();

		// the search alone, in this process: first asked (a real search), then asked
		// again (cached)
		long coldStart = System.nanoTime();
		queries.forEach((query) -> this.catalogue.search(query, 10));
		double coldMicros = (System.nanoTime() - coldStart) / 1e3 / queries.size();
		long warmStart = System.nanoTime();
		for (int i = 0; i < 20_000; i++) {
			this.catalogue.search(queries.get(i % queries.size()), 10);
		}
		double warmMicros = (System.nanoTime() - warmStart) / 1e3 / 20_000;

		OneVisitHttp warmUp = new OneVisitHttp(this.port);
		for (int i = 0; i < 5_000; i++) {
			assertThat(warmUp.get(path(queries.get(i % queries.size()))).statusCode()).isEqualTo(200);
		}

		System.out.printf("BENCHMARK catalogue-search: %d published items (%d generated), import and index %.1f s%n",
				published, generated, importSeconds);
		System.out.printf("BENCHMARK java %s, %d cores, PostgreSQL embedded with fsync=on synchronous_commit=on%n",
				System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
		// and once warm, queries never asked before: what each search costs where the
		// cache
		// cannot help
		Random random = new Random(11);
		long uniqueStart = System.nanoTime();
		for (int i = 0; i < 5_000; i++) {
			this.catalogue.search(SUBJECTS[i % SUBJECTS.length] + " " + i + " " + random.nextInt(1_000_000_000), 10);
		}
		double uniqueMicros = (System.nanoTime() - uniqueStart) / 1e3 / 5_000;
		System.out.printf("BENCHMARK search alone, one thread, in process: %.0f µs first asked (cold JIT), %.1f µs"
				+ " asked again, %.0f µs every query different (warm)%n", coldMicros, warmMicros, uniqueMicros);
		Path wrk = Path.of("/usr/bin/wrk");
		if (!Files.isExecutable(wrk)) {
			System.out.println("BENCHMARK wrk not installed (apt-get install -y wrk); using the Java driver");
			JavaLoad.Result result = JavaLoad.run(this.port, 50, 20_000, (i) -> path(queries.get(zipf(i))));
			System.out.println("BENCHMARK " + result);
			assertThat(result.failures()).isZero();
			return;
		}
		// The JIT compiles Spring's request path only under sustained load, and on two
		// busy cores that takes minutes: warm up until throughput stops climbing, then
		// measure the steady state.
		double previous = 0;
		for (int round = 1; round <= 10; round++) {
			double throughput = requestsPerSecond(runWrk(wrk, mixScript(queries), 50, "warm-up", 15));
			System.out.printf("BENCHMARK warm-up round %d: %.0f requests/s%n", round, throughput);
			if (round >= 5 && throughput < previous * 1.05) {
				break;
			}
			previous = Math.max(previous, throughput);
		}
		double hitsBefore = cacheCount("hit");

		double missesBefore = cacheCount("miss");
		// three rounds: this machine shares its host, and one round alone can be lucky
		// or unlucky
		StringBuilder mix = new StringBuilder();
		for (int round = 1; round <= 3; round++) {
			String result = runWrk(wrk, mixScript(queries), 50,
					"200 distinct queries, Zipf-like mix, round " + round + " of 3");
			System.out.println(result);
			mix.append(result);
		}
		double hits = cacheCount("hit") - hitsBefore;
		double misses = cacheCount("miss") - missesBefore;

		System.out.printf("BENCHMARK result cache during the mix: %.0f hits, %.0f misses (%.2f %% hits)%n", hits,
				misses, 100 * hits / (hits + misses));
		String fewer = runWrk(wrk, mixScript(queries), 16, "the same mix at 16 connections");
		System.out.println(fewer);
		String unique = runWrk(wrk, uniqueScript(), 50, "every query different: the cache never helps");
		System.out.println(unique);
		assertThat(mix + fewer + unique).doesNotContain("Non-2xx or 3xx responses", "Socket errors");
	}

	/** Citizens' phrases first (most asked), then item names as people type them. */
	public static List<String> queries() {
		List<String> queries = new java.util.ArrayList<>(QUERIES);
		for (int i = 0; queries.size() < 200; i++) {
			queries.add(SUBJECTS[i % SUBJECTS.length] + ACTIONS[(i / SUBJECTS.length) % ACTIONS.length]);
		}
		return queries;
	}

	/**
	 * A rank for the i-th request, drawn so that rank r is asked about 1/(r+1) as often
	 * as rank 0.
	 */
	static int zipf(int i) {
		double u = new Random(i).nextDouble();
		return (int) Math.min(199, Math.floor(Math.pow(201, u) - 1));
	}

	static String path(String query) {
		return "/api/v1/items?limit=10&q=" + URLEncoder.encode(query, StandardCharsets.UTF_8);
	}

	private double cacheCount(String result) {
		return this.meters.get("onevisit.catalogue.search.cache").tag("result", result).functionCounter().count();
	}

	private static String mixScript(List<String> queries) {
		StringBuilder lua = new StringBuilder("local paths = {");
		for (int i = 0; i < 10_000; i++) {
			lua.append('"').append(path(queries.get(zipf(i)))).append("\",");
		}
		return lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n")
			.append("  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n")
			.toString();
	}

	private static String uniqueScript() {
		StringBuilder lua = new StringBuilder("local subjects = {");
		for (String subject : SUBJECTS) {
			lua.append('"').append(URLEncoder.encode(subject, StandardCharsets.UTF_8)).append("\",");
		}
		return lua.append("}\nlocal i = 0\nrequest = function()\n  i = i + 1\n")
			.append("  return wrk.format(\"GET\", \"/api/v1/items?limit=10&q=\" .. subjects[(i % #subjects) + 1]")
			.append(" .. \"%20\" .. tostring(i) .. \"%20\" .. tostring(math.random(1000000000)))\nend\n")
			.toString();
	}

	private static double requestsPerSecond(String wrkOutput) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("Requests/sec:\\s+([0-9.]+)")
			.matcher(wrkOutput);
		return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
	}

	private String runWrk(Path wrk, String script, int connections, String label)
			throws IOException, InterruptedException {
		return runWrk(wrk, script, connections, label, 20);
	}

	private String runWrk(Path wrk, String script, int connections, String label, int seconds)
			throws IOException, InterruptedException {
		Path file = Files.createTempFile("onevisit-search", ".lua");

		Files.writeString(file, script);
		long cpuBefore = jvmCpuNanos();
		Process process = new ProcessBuilder(wrk.toString(), "-t2", "-c" + connections, "-d" + seconds + "s",
				"--latency", "-s", file.toString(), "http://127.0.0.1:" + this.port)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor();
		long cpu = jvmCpuNanos() - cpuBefore;
		java.util.regex.Matcher requests = java.util.regex.Pattern.compile("(\\d+) requests in").matcher(output);
		// the server's CPU per request compares across runs on a shared machine, where
		// the latencies and the throughput do not
		String perRequest = requests.find()
				? String.format(", JVM CPU per request %.0f µs", cpu / 1e3 / Long.parseLong(requests.group(1))) : "";
		return "BENCHMARK wrk -t2 -c" + connections + " -d" + seconds + "s --latency: " + label
				+ " (load average after: " + loadAverage() + perRequest + ")\n" + output;

	}

	private static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * The machine's load averages: it is shared, and its other work shows in the figures.
	 */
	static String loadAverage() {
		try {
			return Files.readString(Path.of("/proc/loadavg")).strip();
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	public static String generatedItems(int count) {
		Random random = new Random(42);
		StringBuilder yaml = new StringBuilder("items:\n");
		for (int i = 0; i < count; i++) {
			String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
			String action = ACTIONS[random.nextInt(ACTIONS.length)];
			int statutory = 5 + random.nextInt(56);
			int committed = random.nextInt(statutory / 2 + 1);
			yaml.append("  - code: 339900-GEN-")
				.append(String.format("%05d", i))
				.append('\n')
				.append("    name: ")
				.append(subject)
				.append(action)
				.append("（")
				.append(1 + i % 97)
				.append("类）\n")
				.append("    department: ")
				.append(DEPARTMENTS[i % DEPARTMENTS.length])
				.append('\n')
				.append("    region: \"339900\"\n")
				.append("    conditions: [申请人具备")
				.append(subject)
				.append("相应条件]\n")
				.append("    limits: {statutory: ")
				.append(statutory)
				.append(", committed: ")
				.append(committed)
				.append("}\n")
				.append("    channels: both\n    visits: ")
				.append(random.nextInt(2))
				.append('\n')
				.append("    materialsBefore: ")
				.append(3 + random.nextInt(6))
				.append('\n')
				.append("    form:\n      - {name: applicantId, label: 申请人身份证号码, type: residentId, required: true}\n")
				.append("    parties:\n      - {field: applicantId, role: applicant}\n")
				.append("    materials:\n")
				.append("      - {code: identity, name: 申请人身份证明, source: sharedData, dataElement: population.identity}\n")
				.append("      - {code: licence, name: 营业执照, source: licence, licenceType: 营业执照}\n")
				.append("      - {code: plan, name: ")
				.append(subject)
				.append("方案, source: upload}\n");
		}
		return yaml.toString();
	}

}

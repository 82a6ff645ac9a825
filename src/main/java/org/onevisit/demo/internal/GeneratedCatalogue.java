package org.onevisit.demo.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.onevisit.shared.CreditCode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.ClassPathResource;

/**
 * The generated part of the demo catalogue: a city of real size, with townships and
 * villages under both counties and the province's basic items implemented at the level
 * where they are handled (counties, townships, villages), well over 1,500
 * implementations. Generated from the seed table {@code catalog/demo/basic-items.csv}
 * with a fixed seed, so every start produces the same text and an import of it after the
 * first changes nothing. Committed limits vary by region within the statutory limit
 * (which the province allows); everything else of an implementation is its basic item's.
 */
final class GeneratedCatalogue {

	static final String SEED_TABLE = "catalog/demo/basic-items.csv";

	static final String REGIONS = "catalog/demo/generated-regions.yaml";

	private GeneratedCatalogue() {
	}

	/** One row of the seed table. */
	record Seed(String code, String level, String kind, String name, int statutory, int fee, String basis,
			List<String[]> materials) {
	}

	static List<Seed> seeds() throws IOException {
		List<Seed> seeds = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(new ClassPathResource(SEED_TABLE).getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] cells = line.split(",", 8);
				List<String[]> materials = new ArrayList<>();
				for (String material : cells[7].split("\\|")) {
					materials.add(material.split(":"));
				}
				seeds.add(new Seed(cells[0], cells[1], cells[2], cells[3], Integer.parseInt(cells[4]),
						Integer.parseInt(cells[5]), cells[6], materials));
			}
		}
		return seeds;
	}

	/** The whole generated catalogue in the catalogue file format. */
	@SuppressWarnings("unchecked")
	static String yaml() throws IOException {
		Map<String, Object> setting;
		try (InputStream in = new ClassPathResource(REGIONS).getInputStream()) {
			setting = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
		}
		List<Map<String, String>> counties = (List<Map<String, String>>) setting.get("counties");
		List<String> streets = (List<String>) setting.get("streets");
		List<String> towns = (List<String>) setting.get("towns");
		List<String> communities = (List<String>) setting.get("communities");
		List<String> villageNames = (List<String>) setting.get("villages");
		Map<String, String> fee = (Map<String, String>) setting.get("fee");
		String applicantLabel = (String) setting.get("applicantLabel");
		Random random = new Random(20261208L);
		StringBuilder regions = new StringBuilder("regions:\n");
		StringBuilder departments = new StringBuilder("departments:\n");
		List<String[]> townships = new ArrayList<>();
		List<String[]> villages = new ArrayList<>();
		int credit = 500000;
		for (Map<String, String> township : (List<Map<String, String>>) setting.get("handWrittenTownships")) {
			townships.add(new String[] { township.get("code"), township.get("name") });
		}
		for (String village : (List<String>) setting.get("handWrittenVillages")) {
			villages.add(new String[] { village, village.substring(0, 9) });
		}
		for (int c = 0; c < counties.size(); c++) {
			String county = counties.get(c).get("code");
			for (Map<String, String> kind : (List<Map<String, String>>) setting.get("countyDepartments")) {
				departments.append(department(kind.get("kind") + "-" + county,
						counties.get(c).get("name") + kind.get("name"), county, credit++));
			}
			for (int t = 0; t < 6; t++) {
				boolean street = t < 3;
				String code = county + String.format("%03d", street ? 11 + t : 111 + t - 3);
				String name = street ? streets.get(c * 3 + t) : towns.get(c * 3 + t - 3);
				regions.append(region(code, name, "township", county));
				townships.add(new String[] { code, name });
				for (int v = 0; v < 8; v++) {
					String village = code + String.format("%03d", street ? 1 + v : 201 + v);
					regions.append(region(village, street ? communities.get(v) : villageNames.get(v), "village", code));
					villages.add(new String[] { village, code });
				}
			}
		}
		for (String[] township : townships) {
			departments.append(department("town-" + township[0], township[1] + setting.get("townshipDepartment"),
					township[0], credit++));
		}
		Shape shape = new Shape(applicantLabel, fee.get("name"), fee.get("unit"), fee.get("basis"));
		StringBuilder basics = new StringBuilder("basicItems:\n");
		StringBuilder items = new StringBuilder("items:\n");
		for (Seed seed : seeds()) {
			basics.append("  - code: ").append(seed.code()).append('\n');
			basics.append("    name: ").append(seed.name()).append('\n');
			basics.append("    legalBasis: [").append(quoted(seed.basis())).append("]\n");
			basics.append("    fixed: [conditions, fees, statutoryLimit, channels, materials, form, applicants]\n");
			basics.append("    bounds: {committed: ").append(seed.statutory());
			if (seed.fee() > 0) {
				basics.append(", fee: \"").append(seed.fee()).append('"');
			}
			basics.append("}\n");
			switch (seed.level()) {
				case "county" -> counties.forEach((county) -> items.append(item(seed, county.get("code"),
						seed.kind() + "-" + county.get("code"), county.get("hall"), shape, random)));
				case "township" -> townships.forEach((township) -> items
					.append(item(seed, township[0], "town-" + township[0], null, shape, random)));
				default -> villages.forEach(
						(village) -> items.append(item(seed, village[0], "town-" + village[1], null, shape, random)));
			}
		}
		return "# Generated by GeneratedCatalogue from " + SEED_TABLE + " and " + REGIONS + "; do not edit.\n" + regions
				+ departments + basics + items;
	}

	/** What every generated implementation says alike, from the seed. */
	record Shape(String applicantLabel, String feeName, String feeUnit, String feeBasis) {
	}

	/** How many implementations {@link #yaml()} holds, for the log. */
	static long implementations(String yaml) {
		return yaml.lines().filter((line) -> line.startsWith("  - code: ") && line.contains("-G-")).count();
	}

	private static String region(String code, String name, String level, String parent) {
		return "  - {code: \"%s\", name: %s, level: %s, parent: \"%s\"}\n".formatted(code, name, level, parent);
	}

	private static String department(String code, String name, String region, int sequence) {
		String creditCode = CreditCode.completing("11" + region.substring(0, 6) + "MB" + sequence).value();
		return "  - {code: %s, name: %s, region: \"%s\", creditCode: %s}\n".formatted(code, name, region, creditCode);
	}

	/**
	 * An implementation: the committed limit drawn as departments promise them (a third
	 * keep the statutory limit, most cut it by half or more, some handle it at once).
	 */
	private static String item(Seed seed, String region, String department, String hall, Shape shape, Random random) {
		int draw = random.nextInt(10);
		int committed = (draw < 3) ? seed.statutory() : (draw < 8)
				? Math.max(0, seed.statutory() / 2 - random.nextInt(Math.max(1, seed.statutory() / 4))) : 0;
		boolean upload = seed.materials().stream().anyMatch((material) -> material[2].equals("upload"));
		StringBuilder item = new StringBuilder();
		item.append("  - code: ").append(region).append('-').append(seed.code()).append('\n');
		item.append("    name: ").append(seed.name()).append('\n');
		item.append("    department: ").append(department).append('\n');
		item.append("    region: \"").append(region).append("\"\n");
		item.append("    basic: ").append(seed.code()).append('\n');
		if (hall != null) {
			item.append("    hall: ").append(hall).append('\n');
		}
		item.append("    legalBasis: [").append(quoted(seed.basis())).append("]\n");
		if (seed.fee() > 0) {
			item.append("    fees:\n      - {name: ")
				.append(shape.feeName())
				.append(", amount: \"")
				.append(seed.fee())
				.append("\", unit: ")
				.append(shape.feeUnit())
				.append(", basis: ")
				.append(shape.feeBasis())
				.append("}\n");
		}
		item.append("    limits: {statutory: ")
			.append(seed.statutory())
			.append(", committed: ")
			.append(committed)
			.append("}\n");
		item.append("    channels: both\n");
		item.append("    visits: ").append(upload ? 1 : 0).append('\n');
		item.append("    materialsBefore: ").append(seed.materials().size() + 2).append('\n');
		item.append("    form:\n");
		item.append("      - {name: applicantId, label: ")
			.append(shape.applicantLabel())
			.append(", type: residentId, required: true}\n");
		item.append("    parties:\n");
		item.append("      - {field: applicantId, role: applicant, confirms: onlineOrHall}\n");
		item.append("    materials:\n");
		for (String[] material : seed.materials()) {
			item.append("      - {code: ").append(material[0]).append(", name: ").append(material[1]);
			if (material[2].equals("sharedData")) {
				item.append(", source: sharedData, dataElement: ").append(material[3]).append(", of: applicantId}\n");
			}
			else {
				item.append(", source: upload}\n");
			}
		}
		return item.toString();
	}

	private static String quoted(String text) {
		return '"' + text.replace("\"", "\\\"") + '"';
	}

}

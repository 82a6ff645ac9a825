package org.onevisit.registries.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.onevisit.catalog.RegistryChange;
import org.onevisit.exchange.ExchangeRefused;
import org.onevisit.exchange.RegistryAnswer;
import org.onevisit.exchange.RegistryUpdate;
import org.onevisit.registries.RegistryControl.Certificate;
import org.onevisit.registries.RegistryControl.Flat;
import org.onevisit.registries.RegistryControl.Share;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

/**
 * What the demo registries write: flats their operator registers, sale contracts filed
 * with housing, and the changes approved matters send back (回写). Numbers come from a
 * yearly sequence per registry, as the registries number their certificates; an update is
 * applied once by its id, and a repeated update answers its first result. One writer at a
 * time: a transfer reads and rewrites several owners' records together.
 */
final class RegistryWrites {

	static final String CERTIFICATES = "realestate.certificate";

	static final String RIGHT_TYPE = "国有建设用地使用权/房屋所有权";

	private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private final RegistryBook book;

	private final Clock clock;

	private final Map<String, Integer> sequences = new HashMap<>();

	private final Map<String, Map<String, String>> applied = new HashMap<>();

	// an owner of each flat this registry registered or transferred: found without a
	// pass over every owner's records
	private final Map<String, String> ownerOf = new HashMap<>();

	private int enterpriseBodies;

	RegistryWrites(RegistryBook book, Clock clock) {
		this.book = book;
		this.clock = clock;
	}

	// ------------------------------------------------------------------ operator

	synchronized Flat registerFlat(List<Share> owners, String address, double area, LocalDate registeredOn) {
		if (owners.isEmpty() || owners.stream().mapToInt(Share::percent).sum() != 100) {
			throw new IllegalArgumentException("a flat's owners hold 100 % between them: " + owners);
		}
		String certificate = nextCertificate();
		int number = Integer.parseInt(certificate.substring(certificate.indexOf('第') + 1, certificate.indexOf('号')));
		String unitNo = unitNo(owners.get(0).ownerId(), number);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("certificateNo", certificate);
		record.put("unitNo", unitNo);
		record.put("address", address);
		// the county that registers it, by the district its address names
		String region = SyntheticCity.regionOf(address);
		if (region != null) {
			record.put("regionCode", region);
		}
		record.put("area", area);
		record.put("usage", "住宅");
		record.put("rightType", RIGHT_TYPE);
		record.put("termUntil", termUntil(registeredOn));
		putOwners(record, owners);
		record.put("registeredOn", registeredOn.toString());
		record.put("seized", false);
		record.put("objection", false);
		Instant now = this.clock.instant();
		this.ownerOf.put(certificate, owners.get(0).ownerId());
		for (Share owner : owners) {
			this.book.add("realestate.ownership", owner.ownerId(), now, record);
			this.book.add("tax.purchaseInvoice", owner.ownerId(), now, Map.of("certificateNo", certificate, "invoiceNo",
					String.format("F%07d", number), "amount", (int) (area * 12_000)));
		}
		current(certificate, now);
		return new Flat(certificate, unitNo, address, area, "住宅", registeredOn, owners);
	}

	synchronized void fileSaleContract(String certificateNo, String buyerId, long price) {
		Map<String, Object> flat = flat(certificateNo)
			.orElseThrow(() -> new IllegalArgumentException("no registered flat " + certificateNo));
		@SuppressWarnings("unchecked")
		List<String> owners = (List<String>) flat.get("ownerIds");
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("filingNo", "WQ" + today.getYear() + String.format("%06d", next("housing", today.getYear())));
		record.put("certificateNo", certificateNo);
		record.put("address", flat.get("address"));
		record.put("sellerId", owners.get(0));
		record.put("sellerName", nameOf(owners.get(0)));
		record.put("buyerId", buyerId);
		record.put("buyerName", nameOf(buyerId));
		record.put("price", price);
		record.put("paymentMethod", "商业贷款");
		record.put("filedOn", today.toString());
		Instant now = this.clock.instant();
		for (String owner : owners) {
			this.book.add("housing.contractFiling", owner, now, record);
		}
		this.book.add("housing.contractFiling", buyerId, now, record);
		this.book.add("tax.deedTaxPaid", buyerId, now,
				Map.of("certificateNo", certificateNo, "paid", false, "declaredIn", "二手房转移登记一件事"));
	}

	/**
	 * Registers a mortgage on a flat for the mortgagee (its name and credit code), on
	 * every owner's record, in force.
	 */
	synchronized void registerMortgage(String certificateNo, String mortgagee, String mortgageeCode, long amount) {
		Map<String, Object> flat = flat(certificateNo)
			.orElseThrow(() -> new IllegalArgumentException("no registered flat " + certificateNo));
		@SuppressWarnings("unchecked")
		List<String> owners = (List<String>) flat.get("ownerIds");
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("certificateNo", certificateNo);
		record.put("mortgagee", mortgagee);
		record.put("mortgageeCode", mortgageeCode);
		record.put("amount", amount);
		record.put("registeredOn", LocalDate.now(this.clock).toString());
		record.put("status", "有效");
		Instant now = this.clock.instant();
		for (String owner : owners) {
			this.book.add("realestate.mortgage", owner, now, record);
		}
	}

	synchronized Optional<Certificate> certificate(String certificateNo) {
		return this.book.find(CERTIFICATES, certificateNo)
			.map((entry) -> entry.records().get(0))
			.map((record) -> new Certificate(certificateNo, (String) record.get("status"),
					(String) record.get("successor")));
	}

	// ------------------------------------------------------------------ write-back

	/**
	 * Applies the update once: a repeated update id answers the first result and changes
	 * nothing.
	 */
	synchronized Map<String, String> apply(RegistryUpdate update) {
		Map<String, String> first = this.applied.get(update.updateId());
		if (first != null) {
			return first;
		}
		Map<String, String> results = switch (update.change()) {
			case PROPERTY_TRANSFER -> transfer(update.fields());
			case MARRIAGE_REGISTRATION -> marry(update.fields());
			case ENTERPRISE_REGISTRATION -> establish(update.fields());
			case INDIVIDUAL_BUSINESS_REGISTRATION -> registerIndividualBusiness(update.fields());
			case BIRTH_REGISTRATION -> enterNewborn(update.fields());
			case MORTGAGE_RELEASE -> releaseMortgage(update.fields());
		};
		this.applied.put(update.updateId(), Map.copyOf(results));
		return this.applied.get(update.updateId());
	}

	/**
	 * Ownership moves from every registered owner to the buyers with their shares; the
	 * old certificate is cancelled with the new one as its successor.
	 */
	private Map<String, String> transfer(Map<String, String> fields) {
		String old = required(fields, "certificateNo");
		String seller = required(fields, "sellerId");
		List<String> buyers = List.of(required(fields, "buyerId").split(","));
		Map<String, Object> flat = ownedFlat(seller, old)
			.orElseThrow(() -> ExchangeRefused.updateRefused("the seller is not a registered owner of " + old));
		if (Boolean.TRUE.equals(flat.get("seized")) || Boolean.TRUE.equals(flat.get("objection"))) {
			throw ExchangeRefused.updateRefused(old + " is seized or under an objection");
		}
		List<Share> shares = shares(buyers, fields.get("buyerShares"));
		@SuppressWarnings("unchecked")
		List<String> previous = (List<String>) flat.getOrDefault("ownerIds", List.of(seller));
		return reissue(flat, old, seller, previous, shares);
	}

	/**
	 * A new certificate for the flat and its owners (shares), the old one cancelled with
	 * the new as its successor: what a transfer, and the release of a mortgage, record.
	 */
	private Map<String, String> reissue(Map<String, Object> flat, String old, String anOwner, List<String> previous,
			List<Share> shares) {
		String certificate = nextCertificate();
		LocalDate today = LocalDate.now(this.clock);
		String unitNo = (flat.get("unitNo") != null) ? (String) flat.get("unitNo")
				: unitNo(anOwner, Integer.parseInt(old.replaceAll("\\D", "").substring(4)));
		String termUntil = (flat.get("termUntil") != null) ? (String) flat.get("termUntil")
				: termUntil(LocalDate.parse((String) flat.get("registeredOn")));
		Map<String, Object> record = new LinkedHashMap<>(flat);
		record.put("certificateNo", certificate);
		record.put("unitNo", unitNo);
		record.put("rightType", RIGHT_TYPE);
		record.put("termUntil", termUntil);
		putOwners(record, shares);
		record.put("registeredOn", today.toString());
		Instant now = this.clock.instant();
		for (String owner : previous) {
			removeRecords("realestate.ownership", owner, old, now);
		}
		for (Share owner : shares) {
			this.book.add("realestate.ownership", owner.ownerId(), now, record);
		}
		this.ownerOf.remove(old);
		this.ownerOf.put(certificate, shares.get(0).ownerId());
		this.book.put(CERTIFICATES, old, new RegistryBook.Entry(RegistryAnswer.Status.FOUND, now, null,
				List.of(Map.of("certificateNo", old, "status", "已注销", "successor", certificate))));
		current(certificate, now);
		Map<String, String> results = new LinkedHashMap<>();
		results.put("certificateNo", certificate);
		results.put("unitNo", unitNo);
		results.put("rightType", RIGHT_TYPE);
		results.put("usage", String.valueOf(flat.get("usage")));
		results.put("area", new BigDecimal(String.valueOf(flat.get("area"))).stripTrailingZeros().toPlainString());
		results.put("termUntil", termUntil);
		results.put("coOwnership", coOwnership(shares.size()));
		results.put("owners", String.join("、",
				shares.stream().map((share) -> nameOf(share.ownerId()) + "（" + share.percent() + "%）").toList()));
		results.put("location", String.valueOf(flat.get("address")));
		results.put("cancelledCertificate", old);
		return results;
	}

	/**
	 * The mortgage the mortgagee (by its credit code) holds on the flat ends (民法典第三百九十三条:
	 * the secured debt is paid): its records say 已注销 with the day, and the owners get a
	 * certificate without the encumbrance in place of the old one. Refused when no
	 * mortgage is in force on the flat or another mortgagee holds it.
	 */
	private Map<String, String> releaseMortgage(Map<String, String> fields) {
		String old = required(fields, "certificateNo");
		String mortgagor = required(fields, "holderId");
		String mortgagee = required(fields, "mortgageeCode");
		Map<String, Object> flat = ownedFlat(mortgagor, old)
			.orElseThrow(() -> ExchangeRefused.updateRefused("the mortgagor is not a registered owner of " + old));
		boolean held = this.book.find("realestate.mortgage", mortgagor)
			.stream()
			.flatMap((entry) -> entry.records().stream())
			.anyMatch((record) -> old.equals(record.get("certificateNo")) && "有效".equals(record.get("status"))
					&& mortgagee.equals(record.get("mortgageeCode")));
		if (!held) {
			throw ExchangeRefused.updateRefused("no mortgage of " + mortgagee + " is in force on " + old);
		}
		@SuppressWarnings("unchecked")
		List<String> owners = (List<String>) flat.getOrDefault("ownerIds", List.of(mortgagor));
		@SuppressWarnings("unchecked")
		List<Integer> percents = (List<Integer>) flat.get("shares");
		List<Share> shares = new ArrayList<>();
		for (int o = 0; o < owners.size(); o++) {
			shares.add(new Share(owners.get(o), (percents != null && percents.size() == owners.size()) ? percents.get(o)
					: (o == owners.size() - 1) ? 100 - 100 / owners.size() * o : 100 / owners.size()));
		}
		LocalDate today = LocalDate.now(this.clock);
		Instant now = this.clock.instant();
		for (String owner : owners) {
			this.book.find("realestate.mortgage", owner).ifPresent((entry) -> {
				List<Map<String, Object>> records = entry.records().stream().map((record) -> {
					if (!old.equals(record.get("certificateNo")) || !mortgagee.equals(record.get("mortgageeCode"))) {
						return record;
					}
					Map<String, Object> released = new LinkedHashMap<>(record);
					released.put("status", "已注销");
					released.put("releasedOn", today.toString());
					return released;
				}).toList();
				this.book.put("realestate.mortgage", owner,
						new RegistryBook.Entry(entry.status(), now, entry.note(), records));
			});
		}
		Map<String, String> results = reissue(flat, old, mortgagor, owners, shares);
		results.put("releasedOn", today.toString());
		return results;
	}

	/** Both spouses married to each other, registered today by the city's office. */
	private Map<String, String> marry(Map<String, String> fields) {
		String a = required(fields, "partyAId");
		String b = required(fields, "partyBId");
		for (String party : List.of(a, b)) {
			String status = this.book.find("marriage.status", party)
				.map((entry) -> (String) entry.records().get(0).get("status"))
				.orElse("未婚");
			if ("已婚".equals(status)) {
				throw ExchangeRefused.updateRefused(party + " is registered as married");
			}
		}
		LocalDate today = LocalDate.now(this.clock);
		String number = String.format("J339900-%d-%06d", today.getYear(), next("marriage", today.getYear()));
		String office = "示范市民政局婚姻登记处";
		Instant now = this.clock.instant();
		for (String[] pair : new String[][] { { a, b }, { b, a } }) {
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("status", "已婚");
			record.put("spouseId", pair[1]);
			record.put("spouseName", nameOf(pair[1]));
			record.put("registeredOn", today.toString());
			record.put("office", office);
			record.put("registrationNo", number);
			this.book.put("marriage.status", pair[0],
					new RegistryBook.Entry(RegistryAnswer.Status.FOUND, now, null, List.of(record)));
		}
		return Map.of("registrationNo", number, "registeredOn", today.toString(), "office", office);
	}

	/**
	 * A new limited company with a unified social credit code the registry assigns: 9
	 * (registered by market regulation), 1 (an enterprise), the city's division code, an
	 * organisation body from the registry's sequence and both check characters.
	 */
	private Map<String, String> establish(Map<String, String> fields) {
		return register(required(fields, "companyName"), "1", "有限责任公司（自然人投资或控股）",
				required(fields, "legalRepresentativeId"), required(fields, "legalRepresentativeName"),
				new BigDecimal(required(fields, "registeredCapital")).stripTrailingZeros().toPlainString() + "万元",
				fields);
	}

	/**
	 * A new individual business: its code's second character is 2 (个体工商户), its name the
	 * shop's, and the person who answers for it its operator, who puts in no registered
	 * capital.
	 */
	private Map<String, String> registerIndividualBusiness(Map<String, String> fields) {
		return register(required(fields, "shopName"), "2", "个体工商户", required(fields, "operatorId"),
				required(fields, "operatorName"), null, fields);
	}

	private Map<String, String> register(String name, String kind, String type, String representativeId,
			String representativeName, String registeredCapital, Map<String, String> fields) {
		boolean taken = this.book.all("enterprise.registration")
			.values()
			.stream()
			.anyMatch((entry) -> name.equals(entry.records().get(0).get("name")));
		if (taken) {
			throw ExchangeRefused.updateRefused("an enterprise named " + name + " is registered");
		}
		String creditCode;
		do {
			creditCode = CreditCode.completing("9" + kind + "339900" + body(++this.enterpriseBodies)).value();
		}
		while (this.book.find("enterprise.registration", creditCode).isPresent());
		LocalDate today = LocalDate.now(this.clock);
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("creditCode", creditCode);
		record.put("name", name);
		record.put("legalRepresentativeId", representativeId);
		record.put("legalRepresentativeName", representativeName);
		record.put("status", "存续");
		if (registeredCapital != null) {
			record.put("registeredCapital", registeredCapital);
		}
		record.put("registeredOn", today.toString());
		record.put("enterpriseType", type);
		record.put("address", fields.getOrDefault("address", ""));
		record.put("businessScope", fields.getOrDefault("businessScope", ""));
		record.put("businessTerm", "长期");
		Instant now = this.clock.instant();
		this.book.add("enterprise.registration", creditCode, now, record);
		this.book.add("tax.clearance", creditCode, now, Map.of("arrears", false));
		return Map.of("creditCode", creditCode, "enterpriseType", type, "establishedOn", today.toString(),
				"businessTerm", "长期");
	}

	/**
	 * The newborn entered in the household of the parent who declares the birth, under
	 * the ID number the birth record gave it, or a new one for the household's division.
	 */
	private Map<String, String> enterNewborn(Map<String, String> fields) {
		String guardian = required(fields, "guardianId");
		String childName = required(fields, "childName");
		LocalDate birthDate = LocalDate.parse(required(fields, "birthDate"));
		RegistryBook.Entry household = this.book.find("population.household", guardian)
			.orElseThrow(() -> ExchangeRefused.updateRefused("the guardian has no household register"));
		Map<String, Object> guardianRecord = household.records().get(0);
		String householdNo = (String) guardianRecord.get("householdNo");
		String childId = birthRecordId(guardian, childName).orElseGet(() -> newId(guardian, birthDate));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> members = new ArrayList<>(
				(List<Map<String, Object>>) guardianRecord.getOrDefault("members", List.of()));
		Instant now = this.clock.instant();
		boolean male = ResidentId.of(childId).isMale();
		if (members.stream().noneMatch((member) -> childId.equals(member.get("id")))) {
			members.add(Map.of("id", childId, "name", childName, "relation", male ? "子" : "女"));
		}
		if (this.book.find("population.identity", childId).isEmpty()) {
			this.book.add("population.identity", childId, now, SyntheticCity.identity(childId, childName, male,
					birthDate, (String) guardianRecord.get("address")));
		}
		List<Map<String, Object>> everyone = List.copyOf(members);
		for (Map<String, Object> member : everyone) {
			String id = (String) member.get("id");
			Map<String, Object> record = new LinkedHashMap<>(guardianRecord);
			record.put("relation", member.get("relation"));
			record.put("members", everyone);
			this.book.put("population.household", id,
					new RegistryBook.Entry(RegistryAnswer.Status.FOUND, now, null, List.of(record)));
		}
		return Map.of("householdNo", householdNo, "childId", childId);
	}

	// ------------------------------------------------------------------ helpers

	private Optional<String> birthRecordId(String guardian, String childName) {
		List<String> parents = new ArrayList<>(List.of(guardian));
		this.book.find("marriage.status", guardian)
			.map((entry) -> (String) entry.records().get(0).get("spouseId"))
			.ifPresent(parents::add);
		return parents.stream()
			.flatMap((parent) -> this.book.find("births.delivery", parent).stream())
			.flatMap((entry) -> entry.records().stream())
			.filter((record) -> childName.equals(record.get("childName")))
			.map((record) -> (String) record.get("childId"))
			.filter(Objects::nonNull)
			.findFirst();
	}

	private String newId(String guardian, LocalDate birthDate) {
		String division = guardian.substring(0, 6);
		while (true) {
			int sequence = next("population:" + birthDate, birthDate.getYear()) % 1000;
			String id = ResidentId
				.completing(
						division + birthDate.format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%03d", sequence))
				.value();
			if (this.book.find("population.identity", id).isEmpty()) {
				return id;
			}
		}
	}

	private void removeRecords(String element, String subject, String certificateNo, Instant now) {
		this.book.find(element, subject).ifPresent((entry) -> {
			List<Map<String, Object>> kept = entry.records()
				.stream()
				.filter((record) -> !certificateNo.equals(record.get("certificateNo")))
				.toList();
			this.book.put(element, subject, new RegistryBook.Entry(
					kept.isEmpty() ? RegistryAnswer.Status.NOT_FOUND : entry.status(), now, entry.note(), kept));
		});
	}

	private Optional<Map<String, Object>> flat(String certificateNo) {
		String owner = this.ownerOf.get(certificateNo);
		if (owner != null) {
			return ownedFlat(owner, certificateNo);
		}
		return this.book.all("realestate.ownership")
			.values()
			.stream()
			.flatMap((entry) -> entry.records().stream())
			.filter((record) -> certificateNo.equals(record.get("certificateNo")))
			.findFirst();
	}

	/** The flat under the certificate among those the person is registered as owning. */
	private Optional<Map<String, Object>> ownedFlat(String owner, String certificateNo) {
		return this.book.find("realestate.ownership", owner)
			.flatMap((entry) -> entry.records()
				.stream()
				.filter((record) -> certificateNo.equals(record.get("certificateNo")))
				.findFirst());
	}

	private static List<Share> shares(List<String> buyers, String written) {
		List<Share> shares = new ArrayList<>();
		String[] percents = (written != null && !written.isBlank()) ? written.split(",") : new String[0];
		int left = 100;
		for (int b = 0; b < buyers.size(); b++) {
			int percent = (percents.length == buyers.size()) ? Integer.parseInt(percents[b].trim())
					: (b == buyers.size() - 1) ? left : 100 / buyers.size();
			left -= percent;
			shares.add(new Share(buyers.get(b).trim(), percent));
		}
		return shares;
	}

	/** The owners of an ownership record, by name and ID, their shares and its kind. */
	private void putOwners(Map<String, Object> record, List<Share> shares) {
		record.put("owners", shares.stream().map((share) -> nameOf(share.ownerId())).toList());
		record.put("ownerIds", shares.stream().map(Share::ownerId).toList());
		record.put("shares", shares.stream().map(Share::percent).toList());
		record.put("coOwnership", coOwnership(shares.size()));
	}

	/**
	 * The last day of the land grant: residential land is granted for 70 years
	 * (城镇国有土地使用权出让和转让暂行条例, art. 12).
	 */
	private static String termUntil(LocalDate registeredOn) {
		return registeredOn.plusYears(70).minusDays(1).toString();
	}

	/** The certificate is the flat's current one (现势) from now. */
	private void current(String certificate, Instant now) {
		this.book.put(CERTIFICATES, certificate, new RegistryBook.Entry(RegistryAnswer.Status.FOUND, now, null,
				List.of(Map.of("certificateNo", certificate, "status", "现势"))));
	}

	private static String coOwnership(int owners) {
		return (owners == 1) ? "单独所有" : "按份共有";
	}

	private String nextCertificate() {
		int year = LocalDate.now(this.clock).getYear();
		return String.format("浙(%d)示范市不动产权第%07d号", year, next("realestate", year));
	}

	private int next(String registry, int year) {
		return this.sequences.merge(registry + "@" + year, 1, Integer::sum);
	}

	/**
	 * A unit number as GB/T 37346 shapes it (28 characters): the county's division code,
	 * cadastral district and sub-district, the parcel's kind (GB: state-owned
	 * construction land) and number, F for a building and the building's and unit's
	 * numbers.
	 */
	private static String unitNo(String ownerId, int number) {
		String county = ownerId.substring(0, 6);
		return county + "001001" + "GB" + String.format("%05d", number % 100_000) + "F"
				+ String.format("%04d%04d", 1 + number / 10_000 % 10_000, number % 10_000);
	}

	private static String body(int sequence) {
		StringBuilder body = new StringBuilder();
		int left = sequence;
		for (int c = 0; c < 8; c++) {
			body.insert(0, CODE_ALPHABET.charAt(left % CODE_ALPHABET.length()));
			left /= CODE_ALPHABET.length();
		}
		// "MA" marks codes the registry assigns, as the demo's own code has it
		return "MA" + body.substring(2);
	}

	private String nameOf(String residentId) {
		return this.book.find("population.identity", residentId)
			.map((entry) -> (String) entry.records().get(0).get("name"))
			.orElse(residentId);
	}

	private static String required(Map<String, String> fields, String name) {
		String value = fields.get(name);
		if (value == null || value.isBlank()) {
			throw ExchangeRefused.updateRefused("the update lacks " + name);
		}
		return value;
	}

}

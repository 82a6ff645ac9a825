package org.onevisit.registries.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.onevisit.exchange.RegistryAnswer.Status;
import org.onevisit.registries.RegistryControl.DataProblem;
import org.onevisit.registries.internal.RegistryBook.Entry;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

/**
 * Generates the demo city's registry data from a seed: residents in households,
 * marriages, properties with owners and mortgages, sale contracts, social security, tax,
 * births and enterprises, consistent across registries (the spouse in the marriage
 * registry lives in the same household; the seller in a contract owns the flat). A few
 * records carry the problems the reform's documents name: stale, incomplete, not linked
 * to an ID number. The two demo applicants are part of it: 张三 sells his flat to 李四.
 */
final class SyntheticCity {

	static final String SELLER = "339902198503120016";

	static final String BUYER = "339903199007180029";

	// the fixed residents of the eligibility cases: no generated resident may take their
	// numbers, whatever day the city is generated on
	static final String DIVORCED = "339903198804160026";

	static final String UNMARRIED = "339902199211080037";

	static final String MINOR = "339902201002030017";

	static final String SEIZED_OWNER = "339902197909090051";

	static final String OBJECTED_OWNER = "339903198312010064";

	static final String MORTGAGED_OWNER = "33990219750505007X";

	static final String CONSENTED_OWNER = "339903198610100084";

	static final String FATHER = "339903199301300052";

	static final String MOTHER = "339903199408210049";

	private static final Set<String> FIXED = Set.of(SELLER, BUYER, DIVORCED, UNMARRIED, MINOR, SEIZED_OWNER,
			OBJECTED_OWNER, MORTGAGED_OWNER, CONSENTED_OWNER, FATHER, MOTHER);

	/** The certificate of the flat 张三 and 王芳 own, as the demo and its tests name it. */
	static final String DEMO_FLAT = "浙(2020)示范市不动产权第0012345号";

	/** The demo enterprise, 张三's (the seller's) restaurant company. */
	static final String DEMO_ENTERPRISE = CreditCode.completing("91339900MA2H5T7K").value();

	private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

	private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红建文辉力鹏飞宇浩然欣怡子涵梓轩诗雨晨阳佳琪思远婷雪梅海燕志国春兰秋菊金凤凯旭东";

	private static final String[] DISTRICTS = { "339902", "339903" };

	private static final String[] DISTRICT_NAMES = { "东湖区", "西山区" };

	private static final String[] ROADS = { "解放路", "人民路", "中山路", "湖滨路", "文化路", "建设路", "学院路", "西山大道", "东湖北路", "新华路" };

	// the first is the demo's bank partner (RegistryControl.DEMO_BANK)
	private static final String[] BANKS = { "中国工商银行示范市分行", "中国建设银行示范市分行", "中国农业银行示范市分行", "中国银行示范市分行", "示范农商银行" };

	private static final String[] INDUSTRIES = { "科技", "商贸", "餐饮管理", "建设工程", "文化传媒", "物流", "信息技术", "食品", "咨询服务",
			"装饰工程" };

	private static final String CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

	private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

	record Person(String id, String name, boolean male, LocalDate birth, String address, String household,
			String relation) {
	}

	private final Random random;

	private final LocalDate today;

	private final Instant synced;

	private final RegistryBook book = new RegistryBook();

	private final List<Person> residents = new ArrayList<>();

	private final Map<DataProblem, List<String>> problems = new EnumMap<>(DataProblem.class);

	private final Set<String> ids = new HashSet<>();

	private int households;

	private int certificates;

	private int enterprises;

	private SyntheticCity(long seed, LocalDate today) {
		this.random = new Random(seed);
		this.today = today;
		// the registries' nightly synchronisation, two days ago
		this.synced = today.minusDays(2).atTime(18, 0).toInstant(ZoneOffset.ofHours(8));
		for (DataProblem problem : DataProblem.values()) {
			this.problems.put(problem, new ArrayList<>());
		}
	}

	/** At least {@code residents} residents and {@code enterprises} enterprises. */
	static SyntheticCity generate(long seed, LocalDate today, int residents, int enterprises) {
		SyntheticCity city = new SyntheticCity(seed, today);
		city.demoFamilies();
		while (city.residents.size() < residents) {
			city.household();
		}
		city.saleContracts(200);
		// the demo enterprise last, so that the random ones before it do not depend on it
		for (int e = 1; e < enterprises; e++) {
			city.enterprise();
		}
		city.demoEnterprise();
		city.eligibilityCases();
		return city;
	}

	RegistryBook book() {
		return this.book;
	}

	List<Person> residents() {
		return List.copyOf(this.residents);
	}

	List<String> residentsWith(DataProblem problem) {
		return List.copyOf(this.problems.get(problem));
	}

	int enterprises() {
		return this.enterprises;
	}

	// ------------------------------------------------------------------ people

	private void demoFamilies() {
		String address = "示范市东湖区湖滨路18号3幢502室";
		String household = nextHousehold();
		Person seller = person(SELLER, "张三", true, LocalDate.of(1985, 3, 12), address, household, "户主");
		Person wife = person(newId(false, LocalDate.of(1987, 6, 2)), "王芳", false, LocalDate.of(1987, 6, 2), address,
				household, "配偶");
		Person child = person(newId(true, LocalDate.of(2015, 9, 1)), "张小宇", true, LocalDate.of(2015, 9, 1), address,
				household, "子");
		householdRecords(List.of(seller, wife, child));
		marriage(seller, wife, LocalDate.of(2012, 5, 20), false, false);
		String certificate = property(List.of(seller, wife), address, 89.5, false, DEMO_FLAT);
		// the demo flat is sold free of any mortgage, so that it can be transferred
		for (Person owner : List.of(seller, wife)) {
			this.book.find("realestate.mortgage", owner.id())
				.ifPresent((entry) -> this.book.put("realestate.mortgage", owner.id(),
						new Entry(entry.status(), entry.updatedAt(), entry.note(),
								entry.records().stream().map((mortgage) -> released(mortgage)).toList())));
		}
		contract(seller, wife, certificate, address, personFor(BUYER), 1_850_000, "商业贷款");
		common(List.of(seller, wife, child));
		demoFlatHeldSince2020(seller, wife);
	}

	/**
	 * The demo flat was registered in 2020, as its certificate number says: held more
	 * than five years, the family's only home, so that its sale shows the tax office's
	 * exemptions (增值税 and 个人所得税 满五唯一) beside the buyer's deed tax.
	 */
	private void demoFlatHeldSince2020(Person seller, Person wife) {
		for (Person owner : List.of(seller, wife)) {
			this.book.find("realestate.ownership", owner.id())
				.ifPresent((entry) -> this.book.put("realestate.ownership", owner.id(), new Entry(entry.status(),
						entry.updatedAt(), entry.note(), entry.records().stream().map((flat) -> {
							if (!DEMO_FLAT.equals(flat.get("certificateNo"))) {
								return flat;
							}
							Map<String, Object> copy = new LinkedHashMap<>(flat);
							copy.put("registeredOn", "2020-08-15");
							return copy;
						}).toList())));
		}
	}

	private Person personFor(String id) {
		Person found = this.residents.stream().filter((p) -> p.id().equals(id)).findFirst().orElse(null);
		if (found != null) {
			return found;
		}
		String address = "示范市西山区人民路66号1幢1203室";
		Person buyer = person(BUYER, "李四", false, LocalDate.of(1990, 7, 18), address, nextHousehold(), "户主");
		householdRecords(List.of(buyer));
		single(buyer, "未婚");
		common(List.of(buyer));
		return buyer;
	}

	private void household() {
		int district = this.random.nextInt(DISTRICTS.length);
		String address = "示范市" + DISTRICT_NAMES[district] + ROADS[this.random.nextInt(ROADS.length)]
				+ (1 + this.random.nextInt(300)) + "号" + (1 + this.random.nextInt(12)) + "幢"
				+ (101 + this.random.nextInt(20) * 100 + this.random.nextInt(4)) + "室";
		String household = nextHousehold();
		List<Person> members = new ArrayList<>();
		int headAge = 24 + this.random.nextInt(62);
		boolean headMale = this.random.nextBoolean();
		String surname = surname();
		Person head = born(headMale, headAge, surname + given(), address, household, "户主");
		members.add(head);
		Person spouse = null;
		if (headAge >= 25 && this.random.nextInt(100) < 72) {
			int age = Math.max(22, headAge - 4 + this.random.nextInt(9));
			spouse = born(!headMale, age, surname() + given(), address, household, "配偶");
			members.add(spouse);
			int children = this.random.nextInt(3);
			for (int c = 0; c < children; c++) {
				int childAge = this.random.nextInt(Math.max(1, Math.min(headAge - 22, 30)));
				boolean male = this.random.nextBoolean();
				members.add(born(male, childAge, surname + given(), address, household, male ? "子" : "女"));
			}
		}
		if (headAge < 60 && this.random.nextInt(100) < 10) {
			int age = headAge + 25 + this.random.nextInt(6);
			boolean male = this.random.nextBoolean();
			members.add(born(male, age, surname + given(), address, household, male ? "父亲" : "母亲"));
		}
		householdRecords(members);
		if (spouse != null) {
			int roll = this.random.nextInt(100);
			marriage(head, spouse, birth(Math.min(headAge, 60) - 25 + this.random.nextInt(3)).plusYears(0), roll < 2,
					roll >= 2 && roll < 3);
		}
		else {
			single(head, (headAge > 35 && this.random.nextInt(100) < 15) ? "离异" : "未婚");
		}
		for (Person member : members) {
			if (member != head && member != spouse && ageOf(member) >= 20
					&& this.book.find("marriage.status", member.id()).isEmpty()) {
				single(member, "未婚");
			}
		}
		if (this.random.nextInt(100) < 65) {
			List<Person> owners = (spouse != null) ? List.of(head, spouse) : List.of(head);
			boolean unlinked = this.random.nextInt(100) < 1;
			property(owners, address, 50 + this.random.nextInt(110) + this.random.nextInt(10) / 10.0, unlinked);
			// an owner whose only flat is unlinked is the case the documents describe
			if (this.random.nextInt(100) < 15 && !unlinked) {
				property(
						owners, "示范市" + DISTRICT_NAMES[this.random.nextInt(2)]
								+ ROADS[this.random.nextInt(ROADS.length)] + (1 + this.random.nextInt(300)) + "号",
						40 + this.random.nextInt(80), false);
			}
		}
		common(members);
	}

	private Person person(String id, String name, boolean male, LocalDate birth, String address, String household,
			String relation) {
		Person person = new Person(id, name, male, birth, address, household, relation);
		this.residents.add(person);
		this.ids.add(id);
		this.book.add("population.identity", id, this.synced, identity(id, name, male, birth, address));
		this.book.add("population.photo", id, this.synced, Map.of("photoRef", "PHOTO-" + id.substring(12)));
		this.book.add("population.mobile", id, this.synced, Map.of("mobile", mobileOf(id)));
		return person;
	}

	/**
	 * A resident's record in the population register's identity element, whether the city
	 * was generated with them or a birth registered them later.
	 */
	static Map<String, Object> identity(String id, String name, boolean male, LocalDate birth, String address) {
		Map<String, Object> identity = new LinkedHashMap<>();
		identity.put("id", id);
		identity.put("name", name);
		identity.put("gender", male ? "男" : "女");
		identity.put("birthDate", birth.toString());
		identity.put("ethnicity", "汉族");
		identity.put("address", address);
		return identity;
	}

	/**
	 * The mobile number the registry holds for a resident: derived from the ID number
	 * rather than drawn, so that the city's other random draws stay as they were.
	 */
	static String mobileOf(String residentId) {
		long digits = Math.floorMod(residentId.hashCode() * 2_654_435_761L, 1_000_000_000L);
		return "13" + String.format("%09d", digits);
	}

	/**
	 * The county (division code) an address in the city lies in, by the district it
	 * names; null for an address that names none.
	 */
	static String regionOf(String address) {
		for (int district = 0; district < DISTRICTS.length; district++) {
			if (address != null && address.contains(DISTRICT_NAMES[district])) {
				return DISTRICTS[district];
			}
		}
		return null;
	}

	private static void putRegion(Map<String, Object> record, String address) {
		String region = regionOf(address);
		if (region != null) {
			record.put("regionCode", region);
		}
	}

	private void householdRecords(List<Person> members) {
		List<Map<String, Object>> list = members.stream()
			.map((m) -> Map.<String, Object>of("id", m.id(), "name", m.name(), "relation", m.relation()))
			.toList();
		for (Person member : members) {
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("householdNo", member.household());
			record.put("head", members.get(0).name());
			record.put("relation", member.relation());
			record.put("address", member.address());
			// the county the household is registered in: the region owning its citywide
			// matters
			String region = regionOf(member.address());
			if (region != null) {
				record.put("regionCode", region);
			}
			record.put("members", list);
			this.book.add("population.household", member.id(), this.synced, record);
		}
	}

	private void marriage(Person a, Person b, LocalDate registered, boolean stale, boolean incomplete) {
		for (Person[] pair : new Person[][] { { a, b }, { b, a } }) {
			Map<String, Object> record = new LinkedHashMap<>();
			record.put("status", "已婚");
			if (!incomplete) {
				record.put("spouseId", pair[1].id());
				record.put("spouseName", pair[1].name());
			}
			record.put("registeredOn", registered.toString());
			record.put("office", incomplete ? "省外婚姻登记机关" : "示范市民政局婚姻登记处");
			if (incomplete) {
				this.book.put("marriage.status", pair[0].id(),
						new Entry(Status.INCOMPLETE, this.synced, "婚姻登记在省外办理，本库仅有备案，缺少配偶信息", List.of(record)));
			}
			else {
				// a divorce registered elsewhere that never reached this registry: last
				// confirmed years ago
				Instant updated = stale ? this.synced.minusSeconds(86_400L * (800 + this.random.nextInt(600)))
						: this.synced;
				this.book.put("marriage.status", pair[0].id(), new Entry(Status.FOUND, updated, null, List.of(record)));
			}
		}
		if (stale) {
			this.problems.get(DataProblem.STALE_MARRIAGE).add(a.id());
		}
		if (incomplete) {
			this.problems.get(DataProblem.INCOMPLETE_MARRIAGE).add(a.id());
		}
	}

	private void single(Person person, String status) {
		this.book.put("marriage.status", person.id(),
				new Entry(Status.FOUND, this.synced, null, List.of(Map.of("status", status))));
	}

	private String property(List<Person> owners, String address, double area, boolean unlinked) {
		return property(owners, address, area, unlinked, null);
	}

	private String property(List<Person> owners, String address, double area, boolean unlinked, String fixed) {
		int year = 2005 + this.random.nextInt(20);
		String numbered = String.format("浙(%d)示范市不动产权第%07d号", year, ++this.certificates);
		String certificate = (fixed != null) ? fixed : numbered;
		if (unlinked) {
			// registered under the owner's name only, before ID numbers were recorded:
			// a lookup by ID finds nothing
			this.problems.get(DataProblem.UNLINKED_PROPERTY).add(owners.get(0).id());
			return certificate;
		}
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("certificateNo", certificate);
		record.put("address", address);
		record.put("area", area);
		// the county that registers it: where a matter about it is handled
		putRegion(record, address);
		record.put("usage", "住宅");
		record.put("owners", owners.stream().map(Person::name).toList());
		// who the owners are, so that every co-owner joins a matter about the property
		record.put("ownerIds", owners.stream().map(Person::id).toList());
		record.put("registeredOn",
				LocalDate.of(year, 1 + this.random.nextInt(12), 1 + this.random.nextInt(28)).toString());
		record.put("seized", false);
		record.put("objection", false);
		boolean mortgaged = this.random.nextInt(100) < 30;
		for (Person owner : owners) {
			this.book.add("realestate.ownership", owner.id(), this.synced, record);
			this.book.add("tax.purchaseInvoice", owner.id(), this.synced,
					Map.of("certificateNo", certificate, "invoiceNo", String.format("%08d", this.certificates * 7 + 11),
							"amount", (int) (area * (6_000 + this.random.nextInt(9_000)))));
			if (mortgaged) {
				this.book.add("realestate.mortgage", owner.id(), this.synced,
						mortgage(certificate, this.random.nextInt(BANKS.length),
								200_000 + this.random.nextInt(80) * 10_000, record.get("registeredOn"), "有效"));
			}
		}
		return certificate;
	}

	private void saleContracts(int count) {
		List<Person> sellers = this.residents.stream()
			.filter((p) -> "户主".equals(p.relation()) && !p.id().equals(SELLER))
			.filter((p) -> this.book.find("realestate.ownership", p.id()).isPresent()
					&& this.book.find("realestate.mortgage", p.id()).isEmpty())
			.limit(count)
			.toList();
		List<Person> buyers = this.residents.stream()
			.filter((p) -> ageOf(p) >= 22 && !p.id().equals(BUYER)
					&& this.book.find("realestate.ownership", p.id()).isEmpty())
			.toList();
		for (int s = 0; s < sellers.size() && s < buyers.size(); s++) {
			Person seller = sellers.get(s);
			Map<String, Object> owned = this.book.find("realestate.ownership", seller.id()).get().records().get(0);
			contract(seller, null, (String) owned.get("certificateNo"), (String) owned.get("address"),
					buyers.get(buyers.size() - 1 - s), 600_000 + this.random.nextInt(300) * 10_000,
					(this.random.nextBoolean()) ? "一次性付款" : "商业贷款");
		}
	}

	private void contract(Person seller, Person coSeller, String certificate, String address, Person buyer, int price,
			String payment) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("filingNo", "WQ" + this.today.getYear() + String.format("%06d", this.certificates + price % 997));
		record.put("certificateNo", certificate);
		record.put("address", address);
		record.put("sellerId", seller.id());
		record.put("sellerName", seller.name());
		record.put("buyerId", buyer.id());
		record.put("buyerName", buyer.name());
		record.put("price", price);
		record.put("paymentMethod", payment);
		record.put("filedOn", this.today.minusDays(3).toString());
		this.book.add("housing.contractFiling", seller.id(), this.synced, record);
		if (coSeller != null) {
			this.book.add("housing.contractFiling", coSeller.id(), this.synced, record);
		}
		this.book.add("housing.contractFiling", buyer.id(), this.synced, record);
		this.book.add("tax.deedTaxPaid", buyer.id(), this.synced,
				Map.of("certificateNo", certificate, "paid", false, "declaredIn", "二手房转移登记一件事"));
	}

	/** Social security, tax, housing eligibility, births and health for the members. */
	private void common(List<Person> members) {
		for (Person person : members) {
			int age = ageOf(person);
			this.book.add("socialSecurity.card", person.id(), this.synced,
					Map.of("cardNo", "S" + person.id().substring(6, 17), "status", "正常"));
			if (age >= 18) {
				this.book.add("tax.clearance", person.id(), this.synced,
						Map.of("arrears", this.random.nextInt(100) < 3));
				boolean owns2 = this.book.find("realestate.ownership", person.id())
					.map((e) -> e.records().size() >= 2)
					.orElse(false);
				this.book.add("housing.purchaseEligibility", person.id(), this.synced,
						Map.of("eligible", !owns2, "reason", owns2 ? "家庭已拥有2套及以上住房" : "符合购房条件"));
			}
			if (age >= 18 && age < 60 && this.random.nextInt(100) < 80) {
				String employer = "示范市" + INDUSTRIES[this.random.nextInt(INDUSTRIES.length)] + "有限公司";
				this.book.add("socialSecurity.contributions", person.id(), this.synced,
						Map.of("months", 12 + this.random.nextInt(Math.max(1, (age - 18) * 12)), "lastMonth",
								this.today.minusMonths(1).toString().substring(0, 7), "employer", employer));
				this.book.add("socialSecurity.employment", person.id(), this.synced, Map.of("employer", employer,
						"since", this.today.minusYears(1 + this.random.nextInt(10)).toString()));
				if (this.random.nextInt(100) < 10) {
					this.book.add("health.workerCertificate", person.id(), this.synced, Map.of("certificateNo",
							"JK" + person.id().substring(10), "validUntil", this.today.plusMonths(6).toString()));
				}
			}
			if (age == 0) {
				List<Person> parents = members.stream()
					.filter((m) -> "配偶".equals(m.relation()) || "户主".equals(m.relation()))
					.toList();
				parents.stream()
					.filter((m) -> !m.male())
					.findFirst()
					.ifPresent((mother) -> birthRecord(person, mother,
							parents.stream().filter(Person::male).findFirst().orElse(null)));
			}
		}
	}

	/** The birth medical record, under the mother's ID, naming both parents. */
	private void birthRecord(Person child, Person mother, Person father) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("childName", child.name());
		record.put("childId", child.id());
		record.put("birthDate", child.birth().toString());
		record.put("hospital", "示范市妇幼保健院");
		record.put("certificateNo", "R" + child.id().substring(6, 16));
		record.put("motherId", mother.id());
		if (father != null) {
			record.put("fatherId", father.id());
		}
		record.put("parentIds", (father != null) ? List.of(mother.id(), father.id()) : List.of(mother.id()));
		this.book.add("births.delivery", mother.id(), this.synced, record);
	}

	/**
	 * A mortgage record: the mortgagee by name and by its unified social credit code, by
	 * which the bank counter knows the bank that files is the mortgagee.
	 */
	private static Map<String, Object> mortgage(String certificate, int bank, int amount, Object registeredOn,
			String status) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("certificateNo", certificate);
		record.put("mortgagee", BANKS[bank]);
		record.put("mortgageeCode", CreditCode.completing(String.format("91339900MA00B%03d", bank + 1)).value());
		record.put("amount", amount);
		record.put("registeredOn", registeredOn);
		record.put("status", status);
		return record;
	}

	private static Map<String, Object> released(Map<String, Object> mortgage) {
		Map<String, Object> copy = new LinkedHashMap<>(mortgage);
		copy.put("status", "已注销");
		return copy;
	}

	/**
	 * The people and flats each condition of eligibility can be tried on (issue 22), with
	 * fixed ID numbers and certificate numbers; made last, so that the city generated
	 * before them stays the same.
	 */
	private void eligibilityCases() {
		// marriage: a divorced woman, an unmarried man, a minor
		Person divorced = fixed(DIVORCED, "陈静", false, "示范市西山区文化路21号2幢301室");
		single(divorced, "离异");
		Person unmarried = fixed(UNMARRIED, "刘洋", true, "示范市东湖区学院路8号5幢602室");
		single(unmarried, "未婚");
		fixed(MINOR, "周小明", true, "示范市东湖区新华路17号1幢101室");
		// flats: seized, under an objection, mortgaged without and with the mortgagee's
		// consent
		Person seized = fixed(SEIZED_OWNER, "孙磊", true, "示范市东湖区中山路120号3幢1101室");
		flat(seized, "浙(2016)示范市不动产权第9000001号", true, false, null);
		Person objected = fixed(OBJECTED_OWNER, "吴婷", false, "示范市西山区湖滨路45号6幢702室");
		flat(objected, "浙(2018)示范市不动产权第9000002号", false, true, null);
		Person mortgaged = fixed(MORTGAGED_OWNER, "郑强", true, "示范市东湖区建设路66号2幢502室");
		flat(mortgaged, "浙(2015)示范市不动产权第9000003号", false, false, "有效");
		Person consented = fixed(CONSENTED_OWNER, "冯雪", false, "示范市西山区人民路200号4幢1502室");
		flat(consented, "浙(2017)示范市不动产权第9000004号", false, false, "抵押权人已同意转让");
		// a birth: the parents are named on the birth medical record
		String home = "示范市西山区西山大道9号7幢203室";
		String household = nextHousehold();
		Person father = member(FATHER, "钱伟", true, home, household, "户主");
		Person mother = member(MOTHER, "赵敏", false, home, household, "配偶");
		Person child = member(ResidentId.completing("339903" + this.today.minusDays(12).format(DAY) + "093").value(),
				"钱小禾", true, home, household, "子");
		householdRecords(List.of(father, mother, child));
		marriage(father, mother, LocalDate.of(2021, 10, 1), false, false);
		birthRecord(child, mother, father);
		common(List.of(divorced, unmarried, seized, objected, mortgaged, consented, mother, father, child));
	}

	/** A demo resident living alone. */
	private Person fixed(String id, String name, boolean male, String address) {
		Person person = member(id, name, male, address, nextHousehold(), "户主");
		householdRecords(List.of(person));
		return person;
	}

	private Person member(String id, String name, boolean male, String address, String household, String relation) {
		if (this.ids.contains(id) || !ResidentId.isValid(id)) {
			throw new IllegalStateException("the demo resident " + name + " cannot have " + id);
		}
		return person(id, name, male, ResidentId.of(id).birthDate(), address, household, relation);
	}

	private void flat(Person owner, String certificate, boolean seized, boolean objection, String mortgage) {
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("certificateNo", certificate);
		record.put("address", owner.address());
		record.put("area", 96.0);
		putRegion(record, owner.address());
		record.put("usage", "住宅");
		record.put("owners", List.of(owner.name()));
		record.put("ownerIds", List.of(owner.id()));
		record.put("registeredOn", "2016-06-18");
		record.put("seized", seized);
		record.put("objection", objection);
		this.book.add("realestate.ownership", owner.id(), this.synced, record);
		if (mortgage != null) {
			this.book.add("realestate.mortgage", owner.id(), this.synced,
					mortgage(certificate, 0, 600_000, "2016-06-18", mortgage));
		}
	}

	/** 张三's restaurant company, for the demo business account. */
	private void demoEnterprise() {
		String registeredOn = this.today.minusYears(3).toString();
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("creditCode", DEMO_ENTERPRISE);
		record.put("name", "示范市张三餐饮有限公司");
		record.put("legalRepresentativeId", SELLER);
		record.put("legalRepresentativeName", "张三");
		record.put("status", "存续");
		record.put("registeredCapital", "50万元");
		record.put("registeredOn", registeredOn);
		record.put("enterpriseType", "有限责任公司（自然人投资或控股）");
		record.put("address", "示范市东湖区示范路8号");
		record.put("businessScope", "餐饮服务；食品销售");
		record.put("businessTerm", "长期");
		this.ids.add(DEMO_ENTERPRISE);
		this.enterprises++;
		this.book.add("enterprise.registration", DEMO_ENTERPRISE, this.synced, record);
		this.book.add("tax.clearance", DEMO_ENTERPRISE, this.synced, Map.of("arrears", false));
		this.book.add("police.sealFiling", DEMO_ENTERPRISE, this.synced,
				Map.of("sealFiled", true, "filedOn", registeredOn));
	}

	private void enterprise() {
		StringBuilder code = new StringBuilder("91339900");
		for (int c = 0; c < 8; c++) {
			code.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
		}
		String creditCode = CreditCode.completing(code.toString()).value();
		if (!this.ids.add(creditCode)) {
			enterprise();
			return;
		}
		this.enterprises++;
		Person representative = this.residents.get(this.random.nextInt(this.residents.size()));
		String industry = INDUSTRIES[this.random.nextInt(INDUSTRIES.length)];
		Map<String, Object> record = new LinkedHashMap<>();
		record.put("creditCode", creditCode);
		record.put("name", "示范市" + GIVEN.charAt(this.random.nextInt(GIVEN.length()))
				+ GIVEN.charAt(this.random.nextInt(GIVEN.length())) + industry + "有限公司");
		record.put("legalRepresentativeId", representative.id());
		record.put("legalRepresentativeName", representative.name());
		record.put("status", (this.random.nextInt(100) < 5) ? "注销" : "存续");
		record.put("registeredCapital", (10 + this.random.nextInt(990)) + "万元");
		record.put("registeredOn", this.today.minusDays(30 + this.random.nextInt(5000)).toString());
		// drawn from what was drawn already: the random sequence after it is the same
		record.put("enterpriseType", "有限责任公司（自然人投资或控股）");
		record.put("address", representative.address());
		record.put("businessScope", industry + "相关业务");
		record.put("businessTerm", "长期");
		this.book.add("enterprise.registration", creditCode, this.synced, record);
		this.book.add("tax.clearance", creditCode, this.synced, Map.of("arrears", this.random.nextInt(100) < 4));
		if (this.random.nextInt(100) < 80) {
			this.book.add("police.sealFiling", creditCode, this.synced,
					Map.of("sealFiled", true, "filedOn", record.get("registeredOn")));
		}
		if ("建设工程".equals(industry)) {
			String project = "XM" + creditCode.substring(8, 16);
			this.book.add("planning.permit", creditCode, this.synced,
					Map.of("permitNo", "建字第" + project + "号", "project", record.get("name") + "综合楼项目"));
			this.book.add("planning.verification", creditCode, this.synced,
					Map.of("verificationNo", "规核" + project, "result", "符合规划条件"));
			this.book.add("housing.completionRecord", creditCode, this.synced,
					Map.of("recordNo", "竣备" + project, "filedOn", this.today.minusDays(40).toString()));
			this.book.add("housing.fireAcceptance", creditCode, this.synced,
					Map.of("acceptanceNo", "消验" + project, "result", "合格"));
		}
	}

	// ------------------------------------------------------------------ helpers

	private String newId(boolean male, LocalDate birth) {
		String district = DISTRICTS[this.random.nextInt(DISTRICTS.length)];
		while (true) {
			int sequence = this.random.nextInt(500) * 2 + (male ? 1 : 0);
			String id = ResidentId.completing(district + birth.format(DAY) + String.format("%03d", sequence)).value();
			if (!this.ids.contains(id) && !FIXED.contains(id)) {
				return id;
			}
		}
	}

	/**
	 * A new resident of the age, with an ID number that matches their birth date and sex.
	 */
	private Person born(boolean male, int age, String name, String address, String household, String relation) {
		LocalDate birth = birth(age);
		return person(newId(male, birth), name, male, birth, address, household, relation);
	}

	private LocalDate birth(int age) {
		return this.today.minusYears(age).minusDays(1 + this.random.nextInt(364));
	}

	private int ageOf(Person person) {
		return Period.between(person.birth(), this.today).getYears();
	}

	private String nextHousehold() {
		return String.format("H3399%07d", ++this.households);
	}

	private String surname() {
		return String.valueOf(SURNAMES.charAt(this.random.nextInt(SURNAMES.length())));
	}

	private String given() {
		String one = String.valueOf(GIVEN.charAt(this.random.nextInt(GIVEN.length())));
		return this.random.nextBoolean() ? one : one + GIVEN.charAt(this.random.nextInt(GIVEN.length()));
	}

}

package org.onevisit.demo.internal;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.onevisit.catalog.CatalogueAdministration;
import org.onevisit.catalog.Directory;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountManagement.NewAccount;
import org.onevisit.identity.Role;
import org.onevisit.platform.DatabaseMode;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds 示范市 (division code 339900, under 浙江省): its catalogue of departments, items and
 * bundles ({@code catalog/demo/catalogue.yaml}, imported as an administrator would) and
 * the demo accounts listed in the README, all with the password {@value #PASSWORD}. Runs
 * on every start and only adds what is missing or changed, so a kept data directory is
 * left as it is.
 */
@Component
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "onevisit-demo";

	static final String CATALOGUE = "catalog/demo/catalogue.yaml";

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DatabaseMode mode;

	private final CatalogueAdministration catalogue;

	private final Directory directory;

	private final AccountManagement accounts;

	private final boolean generated;

	/**
	 * @param generated whether to add the generated catalogue of real size
	 * ({@code onevisit.demo-catalogue.generated}, on by default; the tests leave it out
	 * but for those that measure it)
	 */
	DemoData(DatabaseMode mode, CatalogueAdministration catalogue, Directory directory, AccountManagement accounts,
			@Value("${onevisit.demo-catalogue.generated:true}") boolean generated) {
		this.generated = generated;
		this.mode = mode;
		this.catalogue = catalogue;
		this.directory = directory;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (!this.mode.demo()) {
			return;
		}
		try (Reader yaml = new InputStreamReader(new ClassPathResource(CATALOGUE).getInputStream(),
				StandardCharsets.UTF_8)) {
			this.catalogue.importCatalogue("catalogue.yaml", yaml, "demo");
		}
		if (this.generated) {
			long started = System.nanoTime();
			String text = GeneratedCatalogue.yaml();
			CatalogueAdministration.ImportReport report = this.catalogue.importCatalogue("generated-catalogue.yaml",
					new StringReader(text), "demo");
			log.info("Generated catalogue: {} implementations, imported in {} ms ({})",
					GeneratedCatalogue.implementations(text), (System.nanoTime() - started) / 1_000_000, report);
		}
		accounts().forEach(this.accounts::openIfAbsent);
		log.info("Demo data ready: demo accounts with password '{}'", PASSWORD);
	}

	List<NewAccount> accounts() {
		List<NewAccount> people = List.of(
				NewAccount.applicant("applicant1", PASSWORD, "张三", ResidentId.of("339902198503120016")),
				NewAccount.applicant("applicant2", PASSWORD, "李四", ResidentId.of("339903199007180029")),
				// 张三's wife, co-owner of the flat he sells: she confirms its sale
				NewAccount.applicant("applicant3", PASSWORD, "王芳", ResidentId.of("33990319870602934X")),
				NewAccount.business("business1", PASSWORD, "示范市张三餐饮有限公司（张三）", CreditCode.of("91339900MA2H5T7K0B")),
				NewAccount.staff("clerk1", PASSWORD, "王敏（综合窗口）", Role.CLERK),
				NewAccount.staff("clerk2", PASSWORD, "陈静（综合窗口）", Role.CLERK),
				NewAccount.staff("supervisor1", PASSWORD, "赵监察（政务服务管理办）", Role.SUPERVISOR),
				NewAccount.staff("admin1", PASSWORD, "钱管理（事项管理员）", Role.ADMIN));
		Stream<NewAccount> reviewers = this.directory.departments()
			.stream()
			.map((department) -> NewAccount.reviewer("reviewer-" + department.code(), PASSWORD,
					department.name() + "审批员", department.code()));
		// a second registrar at the city's and each county's registration centre: 受理
		// and 登簿 of a property registration are done by different people (the
		// catalogue's notBy), and a flat in a county is registered there
		Stream<NewAccount> second = this.directory.departments()
			.stream()
			.filter((department) -> department.code().equals("nr") || department.code().startsWith("nr-"))
			.map((department) -> NewAccount.reviewer("reviewer-nr2" + department.code().substring(2), PASSWORD,
					department.name() + "登簿员", department.code()));
		return Stream.of(people.stream(), reviewers, second).flatMap((accounts) -> accounts).toList();
	}

}

package org.onevisit.demo.internal;

import java.util.List;

import org.onevisit.catalog.Department;
import org.onevisit.catalog.Directory;
import org.onevisit.catalog.Region;
import org.onevisit.catalog.RegionLevel;
import org.onevisit.identity.AccountManagement;
import org.onevisit.identity.AccountManagement.NewAccount;
import org.onevisit.identity.Role;
import org.onevisit.platform.DatabaseMode;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Seeds 示范市 (division code 339900, under 浙江省) with two districts, its departments and the
 * demo accounts listed in the README, all with the password {@value #PASSWORD}. Runs on
 * every start and only adds what is missing, so a kept data directory is left as it is.
 */
@Component
class DemoData implements ApplicationRunner {

	static final String PASSWORD = "onevisit-demo";

	static final String CITY = "339900";

	static final List<Region> REGIONS = List.of(new Region("330000", "浙江省", RegionLevel.PROVINCE, null),
			new Region(CITY, "示范市", RegionLevel.CITY, "330000"), new Region("339902", "东湖区", RegionLevel.COUNTY, CITY),
			new Region("339903", "西山区", RegionLevel.COUNTY, CITY));

	static final List<Department> DEPARTMENTS = List.of(
			new Department("nr", "示范市自然资源和规划局（不动产登记中心）", CITY, CreditCode.of("11339900MB0000001J")),
			new Department("housing", "示范市住房和城乡建设局", CITY, CreditCode.of("11339900MB0000002M")),
			new Department("tax", "国家税务总局示范市税务局", CITY, CreditCode.of("11339900MB0000003Q")),
			new Department("samr", "示范市市场监督管理局", CITY, CreditCode.of("11339900MB0000004U")),
			new Department("police", "示范市公安局", CITY, CreditCode.of("11339900MB0000005Y")),
			new Department("civil", "示范市民政局", CITY, CreditCode.of("11339900MB00000062")),
			new Department("hrss", "示范市人力资源和社会保障局", CITY, CreditCode.of("11339900MB00000075")),
			new Department("health", "示范市卫生健康委员会", CITY, CreditCode.of("11339900MB00000088")),
			new Department("medins", "示范市医疗保障局", CITY, CreditCode.of("11339900MB0000009B")),
			new Department("fire", "示范市消防救援支队", CITY, CreditCode.of("11339900MB0000010G")));

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final DatabaseMode mode;

	private final Directory directory;

	private final AccountManagement accounts;

	DemoData(DatabaseMode mode, Directory directory, AccountManagement accounts) {
		this.mode = mode;
		this.directory = directory;
		this.accounts = accounts;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.mode.demo()) {
			return;
		}
		REGIONS.forEach(this.directory::register);
		DEPARTMENTS.forEach(this.directory::register);
		accounts().forEach(this.accounts::openIfAbsent);
		log.info("Demo data ready: {} departments, demo accounts with password '{}'", DEPARTMENTS.size(), PASSWORD);
	}

	static List<NewAccount> accounts() {
		List<NewAccount> staff = List.of(
				NewAccount.applicant("applicant1", PASSWORD, "张三", ResidentId.of("339902198503120016")),
				NewAccount.applicant("applicant2", PASSWORD, "李四", ResidentId.of("339903199007180029")),
				NewAccount.staff("clerk1", PASSWORD, "王敏（综合窗口）", Role.CLERK),
				NewAccount.staff("supervisor1", PASSWORD, "赵监察（政务服务管理办）", Role.SUPERVISOR),
				NewAccount.staff("admin1", PASSWORD, "钱管理（事项管理员）", Role.ADMIN));
		List<NewAccount> reviewers = DEPARTMENTS.stream()
			.map((department) -> NewAccount.reviewer("reviewer-" + department.code(), PASSWORD,
					department.name() + "审批员", department.code()))
			.toList();
		return java.util.stream.Stream.concat(staff.stream(), reviewers.stream()).toList();
	}

}

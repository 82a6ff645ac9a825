package org.onevisit.applications;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.BundleField;
import org.onevisit.catalog.FieldLimits;
import org.onevisit.catalog.FieldType;
import org.onevisit.catalog.FormField;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class FormCheckTests {

	static final List<FormField> FORM = List.of(
			new FormField("sellerId", "卖方身份证号码", FieldType.RESIDENT_ID, true, null, List.of()),
			new FormField("bank", "抵押权人统一社会信用代码", FieldType.CREDIT_CODE, false, null, List.of()),
			new FormField("price", "成交价格（元）", FieldType.NUMBER, true, null, List.of()),
			new FormField("signedOn", "签约日期", FieldType.DATE, false, null, List.of()),
			new FormField("payment", "付款方式", FieldType.ENUM, true, null, List.of("一次性付款", "商业贷款")),
			new FormField("onlyHome", "家庭唯一住房", FieldType.BOOLEAN, false, null, List.of()),
			new FormField("account", "银行账号", FieldType.STRING, false, "^[0-9]{12,19}$", List.of()));

	@Test
	void acceptsValuesThatFitTheirFields() {
		Map<String, Object> values = Map.of("sellerId", "11010519491231002x", "bank", "91350100M000100Y43", "price",
				1_250_000, "signedOn", "2025-09-20", "payment", "商业贷款", "onlyHome", true, "account",
				"6222020200112233445");

		assertThat(FormCheck.check(FORM, values)).isEmpty();
	}

	@Test
	void namesEveryFieldThatDoesNotFitAndWhy() {
		Map<String, Object> values = new HashMap<>();
		values.put("sellerId", "110105194912310021");
		values.put("bank", "91350100M000100Y44");
		values.put("price", "一百万");
		values.put("signedOn", "2025-02-30");
		values.put("payment", "分期");
		values.put("onlyHome", "yes");
		values.put("account", "62220202");
		values.put("colour", "red");

		assertThat(FormCheck.check(FORM, values)).extracting((violation) -> violation.field() + ": " + violation.code())
			.containsExactly("colour: unknown_field", "sellerId: resident_id_invalid.check_character",
					"bank: credit_code_invalid.check_character", "price: not_a_number", "signedOn: not_a_date",
					"payment: not_an_option", "onlyHome: not_true_or_false", "account: pattern_mismatch");
	}

	@Test
	void holdsEachFieldToItsOwnLimitsAndNamesTheBoundItBroke() {
		List<FormField> form = List.of(
				new FormField("price", "成交价格（元）", FieldType.NUMBER, true, null, List.of(), null,
						new FieldLimits(null, new BigDecimal("1"), new BigDecimal("10000000000"))),
				new FormField("name", "姓名", FieldType.STRING, true, null, List.of(), null,
						new FieldLimits(50, null, null)));

		assertThat(FormCheck.check(form, Map.of("price", 0.5, "name", "张".repeat(51))))
			.extracting(FieldViolation::field, FieldViolation::code, FieldViolation::limit)
			.containsExactly(tuple("price", "below_minimum", "1"), tuple("name", "too_long", "50"));
		assertThat(FormCheck.check(form, Map.of("price", 20_000_000_000L, "name", "张".repeat(50))))
			.extracting(FieldViolation::field, FieldViolation::code, FieldViolation::limit)
			.containsExactly(tuple("price", "above_maximum", "10000000000"));
		assertThat(FormCheck.check(form, Map.of("price", 1, "name", "张三"))).isEmpty();
	}

	@Test
	void aFieldWithoutLimitsOfItsOwnStillKeepsThePlatformsCeilings() {
		assertThat(FormCheck.check(FORM, Map.of("sellerId", "11010519491231002x", "price", -1, "payment", "商业贷款")))
			.extracting(FieldViolation::code)
			.containsExactly("below_minimum");
		assertThat(FormCheck.check(FORM,
				Map.of("sellerId", "11010519491231002x", "price", new BigDecimal("1e13"), "payment", "商业贷款")))
			.extracting(FieldViolation::code, FieldViolation::limit)
			.containsExactly(tuple("above_maximum", "1000000000000"));
	}

	@Test
	void asksForEveryRequiredFieldLeftEmpty() {
		assertThat(FormCheck.check(FORM, Map.of("sellerId", "  "))).extracting(FieldViolation::field)
			.containsExactly("sellerId", "price", "payment");
	}

	@Test
	void copiesEachAnswerOfABundlesOneFormIntoEveryItemThatNeedsIt() {
		Bundle flat = new Bundle("flat-transfer", "二手房转移登记一件事", null, List.of(),
				List.of("339900-HOUSING-001", "339900-TAX-001", "339900-NR-001"), List.of(
						new BundleField("sellerId", "卖方身份证号码", FieldType.RESIDENT_ID, true, null, List.of(),
								Map.of("339900-HOUSING-001", "sellerId", "339900-TAX-001", "transferorId",
										"339900-NR-001", "sellerId")),
						new BundleField("address", "房屋坐落", FieldType.STRING, true, null, List.of(),
								Map.of("339900-NR-001", "address"))),
				List.of());

		Map<String, Map<String, Object>> perItem = FormCheck.split(flat,
				Map.of("sellerId", "339902198503120016", "address", "东湖区示范路1号"));

		assertThat(perItem.get("339900-TAX-001")).containsExactly(Map.entry("transferorId", "339902198503120016"));
		assertThat(perItem.get("339900-NR-001")).containsOnly(Map.entry("sellerId", "339902198503120016"),
				Map.entry("address", "东湖区示范路1号"));
		assertThat(FormCheck.check(flat, Map.of("sellerId", "339902198503120016"))).extracting(FieldViolation::field)
			.containsExactly("address");
	}

	@Test
	void theOwningCountysImplementationReceivesThePartOfTheBundleItemItTookOver() {
		Bundle flat = new Bundle("flat-transfer", "二手房转移登记一件事", null, List.of(),
				List.of("339900-TAX-001", "339900-NR-001"),
				List.of(new BundleField("sellerId", "卖方身份证号码", FieldType.RESIDENT_ID, true, null, List.of(),
						Map.of("339900-TAX-001", "transferorId", "339900-NR-001", "sellerId"))),
				List.of());
		Map<String, Object> values = Map.of("sellerId", "339902198503120016");

		// 西山区's registration office handles the flat that lies there (全市通办)
		assertThat(FormCheck.itemForm(flat, values, "339903-NR-001"))
			.containsExactly(Map.entry("sellerId", "339902198503120016"));
		assertThat(FormCheck.itemForm(flat, values, "339900-TAX-001"))
			.containsExactly(Map.entry("transferorId", "339902198503120016"));
		// an implementation of a basic item the bundle does not combine receives nothing,
		// nor does an item whose code names no region
		assertThat(FormCheck.itemForm(flat, values, "339903-NR-006")).isEmpty();
		assertThat(FormCheck.itemForm(flat, values, "NR-001")).isEmpty();
		assertThat(flat.itemHandledBy("339903-NR-001")).isEqualTo("339900-NR-001");
		assertThat(flat.itemHandledBy("339900-NR-001")).isEqualTo("339900-NR-001");
	}

}

package org.onevisit.benefits.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.onevisit.benefits.Policy;
import org.onevisit.catalog.ApprovalRule;
import org.onevisit.platform.ShippedYaml;

import org.springframework.stereotype.Component;

/**
 * The policies, read from {@code benefits/policies.yaml}. A policy whose first rule
 * cannot pick candidates at a registry (an age or an equality on a data element) is
 * refused when it loads.
 */
@Component
class PolicyBook {

	private final Map<String, Policy> policies = new LinkedHashMap<>();

	@SuppressWarnings("unchecked")
	PolicyBook() {
		Map<String, Object> document = ShippedYaml.read("benefits/policies.yaml");
		for (Map<String, Object> policy : (List<Map<String, Object>>) document.get("policies")) {
			List<ApprovalRule> rules = ((List<Map<String, Object>>) policy.get("rules")).stream()
				.map((rule) -> new ApprovalRule((String) rule.get("name"), (String) rule.get("element"),
						(String) rule.get("field"), null,
						ApprovalRule.Check.valueOf(((String) rule.get("check")).replaceAll("([a-z])([A-Z])", "$1_$2")
							.toUpperCase(Locale.ROOT)),
						(String) rule.get("value"), null, null))
				.toList();
			Policy parsed = new Policy((String) policy.get("code"), (String) policy.get("name"),
					(String) policy.get("benefit"), (String) policy.get("department"), (String) policy.get("item"),
					Policy.Mode.valueOf(((String) policy.get("mode")).toUpperCase(Locale.ROOT)), rules);
			if (rules.isEmpty() || !Candidates.canSelect(rules.get(0))) {
				throw new IllegalStateException("policy " + parsed.code()
						+ ": the first rule picks the candidates, so it reads a data element's field by age or equality");
			}
			this.policies.put(parsed.code(), parsed);
		}
	}

	List<Policy> all() {
		return List.copyOf(this.policies.values());
	}

	Optional<Policy> find(String code) {
		return Optional.ofNullable(this.policies.get(code));
	}

}

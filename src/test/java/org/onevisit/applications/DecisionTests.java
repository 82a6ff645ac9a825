package org.onevisit.applications;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTests {

	@Test
	void readsEachDecisionByItsName() {
		assertThat(Decision.named("APPROVE", null, null, "review")).isEqualTo(new Decision.Approve("review"));
		assertThat(Decision.named("REJECT", "不符合条件", null, null)).isEqualTo(new Decision.Reject("不符合条件"));
		assertThat(Decision.named("SUPPLEMENT", "请补充", List.of("购房合同"), null))
			.isEqualTo(new Decision.RequestSupplement(List.of("购房合同"), "请补充"));
	}

	@Test
	void approvesAtTheCurrentStepWhenNoNextStepIsNamed() {
		assertThat(Decision.named("APPROVE", null, null, " ")).isEqualTo(Decision.Approve.here());
	}

	@Test
	void refusesADecisionItDoesNotKnowInsteadOfAskingForASupplement() {
		assertThatThrownBy(() -> Decision.named("MAYBE", null, List.of(), null)).isInstanceOf(ReviewRefused.class)
			.extracting("code")
			.isEqualTo("decision_invalid");
		assertThatThrownBy(() -> Decision.named(null, null, List.of(), null)).isInstanceOf(ReviewRefused.class);
	}

}

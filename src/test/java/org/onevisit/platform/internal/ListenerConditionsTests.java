package org.onevisit.platform.internal;

import java.lang.reflect.Method;

import org.junit.jupiter.api.Test;
import org.onevisit.platform.OnlyWhen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A listener's condition is a method of its bean, found once when the listener is made: a
 * name that finds none, or a method of another shape, stops the start and says which
 * listener and what it looked for.
 */
class ListenerConditionsTests {

	record Knocked(String at) {
	}

	static class Doorman {

		@OnlyWhen("expects")
		void on(Knocked event) {
		}

		@OnlyWhen("expected")
		void onMisnamed(Knocked event) {
		}

		@OnlyWhen("announce")
		void onMistyped(Knocked event) {
		}

		boolean expects(Knocked event) {
			return "front".equals(event.at());
		}

		void announce(Knocked event) {
		}

	}

	@Test
	void findsTheMethodThatTakesTheListenersEventAndAnswersABoolean() throws Exception {
		Method condition = ListenerConditions.condition(Doorman.class,
				Doorman.class.getDeclaredMethod("on", Knocked.class));

		assertThat(condition.getName()).isEqualTo("expects");
		assertThat(condition.invoke(new Doorman(), new Knocked("front"))).isEqualTo(true);
		assertThat(condition.invoke(new Doorman(), new Knocked("back"))).isEqualTo(false);
	}

	@Test
	void refusesAConditionItsBeanDoesNotHave() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ListenerConditions.condition(Doorman.class,
					Doorman.class.getDeclaredMethod("onMisnamed", Knocked.class)))
			.withMessageContaining("Doorman.onMisnamed")
			.withMessageContaining("boolean expected(Knocked)");
	}

	@Test
	void refusesAConditionThatAnswersNoBoolean() {
		assertThatIllegalStateException()
			.isThrownBy(() -> ListenerConditions.condition(Doorman.class,
					Doorman.class.getDeclaredMethod("onMistyped", Knocked.class)))
			.withMessageContaining("boolean announce(Knocked)");
	}

}

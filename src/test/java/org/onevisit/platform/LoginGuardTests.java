package org.onevisit.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LoginGuardTests {

	@Test
	void countsAWrongOneTimeCodeAsAFailedLoginAndARightOneAsASuccessfulOne() {
		Recording guard = new Recording(false);

		boolean wrong = guard.passes("reviewer1", "10.0.0.1", () -> false);
		boolean right = guard.passes("reviewer1", "10.0.0.1", () -> true);

		assertThat(wrong).isFalse();
		assertThat(right).isTrue();
		assertThat(guard.calls).containsExactly("allowed? reviewer1@10.0.0.1", "failed reviewer1@10.0.0.1",
				"allowed? reviewer1@10.0.0.1", "succeeded reviewer1@10.0.0.1");
	}

	@Test
	void checksNoCodeWhileTheAccountIsHeldBack() {
		Recording guard = new Recording(true);
		List<String> checked = new ArrayList<>();

		assertThatThrownBy(() -> guard.passes("reviewer1", "10.0.0.1", () -> checked.add("code")))
			.isInstanceOf(LoginGuard.Refused.class);

		assertThat(checked).isEmpty();
		assertThat(guard.calls).containsExactly("allowed? reviewer1@10.0.0.1");
	}

	private static final class Recording implements LoginGuard {

		final List<String> calls = new ArrayList<>();

		private final boolean heldBack;

		Recording(boolean heldBack) {
			this.heldBack = heldBack;
		}

		@Override
		public void checkAllowed(String username, String address) {
			this.calls.add("allowed? " + username + "@" + address);
			if (this.heldBack) {
				throw new Refused(Duration.ofMinutes(1));
			}
		}

		@Override
		public void failed(String username, String address) {
			this.calls.add("failed " + username + "@" + address);
		}

		@Override
		public void succeeded(String username, String address) {
			this.calls.add("succeeded " + username + "@" + address);
		}

	}

}

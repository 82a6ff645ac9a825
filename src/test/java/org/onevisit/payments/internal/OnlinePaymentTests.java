package org.onevisit.payments.internal;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentProvider;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paying online is offered through a configured provider; the simulator counts as one
 * only in demo mode, and with none, nothing is offered.
 */
class OnlinePaymentTests {

	final SimulatedProvider simulator = new SimulatedProvider(
			new SimulatedCashier(JsonMapper.builder().build(), Clock.systemUTC()), JsonMapper.builder().build());

	final PaymentProvider bank = new PaymentProvider() {

		@Override
		public String code() {
			return "bank";
		}

		@Override
		public URI checkout(Payment payment) {
			return URI.create("https://pay.example.bank/" + payment.id());
		}

		@Override
		public Callback read(byte[] body, String keyId, String signature) {
			throw new UnsupportedOperationException("not called here");
		}

	};

	@Test
	void offersTheSimulatorOnlyInDemoMode() {
		assertThat(PaymentService.offered(List.of(this.simulator), true)).containsExactly(this.simulator);
		assertThat(PaymentService.offered(List.of(this.simulator), false)).isEmpty();
	}

	@Test
	void offersAConfiguredProviderFirstAndOutsideDemoModeOnlyIt() {
		assertThat(PaymentService.offered(List.of(this.simulator, this.bank), true)).first().isSameAs(this.bank);
		assertThat(PaymentService.offered(List.of(this.simulator, this.bank), false)).containsExactly(this.bank);
	}

	@Test
	void offersNothingWithNoProviderConfigured() {
		assertThat(PaymentService.offered(List.of(), true)).isEmpty();
	}

}

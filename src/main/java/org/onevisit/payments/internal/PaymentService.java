package org.onevisit.payments.internal;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.identity.Actor;
import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentConfirmed;
import org.onevisit.payments.PaymentManagement;
import org.onevisit.payments.PaymentProvider;
import org.onevisit.payments.PaymentRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

@Service
class PaymentService implements PaymentManagement {

	private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

	private final ApplicationManagement applications;

	private final Payments payments;

	private final FeeOrdering ordering;

	private final Map<String, PaymentProvider> providers;

	private final PaymentProvider defaultProvider;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentService(ApplicationManagement applications, Payments payments, FeeOrdering ordering,
			List<PaymentProvider> providers, ApplicationEventPublisher events, TransactionTemplate transactions,
			Clock clock) {
		this.applications = applications;
		this.payments = payments;
		this.ordering = ordering;
		this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::code, Function.identity()));
		this.defaultProvider = providers.get(0);
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public Optional<Payment> of(ApplicationId application, Actor by) {
		// not found for whoever may not see the application
		this.applications.summary(application, by);
		return this.ordering.open(application);
	}

	@Override
	public URI checkout(ApplicationId application, Actor by) {
		ApplicationSummary matter = this.applications.summary(application, by);
		if (!mayPay(by)) {
			throw PaymentRefused.nothingToPay(matter.id());
		}
		Payment payment = this.ordering.open(application).orElseThrow(() -> PaymentRefused.nothingToPay(application));
		if (payment.paid()) {
			throw PaymentRefused.alreadyPaid(application);
		}
		return this.defaultProvider.checkout(payment);
	}

	/**
	 * Only an applicant pays, for an application they may see; a clerk or a reviewer who
	 * sees it does not.
	 */
	static boolean mayPay(Actor by) {
		return by.kind() == Actor.Kind.APPLICANT;
	}

	@Override
	public Payment confirm(String providerCode, byte[] body, String keyId, String signature) {
		String text = new String(body, StandardCharsets.UTF_8);
		PaymentProvider provider = this.providers.get(providerCode);
		if (provider == null) {
			throw PaymentRefused.unknownProvider(providerCode);
		}
		PaymentProvider.Callback callback;
		try {
			callback = provider.read(body, keyId, signature);
		}
		catch (PaymentRefused refused) {
			// kept in its own transaction: the refusal is the evidence of the attempt
			this.payments.recordCallback(this.clock.instant(), providerCode, null, keyId, text, refused.code());
			log.warn("Payment callback from {} refused: {}", providerCode, refused.getMessage());
			throw refused;
		}
		try {
			return this.transactions.execute((status) -> apply(providerCode, callback, keyId, text));
		}
		catch (PaymentRefused refused) {
			this.payments.recordCallback(this.clock.instant(), providerCode, callback.payment(), keyId, text,
					refused.code());
			throw refused;
		}
	}

	private Payment apply(String providerCode, PaymentProvider.Callback callback, String keyId, String text) {
		Payment payment = this.payments.lock(callback.payment())
			.orElseThrow(() -> PaymentRefused.unknownOrder(callback.payment()));
		Payment settled = payment.settle(providerCode, callback);
		if (payment.paid()) {
			this.payments.recordCallback(this.clock.instant(), providerCode, payment.id(), keyId, text, "repeated");
			return payment;
		}
		this.payments.markPaid(settled);
		this.payments.recordCallback(this.clock.instant(), providerCode, payment.id(), keyId, text, "applied");
		this.events.publishEvent(new PaymentConfirmed(payment.id(), payment.application(), payment.amount(),
				providerCode, callback.transactionId(), callback.paidAt(), payment.trackingNumber(),
				this.applications.summary(payment.application(), Actor.system()).subject()));
		return this.payments.ofApplication(payment.application()).orElseThrow();
	}

}

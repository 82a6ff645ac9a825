package org.onevisit.payments.internal;

import java.util.Comparator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.time.Instant;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.onevisit.applications.Application;
import org.onevisit.applications.ApplicationId;
import org.onevisit.applications.ApplicationStatus;
import org.onevisit.applications.TaskId;
import org.onevisit.applications.ApplicationManagement;
import org.onevisit.applications.ApplicationSummary;
import org.onevisit.identity.Actor;
import org.onevisit.payments.Payment;
import org.onevisit.payments.PaymentConfirmed;
import org.onevisit.payments.PaymentManagement;
import org.onevisit.payments.PaymentProvider;
import org.onevisit.payments.PaymentRefused;
import org.onevisit.payments.TaxAssessment;
import org.onevisit.platform.DatabaseMode;
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

	private final TaxAssessor taxes;

	private final Map<String, PaymentProvider> providers;

	private final Optional<PaymentProvider> online;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PaymentService(ApplicationManagement applications, Payments payments, TaxAssessor taxes,
			List<PaymentProvider> providers, DatabaseMode mode, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.applications = applications;
		this.payments = payments;
		this.taxes = taxes;
		List<PaymentProvider> offered = offered(providers, mode.demo());
		this.providers = offered.stream().collect(Collectors.toMap(PaymentProvider::code, Function.identity()));
		this.online = offered.stream().findFirst();
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * The providers through which paying online is offered: a configured (real) one
	 * first; the simulator only in demo mode, never where real money is owed.
	 */
	static List<PaymentProvider> offered(List<PaymentProvider> configured, boolean demo) {
		return configured.stream()
			.filter((provider) -> demo || !SimulatedProvider.CODE.equals(provider.code()))
			.sorted(Comparator.comparing((PaymentProvider provider) -> SimulatedProvider.CODE.equals(provider.code())))
			.toList();
	}

	@Override
	public boolean onlinePayment() {
		return this.online.isPresent();
	}

	@Override
	public Optional<Payment> of(ApplicationId application, Actor by) {
		// not found for whoever may not see the application
		this.applications.summary(application, by);
		return this.payments.ofApplication(application);
	}

	@Override
	public boolean payable(ApplicationId application, Actor by) {
		ApplicationSummary matter = this.applications.summary(application, by);
		return refusal(matter, by).isEmpty();
	}

	@Override
	public boolean awaitingAssessment(ApplicationId application, Actor by) {
		ApplicationSummary matter = this.applications.summary(application, by);
		return awaitsAssessment(matter, this.payments.ofApplication(application));
	}

	private boolean awaitsAssessment(ApplicationSummary matter, Optional<Payment> payment) {
		return matter.itemCodes().stream().anyMatch(this.taxes::assesses)
				&& payment.map((order) -> !order.assessed() && !order.paid()).orElse(true);
	}

	@Override
	public URI checkout(ApplicationId application, Actor by) {
		ApplicationSummary matter = this.applications.summary(application, by);
		Optional<PaymentRefused> refused = refusal(matter, by);
		if (refused.isPresent()) {
			throw refused.get();
		}
		return this.online.orElseThrow().checkout(this.payments.ofApplication(application).orElseThrow());
	}

	/**
	 * Why this actor cannot pay the matter online now, if they cannot: not the applicant,
	 * nothing or nothing more to pay, a matter ended without a result, taxes still to be
	 * assessed, or no provider configured.
	 */
	private Optional<PaymentRefused> refusal(ApplicationSummary matter, Actor by) {
		Optional<Payment> payment = this.payments.ofApplication(matter.id());
		if (!mayPay(by) || payment.isEmpty()) {
			return Optional.of(PaymentRefused.nothingToPay(matter.id()));
		}
		if (payment.get().paid()) {
			return Optional.of(PaymentRefused.alreadyPaid(matter.id()));
		}
		if (matter.status().finished() && matter.status() != ApplicationStatus.APPROVED) {
			return Optional.of(PaymentRefused.matterEnded(matter.id()));
		}
		// the order is paid once, in full: not before the tax office has added its taxes
		if (awaitsAssessment(matter, payment)) {
			return Optional.of(PaymentRefused.awaitingAssessment(matter.id()));
		}
		if (this.online.isEmpty()) {
			return Optional.of(PaymentRefused.onlinePaymentNotOffered(matter.id()));
		}
		return Optional.empty();
	}

	@Override
	public Optional<TaxAssessment> assessment(TaskId task, Actor by) {
		Application application = this.applications.findByTask(task, by);
		String item = application.task(task).orElseThrow().plan().itemCode();
		if (!this.taxes.assesses(item)) {
			return Optional.empty();
		}
		Optional<Payment> order = this.payments.ofApplication(application.id());
		List<Payment.Line> assessed = order
			.map((payment) -> payment.lines()
				.stream()
				.filter((line) -> line.assessed() && line.itemCode().equals(item))
				.toList())
			.orElse(List.of());
		if (!assessed.isEmpty()) {
			// assessed at approval: what the order holds is what the payer owes
			return Optional.of(new TaxAssessment(item, null, null, assessed));
		}
		return this.taxes.assess(application.id(), item, by);
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
		// anyone may call back: what is kept as evidence is bounded before anything else
		if (body.length > PaymentManagement.MAX_CALLBACK_BYTES) {
			throw PaymentRefused.callbackTooLarge(PaymentManagement.MAX_CALLBACK_BYTES);
		}
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
		ApplicationSummary matter = this.applications.summary(payment.application(), Actor.system());
		this.events.publishEvent(new PaymentConfirmed(payment.id(), payment.application(), payment.amount(),
				providerCode, callback.transactionId(), callback.paidAt(), payment.trackingNumber(), matter.subject(),
				matter.channel()));
		return this.payments.ofApplication(payment.application()).orElseThrow();
	}

	/** The provider code a window payment is recorded under. */
	static final String WINDOW = "window";

	private static final Pattern RECEIPT = Pattern.compile("[A-Za-z0-9-]{6,32}");

	@Override
	public Optional<Payment> ofTrackingNumber(String trackingNumber, Actor clerk) {
		if (clerk.kind() != Actor.Kind.CLERK || trackingNumber == null) {
			return Optional.empty();
		}
		return this.payments.ofTrackingNumber(trackingNumber.strip());
	}

	@Override
	public Payment payAtWindow(ApplicationId application, String receiptNumber, Actor clerk) {
		if (clerk.kind() != Actor.Kind.CLERK) {
			throw PaymentRefused.nothingToPay(application);
		}
		String receipt = (receiptNumber != null) ? receiptNumber.strip() : "";
		if (!RECEIPT.matcher(receipt).matches()) {
			throw PaymentRefused.receiptInvalid();
		}
		ApplicationSummary matter = this.applications.summary(application, Actor.system());
		return this.transactions.execute((status) -> {
			Payment payment = this.payments.ofApplication(application)
				.flatMap((order) -> this.payments.lock(order.id()))
				.orElseThrow(() -> PaymentRefused.nothingToPay(application));
			if (payment.paid()) {
				throw PaymentRefused.alreadyPaid(application);
			}
			if (matter.status().finished() && matter.status() != ApplicationStatus.APPROVED) {
				throw PaymentRefused.matterEnded(application);
			}
			if (awaitsAssessment(matter, Optional.of(payment))) {
				throw PaymentRefused.awaitingAssessment(application);
			}
			Instant now = this.clock.instant();
			Payment settled = payment.settle(WINDOW,
					new PaymentProvider.Callback(payment.id(), receipt, payment.amount(), now));
			this.payments.markPaid(settled);
			// kept with the providers' callbacks: the evidence of who took the payment
			this.payments.recordCallback(now, WINDOW, payment.id(), clerk.username(), receipt, "applied");
			log.info("Order {} of {} paid at a window, receipt {}, recorded by {}", payment.id(),
					payment.trackingNumber(), receipt, clerk.username());
			this.events.publishEvent(new PaymentConfirmed(payment.id(), application, payment.amount(), WINDOW, receipt,
					now, payment.trackingNumber(), matter.subject(), matter.channel()));
			return this.payments.ofApplication(application).orElseThrow();
		});
	}

}

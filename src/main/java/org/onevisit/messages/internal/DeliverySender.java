package org.onevisit.messages.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.onevisit.messages.SmsGateway;
import org.onevisit.messages.internal.OutgoingDeliveries.Outgoing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Sends what the outbox holds, after the notices' transactions committed: each delivery
 * is marked SENDING before its channel is called and SENT after, and it carries its id to
 * the channel (the e-mail's Message-ID, the gateway's reference). A failure is tried
 * again with a doubling wait until the attempts run out; then administrators see it.
 */
@Component
class DeliverySender {

	private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);

	/** At most this many sends per run, so that one run does not hold the thread long. */
	private static final int BATCH = 100;

	private final OutgoingDeliveries deliveries;

	private final ObjectProvider<JavaMailSender> mail;

	private final SmsGateway sms;

	private final MessageSource texts;

	private final String from;

	private final String publicUrl;

	private final int maxAttempts;

	private final Duration backoff;

	private final ExecutorService waking = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "notice-sender");
		thread.setDaemon(true);
		return thread;
	});

	private final AtomicBoolean wakeRequested = new AtomicBoolean();

	DeliverySender(OutgoingDeliveries deliveries, ObjectProvider<JavaMailSender> mail, SmsGateway sms,
			MessageSource texts, @Value("${onevisit.messages.mail-from:noreply@onevisit.example}") String from,
			@Value("${onevisit.public-url:}") String publicUrl,
			@Value("${onevisit.messages.max-attempts:5}") int maxAttempts,
			@Value("${onevisit.messages.backoff:PT30S}") Duration backoff) {
		this.deliveries = deliveries;
		this.mail = mail;
		this.sms = sms;
		this.texts = texts;
		this.from = from;
		this.publicUrl = publicUrl.replaceAll("/+$", "");
		this.maxAttempts = maxAttempts;
		this.backoff = backoff;
	}

	/**
	 * Sends at once what a transaction just committed, on a thread of its own: one run
	 * waiting is enough for any number of commits. The schedule below catches what this
	 * misses (a restart, a retry's wait).
	 */
	void wake() {
		if (this.wakeRequested.compareAndSet(false, true)) {
			try {
				this.waking.execute(() -> {
					this.wakeRequested.set(false);
					try {
						sendDue();
					}
					catch (RuntimeException ex) {
						log.warn("Sending after commit failed; the schedule sends later: {}", ex.toString());
					}
				});
			}
			catch (RejectedExecutionException stopping) {
				this.wakeRequested.set(false);
			}
		}
	}

	@PreDestroy
	void stop() {
		this.waking.shutdownNow();
	}

	@Scheduled(fixedDelayString = "${onevisit.messages.send-interval:PT5S}", initialDelayString = "PT5S")
	void sendDue() {
		for (int sent = 0; sent < BATCH; sent++) {
			Optional<Outgoing> next = this.deliveries.claimNext();
			if (next.isEmpty()) {
				return;
			}
			send(next.get());
		}
	}

	private void send(Outgoing delivery) {
		try {
			String reference = switch (delivery.channel()) {
				case EMAIL -> email(delivery);
				case SMS -> this.sms.send(delivery.address(), text(delivery), delivery.id().toString());
			};
			this.deliveries.sent(delivery.id(), reference);
		}
		catch (MessagingException | RuntimeException ex) {
			log.warn("Delivery {} by {} failed (attempt {}): {}", delivery.id(), delivery.channel(),
					delivery.attempts(), ex.toString());
			this.deliveries.attemptFailed(delivery, reasonOf(ex), this.maxAttempts, this.backoff);
		}
	}

	private String email(Outgoing delivery) throws MessagingException {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("no mail server configured (spring.mail.host)");
		}
		Locale locale = Locale.forLanguageTag(delivery.locale());
		String messageId = "<" + delivery.id() + "@onevisit>";
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(delivery.address());
		helper.setSubject(this.texts.getMessage("notify.email.subject", null, locale));
		StringBuilder body = new StringBuilder(text(delivery));
		if (delivery.link() != null) {
			body.append("\n\n")
				.append(this.texts.getMessage("notify.email.link", new Object[] { this.publicUrl + delivery.link() },
						locale));
		}
		body.append("\n\n").append(this.texts.getMessage("notify.email.footer", null, locale));
		helper.setText(body.toString());
		// the delivery's own id (Spring's sender keeps a Message-ID set beforehand), so
		// that a receiving server or reader can tell a second copy after a retry
		message.setHeader("Message-ID", messageId);
		sender.send(message);
		return messageId;
	}

	/** The notice in the recipient's language. */
	String text(Outgoing delivery) {
		return this.texts.getMessage(delivery.key(), delivery.arguments().toArray(),
				Locale.forLanguageTag(delivery.locale()));
	}

	private static String reasonOf(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = StringUtils.hasText(ex.getMessage()) ? ex.getMessage() : ex.getClass().getSimpleName();
		return (cause == ex) ? message : message + " (" + cause + ")";
	}

}

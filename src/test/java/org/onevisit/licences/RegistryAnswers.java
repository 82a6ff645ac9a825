package org.onevisit.licences;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.onevisit.applications.ApplicationId;
import org.onevisit.catalog.RegistryChange;
import org.onevisit.exchange.RegistryEvents.RegistryWritten;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a registry answers when it applied an item's change, published as the exchange's
 * write-back does once it has written: for tests of the licences issued from the answer.
 */
public final class RegistryAnswers {

	private static final AtomicInteger certificates = new AtomicInteger((int) (System.nanoTime() % 400_000));

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	public RegistryAnswers(ApplicationEventPublisher events, TransactionTemplate transactions) {
		this.events = events;
		this.transactions = transactions;
	}

	/**
	 * Publishes the registry's answer in a transaction of its own, as the outbox would.
	 */
	public void wrote(ApplicationId application, String trackingNumber, String itemCode, RegistryChange change,
			Map<String, String> results) {
		this.transactions.executeWithoutResult((status) -> this.events
			.publishEvent(new RegistryWritten(application, trackingNumber, itemCode, change, results, Instant.now())));
	}

	/** A certificate number no other test run used, in the official form. */
	public static String newCertificateNo() {
		return "浙(2026)示范市不动产权第%07d号".formatted(5_000_000 + certificates.incrementAndGet());
	}

	/** The property registry's answer to a transfer to 李四, cancelling a certificate. */
	public static Map<String, String> transfer(String certificateNo, String cancelled) {
		Map<String, String> results = new HashMap<>();
		results.put("certificateNo", certificateNo);
		results.put("unitNo", "339902001001GB00001F00010101");
		results.put("rightType", "国有建设用地使用权/房屋所有权");
		results.put("usage", "城镇住宅用地/住宅");
		results.put("area", "89.50");
		results.put("termUntil", "2086年05月31日止");
		results.put("coOwnership", "单独所有");
		results.put("owners", "李四");
		results.put("location", "东湖区示范路1号1幢1单元101室");
		results.put("cancelledCertificate", cancelled);
		return results;
	}

	/** The enterprise registry's answer to a new company, with its assigned code. */
	public static Map<String, String> enterprise(String creditCode) {
		return Map.of("creditCode", creditCode, "enterpriseType", "有限责任公司（自然人独资）", "establishedOn", "2026-12-06",
				"businessTerm", "长期");
	}

}

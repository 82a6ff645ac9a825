package org.onevisit.payments.internal;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onevisit.Matters;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;
import org.onevisit.shared.SigningKey;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Paying fees: only a verified callback from the provider makes a case paid. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PaymentsIntegrationTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	SimulatedCashier cashier;

	@Autowired
	JdbcClient jdbc;

	@Value("${onevisit.data-dir}")
	Path dataDirectory;

	OneVisitHttp seller;

	String token;

	String application;

	JsonNode payment;

	Matters matters;

	JsonNode filed;

	@BeforeEach
	void fileAMatterWithAFee() {
		this.seller = this.server.signedIn("applicant1");
		this.token = "Bearer " + this.seller.bearerToken("applicant1", "onevisit-demo");
		this.matters = this.server.matters(this.seller);
		this.filed = this.matters.fileFlatTransferAwaitingParties();
		this.application = this.filed.path("id").asString();
		// there at once, whether or not the filing's event was handled yet
		this.payment = OneVisitHttp.json(paymentOf(this.token));
	}

	HttpResponse<String> paymentOf(String bearer) {
		return this.seller.get("/api/v1/applications/" + this.application + "/payment", "Authorization", bearer);
	}

	String status() {
		return OneVisitHttp.json(paymentOf(this.token)).path("status").asString();
	}

	@Test
	void opensOneOrderWithTheFeesTheCatalogueSetsForTheFiledItems() {
		assertThat(this.payment.path("status").asString()).isEqualTo("UNPAID");
		assertThat(this.payment.path("amount").decimalValue()).isEqualByComparingTo("80");
		assertThat(this.payment.path("lines").get(0).path("name").asString()).isEqualTo("不动产登记费（住宅）");
	}

	@Test
	void paysThroughTheProvidersPageAndIsPaidOnlyOnceItsSignedCallbackArrives() {
		String page = "/my/applications/" + this.application + "/payment";
		assertThat(this.seller.postForm(page, csrf(this.seller, page)).statusCode())
			.as("not before the tax office has assessed the taxes")
			.isEqualTo(409);
		this.matters.approveAll(this.matters.confirmAsParties(this.filed));
		JsonNode order = OneVisitHttp.json(paymentOf(this.token));
		String amount = order.path("amount").decimalValue().setScale(2).toPlainString();

		HttpResponse<String> pay = this.seller.postForm(page, csrf(this.seller, page));
		assertThat(pay.statusCode()).isEqualTo(302);
		String cashierPage = pay.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "");
		assertThat(cashierPage).endsWith("/pay/simulator/" + this.payment.path("id").asString());
		// the cashier shows the amount as a bank would: 12,580
		assertThat(this.seller.get(cashierPage).body())
			.contains(new DecimalFormat("#,##0.##").format(order.path("amount").decimalValue()), "确认支付");
		assertThat(status()).isEqualTo("UNPAID");

		HttpResponse<String> confirmed = this.seller.postForm(cashierPage, csrf(this.seller, cashierPage));

		assertThat(confirmed.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/my/applications/" + this.application + "?paid"));
		assertThat(status()).isEqualTo("PAID");
		assertThat(this.seller.get(page).body()).contains("已缴费");
		assertThat(this.seller.get("/my/messages").body()).contains("费用 " + amount + " 元已缴纳");
	}

	@Test
	void aForgedCallbackChangesNothingAndIsKeptAsARefusal() {
		byte[] body = callback(this.payment.path("amount").asString()).getBytes(StandardCharsets.UTF_8);
		SigningKey forger = SigningKey.generate();

		HttpResponse<String> unknownKey = callback(body, forger.id(), forger.sign(body));
		HttpResponse<String> borrowedKeyId = callback(body, this.cashier.publicKey().id(), forger.sign(body));
		HttpResponse<String> unsigned = callback(body, this.cashier.publicKey().id(), new byte[0]);

		assertThat(unknownKey.statusCode()).isEqualTo(401);
		assertThat(OneVisitHttp.json(unknownKey).path("code").asString()).isEqualTo("payment_callback_forged");
		assertThat(borrowedKeyId.statusCode()).isEqualTo(401);
		assertThat(unsigned.statusCode()).isEqualTo(401);
		assertThat(status()).isEqualTo("UNPAID");
		assertThat(this.jdbc.sql("select count(*) from payments_callback where outcome = 'payment_callback_forged'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);
	}

	@Test
	void aCallbackSignedWithAnyKeyTakenFromTheDataDirectoryIsRefused() throws Exception {
		// what a thief of the data directory tries: every small file read as a private
		// key, and every key stored in the database, read as it stands
		List<SigningKey> stolen = new ArrayList<>();
		Files.createDirectories(this.dataDirectory);
		try (Stream<Path> files = Files.walk(this.dataDirectory)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				if (Files.size(file) <= 4096) {
					asKey(Files.readString(file, StandardCharsets.ISO_8859_1).strip()).ifPresent(stolen::add);
				}
			}
		}
		for (byte[] wrapped : this.jdbc.sql("select private_key from signing_key where private_key is not null")
			.query((row, n) -> row.getBytes(1))
			.list()) {
			asKey(HexFormat.of().formatHex(wrapped, wrapped.length - 32, wrapped.length)).ifPresent(stolen::add);
			asKey(HexFormat.of().formatHex(wrapped, 0, 32)).ifPresent(stolen::add);
		}
		assertThat(stolen).as("the cashier's key is nowhere in the data directory")
			.noneMatch((key) -> key.id().equals(this.cashier.publicKey().id()));
		assertThat(stolen).as("the stored keys were tried").isNotEmpty();

		byte[] body = callback(this.payment.path("amount").asString()).getBytes(StandardCharsets.UTF_8);
		for (SigningKey key : stolen) {
			assertThat(callback(body, key.id(), key.sign(body)).statusCode()).isEqualTo(401);
			assertThat(callback(body, this.cashier.publicKey().id(), key.sign(body)).statusCode()).isEqualTo(401);
		}
		assertThat(status()).isEqualTo("UNPAID");
	}

	private static Optional<SigningKey> asKey(String hex) {
		if (!hex.matches("[0-9a-fA-F]{1,64}")) {
			return Optional.empty();
		}
		try {
			return Optional.of(SigningKey.ofPrivate(BigIntegers.asUnsignedByteArray(32, new BigInteger(hex, 16))));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Test
	void aGenuineCallbackForTheWrongAmountIsRefusedAndARepeatedOneChangesNothing() {
		SimulatedCashier.SignedCallback cheaper = signed(callback("0.01"));
		assertThat(
				callback(cheaper.body(), cheaper.keyId(), Base64.getDecoder().decode(cheaper.signature())).statusCode())
			.isEqualTo(422);
		assertThat(status()).isEqualTo("UNPAID");

		SimulatedCashier.SignedCallback paid = signed(callback("80.00"));
		byte[] signature = Base64.getDecoder().decode(paid.signature());
		HttpResponse<String> first = callback(paid.body(), paid.keyId(), signature);
		HttpResponse<String> again = callback(paid.body(), paid.keyId(), signature);

		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(again.statusCode()).isEqualTo(200);
		assertThat(status()).isEqualTo("PAID");
		assertThat(this.jdbc
			.sql("select count(*) from payments_callback where payment_id = :payment and outcome = 'applied'")
			.param("payment", UUID.fromString(this.payment.path("id").asString()))
			.query(Long.class)
			.single()).isEqualTo(1);

		SimulatedCashier.SignedCallback other = signed(callback("80.00").replace("SIM-TEST", "SIM-OTHER"));
		assertThat(callback(other.body(), other.keyId(), Base64.getDecoder().decode(other.signature())).statusCode())
			.isEqualTo(409);
	}

	@Test
	void anotherApplicantNeitherSeesThePaymentNorReachesItsCashierPage() {
		OneVisitHttp buyer = this.server.signedIn("applicant2");
		String buyerToken = "Bearer " + buyer.bearerToken("applicant2", "onevisit-demo");

		assertThat(paymentOf(buyerToken).statusCode()).isEqualTo(404);
		assertThat(buyer.get("/pay/simulator/" + this.payment.path("id").asString()).statusCode()).isEqualTo(404);
		assertThat(buyer.postForm("/my/applications/" + this.application + "/payment", csrf(buyer, "/")).statusCode())
			.isEqualTo(404);
	}

	static String csrf(OneVisitHttp http, String page) {
		return "_csrf=" + OneVisitHttp.csrfTokenOf(http.get(page).body());
	}

	String callback(String amount) {
		return """
				{"payment":"%s","transaction":"SIM-TEST-%s","amount":"%s","paidAt":"%s"}"""
			.formatted(this.payment.path("id").asString(), this.application.substring(0, 8), amount, Instant.now());
	}

	SimulatedCashier.SignedCallback signed(String body) {
		return this.cashier.sign(body.getBytes(StandardCharsets.UTF_8));
	}

	HttpResponse<String> callback(byte[] body, String keyId, byte[] signature) {
		return this.seller.post("/api/v1/payments/callbacks/simulated", "application/json",
				new String(body, StandardCharsets.UTF_8), "X-Pay-Key-Id", keyId, "X-Pay-Signature",
				Base64.getEncoder().encodeToString(signature));
	}

}

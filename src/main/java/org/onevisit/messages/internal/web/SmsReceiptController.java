package org.onevisit.messages.internal.web;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import org.onevisit.messages.internal.SmsReceipts;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The SMS operator's delivery receipts, signed with its SM2 key. */
@RestController
class SmsReceiptController {

	private final SmsReceipts receipts;

	SmsReceiptController(SmsReceipts receipts) {
		this.receipts = receipts;
	}

	@PostMapping("/api/v1/sms/receipts")
	@Operation(summary = "An SMS gateway's signed delivery receipt; 403 sms_receipt_forged when the signature "
			+ "does not verify")
	Map<String, Object> receipt(@RequestBody byte[] body,
			@RequestHeader(name = "X-Sms-Key-Id", required = false) String keyId,
			@RequestHeader(name = "X-Sms-Signature", required = false) String signature) {
		this.receipts.accept(new SmsReceipts.SignedReceipt(body, keyId, signature));
		return Map.of("accepted", true);
	}

}

package org.onevisit.messages.internal.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.Operation;
import org.onevisit.messages.internal.SmsReceipts;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMS operator's delivery receipts, signed with its SM2 key. The operator has no
 * account: anyone may post here, so a body is read no further than a receipt can be long.
 */
@RestController
class SmsReceiptController {

	private final SmsReceipts receipts;

	SmsReceiptController(SmsReceipts receipts) {
		this.receipts = receipts;
	}

	@PostMapping("/api/v1/sms/receipts")
	@Operation(summary = "An SMS gateway's signed delivery receipt; 403 sms_receipt_forged when the signature "
			+ "does not verify")
	Map<String, Object> receipt(HttpServletRequest request,
			@RequestHeader(name = "X-Sms-Key-Id", required = false) String keyId,
			@RequestHeader(name = "X-Sms-Signature", required = false) String signature) throws IOException {
		byte[] body = request.getInputStream().readNBytes(SmsReceipts.MAX_RECEIPT_BYTES + 1);
		this.receipts.accept(new SmsReceipts.SignedReceipt(body, keyId, signature));
		return Map.of("accepted", true);
	}

}

package org.onevisit.licences;

import java.util.List;
import java.util.UUID;

import org.onevisit.identity.Actor;
import org.onevisit.shared.Subject;

/**
 * Licences as holders, departments and the public use them. What an actor may not see is
 * reported as not found; verification needs no actor at all.
 */
public interface LicenceWallet {

	/** The holder's licences, newest first (我的证照). */
	List<Licence> heldBy(Subject holder);

	/**
	 * A licence its holder, the applicant who obtained it or a reviewer of the issuing
	 * department may see.
	 */
	Licence find(UUID licence, Subject viewer, Actor by);

	/** The licences issued for an application, for its case file. */
	List<Licence> issuedFor(String trackingNumber);

	/** Verifies a licence document as anyone may hand it in. */
	Verification verify(String document);

	/** Verifies the licence the platform issued under this id (the QR code's page). */
	Verification verifyIssued(UUID licence);

	/** Withdraws a licence; only a reviewer of the issuing department may. */
	Licence revoke(UUID licence, String reason, Actor by);

	/** The public keys licences are verified with, the one that signs first. */
	List<PublishedKey> publicKeys();

	/**
	 * A public signing key: its id, the curve, the uncompressed point in hex, the X.509
	 * SubjectPublicKeyInfo in Base64, and whether it signs now ({@code signing}) or only
	 * verifies what it signed before a rotation ({@code verifying}).
	 */
	record PublishedKey(String keyId, String algorithm, String curve, String publicKeyHex, String subjectPublicKeyInfo,
			String status) {
	}

}

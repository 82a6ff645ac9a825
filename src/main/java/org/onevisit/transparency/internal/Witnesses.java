package org.onevisit.transparency.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.onevisit.transparency.TransparencyRefused;
import org.onevisit.transparency.tlog.Checkpoint;
import org.onevisit.transparency.tlog.SignedNote;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The witnesses whose cosignatures OneVisit accepts and shows beside its checkpoints,
 * registered as C2SP vkeys {@code <name>+<key id hex>+<base64(0x04 || Ed25519 key)>} in
 * {@code onevisit.transparency.witnesses}.
 */
@Component
class Witnesses {

	private final List<Witness> witnesses = new ArrayList<>();

	private final LogTables tables;

	private final Clock clock;

	Witnesses(LogTables tables, Clock clock, @Value("${onevisit.transparency.witnesses:}") List<String> vkeys) {
		this.tables = tables;
		this.clock = clock;
		for (String vkey : vkeys) {
			if (!vkey.isBlank()) {
				this.witnesses.add(Witness.of(vkey.strip()));
			}
		}
	}

	record Witness(String name, byte[] keyId, byte[] publicKey) {

		static Witness of(String vkey) {
			String[] parts = vkey.split("\\+", 3);
			if (parts.length != 3) {
				throw new IllegalArgumentException("a witness key is <name>+<key id>+<key>: " + vkey);
			}
			byte[] typed = Base64.getDecoder().decode(parts[2]);
			if (typed.length != 33 || typed[0] != SignedNote.COSIGNATURE_V1) {
				throw new IllegalArgumentException("a witness key is an Ed25519 cosignature/v1 key: " + vkey);
			}
			byte[] key = Arrays.copyOfRange(typed, 1, 33);
			byte[] id = SignedNote.cosignerKeyId(parts[0], key);
			if (!HexFormat.of().formatHex(id).equals(parts[1])) {
				throw new IllegalArgumentException("the witness key's id does not match its key: " + vkey);
			}
			return new Witness(parts[0], id, key);
		}

		boolean verifies(SignedNote.Signature signature, String body) {
			byte[] bytes = signature.signature();
			if (bytes.length != 72) {
				return false;
			}
			long timestamp = 0;
			for (int i = 0; i < 8; i++) {
				timestamp = (timestamp << 8) | (bytes[i] & 0xFF);
			}
			if (timestamp < 0) {
				return false;
			}
			Ed25519Signer verifier = new Ed25519Signer();
			verifier.init(false, new Ed25519PublicKeyParameters(this.publicKey, 0));
			byte[] message = SignedNote.cosignedMessage(timestamp, body);
			verifier.update(message, 0, message.length);
			return verifier.verifySignature(Arrays.copyOfRange(bytes, 8, 72));
		}

	}

	/**
	 * A registered witness and the largest checkpoint it cosigned, with the time it
	 * signed (the cosignature's own timestamp); size and time null before its first.
	 */
	record Cosigned(String name, Long size, Instant at) {
	}

	/** Every registered witness's latest cosignature, in the order they are listed. */
	List<Cosigned> latest() {
		Map<String, LogTables.Cosignature> kept = new HashMap<>();
		this.tables.latestCosignatures().forEach((cosignature) -> kept.put(cosignature.witness(), cosignature));
		List<Cosigned> latest = new ArrayList<>();
		for (Witness witness : this.witnesses) {
			LogTables.Cosignature cosignature = kept.get(witness.name());
			latest.add((cosignature != null)
					? new Cosigned(witness.name(), cosignature.size(), timestamp(cosignature.line()))
					: new Cosigned(witness.name(), null, null));
		}
		return latest;
	}

	/**
	 * The timestamp of a cosignature line ({@code — name base64(key id || timestamp ||
	 * signature)}): seconds since 1970, a big-endian uint64.
	 */
	static Instant timestamp(String line) {
		String stripped = line.strip();
		byte[] bytes = Base64.getDecoder().decode(stripped.substring(stripped.lastIndexOf(' ') + 1));
		return Instant.ofEpochSecond(ByteBuffer.wrap(bytes, 4, 8).getLong());
	}

	/**
	 * Keeps the cosignatures of registered witnesses on a checkpoint OneVisit signed: how
	 * many were accepted.
	 */
	@Transactional
	int accept(String cosignedNote) {
		SignedNote note;
		Checkpoint checkpoint;
		try {
			note = SignedNote.parse(cosignedNote);
			checkpoint = Checkpoint.parse(note.text());
		}
		catch (IllegalArgumentException ex) {
			throw TransparencyRefused.cosignatureRejected("not a signed checkpoint");
		}
		LogTables.SignedCheckpoint signed = this.tables.checkpoint(checkpoint.size())
			.filter((known) -> SignedNote.parse(known.note()).text().equals(note.text()))
			.orElseThrow(() -> TransparencyRefused.cosignatureRejected("not a checkpoint this log signed"));
		int accepted = 0;
		for (SignedNote.Signature signature : note.signatures()) {
			for (Witness witness : this.witnesses) {
				if (signature.isBy(witness.name(), witness.keyId())) {
					if (!witness.verifies(signature, note.text())) {
						throw TransparencyRefused.cosignatureRejected("the signature of " + witness.name());
					}
					this.tables.addCosignature(signed.size(), witness.name(), signature.line(), this.clock.instant());
					accepted++;
				}
			}
		}
		if (accepted == 0) {
			throw TransparencyRefused.cosignatureRejected("no registered witness signed it");
		}
		return accepted;
	}

}

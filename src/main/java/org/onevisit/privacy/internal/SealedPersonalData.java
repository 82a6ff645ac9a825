package org.onevisit.privacy.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.onevisit.privacy.PersonalData;
import org.onevisit.privacy.PersonalDataUnreadable;
import org.onevisit.shared.ResidentId;
import org.onevisit.shared.Sm4Gcm;

import org.springframework.stereotype.Service;

/**
 * {@link PersonalData} with {@link Sm4Gcm} under the data keys. The associated data is
 * the context and the key id, so neither can be swapped under a sealed value.
 */
@Service
class SealedPersonalData implements PersonalData {

	private final DataKeys keys;

	SealedPersonalData(DataKeys keys) {
		this.keys = keys;
	}

	@Override
	public String seal(String plain, String context) {
		if (plain == null) {
			return null;
		}
		int keyId = this.keys.current();
		byte[] sealed = Sm4Gcm.seal(this.keys.sealKey(keyId), plain.getBytes(StandardCharsets.UTF_8),
				associated(keyId, context));
		return SEALED_PREFIX + keyId + "." + Base64.getEncoder().encodeToString(sealed);
	}

	@Override
	public String sealStable(String plain, String context) {
		if (plain == null) {
			return null;
		}
		byte[] plainBytes = plain.getBytes(StandardCharsets.UTF_8);
		byte[] associated = associated(DataKeys.INDEX_KEY_ID, context);
		// a synthetic nonce (as in SIV): a keyed hash of context and text, so that a
		// nonce
		// repeats only with the very same text, and GCM's keystream is never reused
		byte[] nonce = Arrays.copyOf(mac(this.keys.stableNonceKey(), associated, plainBytes), Sm4Gcm.NONCE_BYTES);
		byte[] sealed = Sm4Gcm.sealWithNonce(this.keys.stableKey(), nonce, plainBytes, associated);
		return SEALED_PREFIX + DataKeys.INDEX_KEY_ID + "." + Base64.getEncoder().encodeToString(sealed);
	}

	@Override
	public String open(String sealed, String context) {
		if (sealed == null) {
			return null;
		}
		int dot = sealed.indexOf('.', SEALED_PREFIX.length());
		if (!PersonalData.isSealed(sealed) || dot < 0) {
			throw new PersonalDataUnreadable(context, "not a sealed value");
		}
		int keyId = keyId(sealed.substring(SEALED_PREFIX.length(), dot), context);
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new PersonalDataUnreadable(context, "not a sealed value");
		}
		return new String(open(keyId, bytes, context), StandardCharsets.UTF_8);
	}

	@Override
	public byte[] sealBytes(byte[] plain, String context) {
		int keyId = this.keys.current();
		byte[] sealed = Sm4Gcm.seal(this.keys.sealKey(keyId), plain, associated(keyId, context));
		return ByteBuffer.allocate(Integer.BYTES + sealed.length).putInt(keyId).put(sealed).array();
	}

	@Override
	public byte[] openBytes(byte[] sealed, String context) {
		if (sealed.length < Integer.BYTES) {
			throw new PersonalDataUnreadable(context, "not a sealed value");
		}
		ByteBuffer buffer = ByteBuffer.wrap(sealed);
		int keyId = buffer.getInt();
		byte[] rest = new byte[buffer.remaining()];
		buffer.get(rest);
		return open(keyId, rest, context);
	}

	@Override
	public String blindIndex(ResidentId residentId) {
		if (residentId == null) {
			return null;
		}
		return blindIndex("resident-id", residentId.value());
	}

	@Override
	public String blindIndex(String kind, String value) {
		return HexFormat.of()
			.formatHex(mac(this.keys.indexKey(), (kind + ":" + value).getBytes(StandardCharsets.UTF_8)));
	}

	/** HMAC-SM3 of the parts, one after the other. */
	static byte[] mac(byte[] key, byte[]... parts) {
		HMac mac = KEYED.get().keyedWith(key);
		for (byte[] part : parts) {
			mac.update(part, 0, part.length);
		}
		byte[] out = new byte[mac.getMacSize()];
		mac.doFinal(out, 0);
		return out;
	}

	private static final ThreadLocal<KeyedMacs> KEYED = ThreadLocal.withInitial(KeyedMacs::new);

	/**
	 * The HMACs a thread keyed last, by key: BouncyCastle's {@code HMac} keeps its keyed
	 * inner and outer states after {@code init} and returns to them on {@code reset} and
	 * {@code doFinal}, so a reused one skips the two SM3 blocks of keying on every call.
	 * Two are hot (the index key and the stable nonce key); a key array is the data keys'
	 * own, so it is known by identity.
	 */
	private static final class KeyedMacs {

		private final byte[][] keys = new byte[2][];

		private final HMac[] macs = new HMac[2];

		private int next;

		HMac keyedWith(byte[] key) {
			for (int i = 0; i < this.keys.length; i++) {
				if (this.keys[i] == key) {
					this.macs[i].reset();
					return this.macs[i];
				}
			}
			HMac mac = new HMac(new SM3Digest());
			mac.init(new KeyParameter(key));
			this.keys[this.next] = key;
			this.macs[this.next] = mac;
			this.next = (this.next + 1) % this.keys.length;
			return mac;
		}

	}

	@Override
	public int rotateDataKey() {
		return this.keys.rotate();
	}

	@Override
	public int currentDataKey() {
		return this.keys.current();
	}

	private byte[] open(int keyId, byte[] sealed, String context) {
		byte[] key = (keyId == DataKeys.INDEX_KEY_ID) ? this.keys.stableKey() : this.keys.sealKey(keyId);
		if (key == null) {
			throw new PersonalDataUnreadable(context, "no data key " + keyId);
		}
		try {
			return Sm4Gcm.open(key, sealed, associated(keyId, context));
		}
		catch (Sm4Gcm.SealBroken ex) {
			throw new PersonalDataUnreadable(context, "altered, or sealed for another context");
		}
	}

	private static int keyId(String text, String context) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new PersonalDataUnreadable(context, "not a sealed value");
		}
	}

	private static byte[] associated(int keyId, String context) {
		return (keyId + "/" + context).getBytes(StandardCharsets.UTF_8);
	}

}

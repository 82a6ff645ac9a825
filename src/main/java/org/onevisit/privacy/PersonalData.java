package org.onevisit.privacy;

import org.onevisit.shared.ResidentId;

/**
 * Seals personal data for storage and opens it again. A sealed value names the data key
 * it was sealed under, so that a new key can take over (rotation) while values sealed
 * under older keys keep opening. The context (a column such as
 * {@code identity_account.resident_id}, or an upload's id) is bound into the seal: a
 * value copied into another column or file does not open there.
 */
public interface PersonalData {

	/** How every sealed text begins: {@code pd1.<key id>.<base64>}. */
	String SEALED_PREFIX = "pd1.";

	/**
	 * The value sealed for this context, as text for a text column: {@code pd1.<key
	 * id>.<base64>}; null stays null.
	 */
	String seal(String plain, String context);

	/**
	 * The value sealed so that the same plain text in the same context always gives the
	 * same sealed text, for a store that finds a row by its content (the outbox completes
	 * a publication by its serialized event). It shows which stored values are equal, so
	 * only for values that are unique by nature (an event names its matter and instant).
	 * The key is derived from the index key and is not rotated with the data keys: what
	 * it seals lives until its listeners are done. {@link #open} opens it.
	 */
	String sealStable(String plain, String context);

	/**
	 * The value {@link #seal} or {@link #sealStable} sealed for this context; null stays
	 * null.
	 * @throws PersonalDataUnreadable when it was sealed for another context, altered, or
	 * is not a sealed value at all
	 */
	String open(String sealed, String context);

	/** The bytes sealed for this context (a file, a document): the key id comes first. */
	byte[] sealBytes(byte[] plain, String context);

	/**
	 * The bytes {@link #sealBytes} sealed for this context.
	 * @throws PersonalDataUnreadable as {@link #open}
	 */
	byte[] openBytes(byte[] sealed, String context);

	/**
	 * The blind index of a resident ID: HMAC-SM3 under the index key, as 64 hexadecimal
	 * digits. Equal IDs give equal indexes, so tables find and join rows by it, and
	 * nobody without the key can tell whose row it is; null stays null.
	 */
	String blindIndex(ResidentId residentId);

	/**
	 * The blind index of any value that names people (an object of a matter that holds ID
	 * numbers), in a kind of its own so that indexes of different kinds never match.
	 */
	String blindIndex(String kind, String value);

	/** Whether the text is a value {@link #seal} made (rather than a clear value). */
	static boolean isSealed(String text) {
		return text != null && text.startsWith(SEALED_PREFIX);
	}

	/**
	 * Makes a new data key the one new values are sealed under; values sealed before keep
	 * opening under their own key. Answers the new key's id.
	 */
	int rotateDataKey();

	/** The id of the data key new values are sealed under. */
	int currentDataKey();

}

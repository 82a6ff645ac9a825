package org.onevisit.catalog;

import org.onevisit.shared.Subject;

/**
 * Who may apply for an item: a natural person (自然人) by resident ID, or a legal person or
 * other organisation (法人和其他组织) by unified social credit code. The service guides publish
 * this as the item's 服务对象.
 */
public enum ApplicantKind {

	PERSON, BUSINESS;

	/** The kind of the applicant a matter is filed for. */
	public static ApplicantKind of(Subject subject) {
		return (subject.person() != null) ? PERSON : BUSINESS;
	}

}

package org.onevisit.partners.internal;

/**
 * What a registered client is: an organisation acting for citizens (by client
 * credentials, under their mandates) or a department system signing its staff in.
 */
public enum PartnerKind {

	BANK, AGENCY, NOTARY, COURIER, DEPARTMENT_SYSTEM;

	public boolean signsStaffIn() {
		return this == DEPARTMENT_SYSTEM;
	}

}

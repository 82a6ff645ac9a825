package org.onevisit.applications;

import java.util.Optional;

/**
 * Who a partner filing for someone is, as the partners module knows its registered
 * clients: the organisation's unified social credit code, which conditions of eligibility
 * compare with a registry's record (the mortgagee a register names). Partners implement
 * it (they depend on applications, not the other way).
 */
public interface FilingPartners {

	/** The credit code of the partner registered under this client id, if it gave one. */
	Optional<String> creditCodeOf(String clientId);

	/** The partner's name as registered, for the lists that show what partners filed. */
	Optional<String> nameOf(String clientId);

}

package org.onevisit.audit;

/**
 * Where every module records its security events, at the place the action happens:
 * {@code securityLog.record(new CaseViewed(actor, id, "review task"))}. Appended in the
 * caller's transaction when there is one, so a change and its record stand or fall
 * together; never updated or deleted (the table refuses it).
 */
public interface SecurityLog {

	void record(SecurityEvent event);

}

package org.onevisit.identity;

import java.util.Optional;

import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

/**
 * Opening accounts. Staff accounts are opened by administrators (and by the demo
 * seeding); applicants register themselves with their real name in a later step of the
 * portal.
 */
public interface AccountManagement {

	/**
	 * A new staff or applicant account; a reviewer must name their department, nobody
	 * else may.
	 */
	record NewAccount(String username, String rawPassword, String displayName, Role role, String departmentCode,
			ResidentId residentId, CreditCode creditCode) {

		public static NewAccount staff(String username, String rawPassword, String displayName, Role role) {
			return new NewAccount(username, rawPassword, displayName, role, null, null, null);
		}

		public static NewAccount reviewer(String username, String rawPassword, String displayName,
				String departmentCode) {
			return new NewAccount(username, rawPassword, displayName, Role.REVIEWER, departmentCode, null, null);
		}

		public static NewAccount applicant(String username, String rawPassword, String displayName,
				ResidentId residentId) {
			return new NewAccount(username, rawPassword, displayName, Role.APPLICANT, null, residentId, null);
		}

		public static NewAccount business(String username, String rawPassword, String displayName,
				CreditCode creditCode) {
			return new NewAccount(username, rawPassword, displayName, Role.APPLICANT, null, null, creditCode);
		}

	}

	/**
	 * Opens the account unless one with that username exists; answers the account either
	 * way.
	 */
	OneVisitUser openIfAbsent(NewAccount account);

	Optional<OneVisitUser> findByUsername(String username);

	/**
	 * Whether this is the account's password: a person entering it again to confirm
	 * something in their own name.
	 */
	boolean passwordMatches(String username, String rawPassword);

	/**
	 * A person registering themselves (实名注册), once the caller has checked the name
	 * against the population registry: the resident ID is the username, one account per
	 * person.
	 */
	OneVisitUser register(Registration registration);

	/**
	 * A business registering through the person acting for it, once the caller has
	 * checked with the enterprise registry that the person represents it: the credit code
	 * is the username, one account per business.
	 */
	OneVisitUser registerBusiness(BusinessRegistration registration);

	/**
	 * What a business gives to register, through the person acting for it; the registry's
	 * number is the mobile number the population registry holds for that person (null
	 * when it holds none).
	 */
	record BusinessRegistration(CreditCode creditCode, String enterpriseName, ResidentId actingPerson,
			String actingName, String phone, String rawPassword, String registryMobile) {

		public BusinessRegistration(CreditCode creditCode, String enterpriseName, ResidentId actingPerson,
				String actingName, String phone, String rawPassword) {
			this(creditCode, enterpriseName, actingPerson, actingName, phone, rawPassword, null);
		}

	}

	/**
	 * Registers a business like {@link #registerBusiness}, limited until the acting
	 * person's mobile number is confirmed, as {@link #registerLimited} does for a person:
	 * a name and an ID number read elsewhere must not open a business's account.
	 */
	Registered registerBusinessLimited(BusinessRegistration registration);

	/**
	 * What a person gives to register; the password is checked for length here. The
	 * registry's number is the mobile number the population registry holds for the person
	 * (null when it holds none).
	 */
	record Registration(ResidentId residentId, String name, String phone, String rawPassword, String registryMobile) {

		public Registration(ResidentId residentId, String name, String phone, String rawPassword) {
			this(residentId, name, phone, rawPassword, null);
		}

	}

	/**
	 * How registration ended: {@code codeSent} when the number given is the registry's
	 * and a one-time code went to it; otherwise the account stays limited until a clerk
	 * checks the person's ID at a window.
	 */
	record Registered(OneVisitUser user, boolean codeSent) {
	}

	/**
	 * Registers like {@link #register(Registration)}, limited until the mobile number is
	 * confirmed: a one-time code goes to it when it is the number the registry holds.
	 */
	Registered registerLimited(Registration registration);

	/**
	 * Another one-time code to the registry's number, a minute after the last at least.
	 */
	void resendRegistrationCode(String username);

	/**
	 * Confirms the mobile number with the code sent to it and lifts the limit; refuses a
	 * wrong, expired or exhausted code ({@link AccountRuleViolated}).
	 */
	void confirmMobile(String username, String code);

	/**
	 * A clerk has checked the person's ID card at a window: the limit is lifted and the
	 * check recorded.
	 */
	void verifyAtWindow(String username, String clerk);

	/** Changes the password after checking the old one; revokes every API token. */
	void changePassword(String username, String oldPassword, String newPassword);

	/**
	 * Starts password recovery: a one-time code to the account's mobile number, if the
	 * account has a confirmed one; silent otherwise, so that nobody learns who has an
	 * account.
	 */
	void startRecovery(String username);

	/** Sets a new password with the recovery code; revokes every API token. */
	void recover(String username, String code, String newPassword);

}

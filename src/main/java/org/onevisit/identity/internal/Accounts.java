package org.onevisit.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.onevisit.privacy.PersonalData;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The accounts table of the identity module. Resident IDs, names and phones are stored
 * sealed, each bound to its column; a person's account is found by the blind index of
 * their resident ID. An applicant who registered with their resident ID as username is
 * stored (and known to the rest of OneVisit) as {@code rid:} and that index, so that the
 * number appears in no table as an actor either.
 */
@Repository
class Accounts {

	private static final String RESIDENT_ID = "identity_account.resident_id";

	private static final String DISPLAY_NAME = "identity_account.display_name";

	private static final String ACTING_RESIDENT_ID = "identity_account.acting_resident_id";

	private static final String ACTING_NAME = "identity_account.acting_name";

	private static final String PHONE = "identity_account.phone";

	private static final String REGISTRY_MOBILE = "identity_account.registry_mobile";

	private final JdbcClient jdbc;

	private final PersonalData personalData;

	Accounts(JdbcClient jdbc, PersonalData personalData) {
		this.jdbc = jdbc;
		this.personalData = personalData;
	}

	Optional<OneVisitUser> findByUsername(String username) {
		return one("username", storedUsername(username));
	}

	/** A resident ID given as username is stored as its blind index. */
	private String storedUsername(String username) {
		return ResidentId.isValid(username) ? "rid:" + this.personalData.blindIndex(ResidentId.of(username)) : username;
	}

	Optional<OneVisitUser> findById(UUID id) {
		return one("id", id);
	}

	// the column is a constant of this class, never input
	private Optional<OneVisitUser> one(String column, Object value) {
		return this.jdbc.sql("select * from identity_account where " + column + " = :value")
			.param("value", value)
			.query(this::map)
			.optional();
	}

	boolean setPhone(UUID id, String phone) {
		return this.jdbc.sql("update identity_account set phone = :phone where id = :id")
			.param("phone", this.personalData.seal(phone, PHONE))
			.param("id", id)
			.update() == 1;
	}

	/** Keeps the number the registry holds, when it is the one given; true always. */
	boolean setRegistryMobile(UUID id, String registryMobile) {
		if (registryMobile != null && registryMobile.equals(phone(id))) {
			this.jdbc.sql("update identity_account set registry_mobile = :mobile where id = :id")
				.param("mobile", this.personalData.seal(registryMobile, REGISTRY_MOBILE))
				.param("id", id)
				.update();
		}
		return true;
	}

	/** The registry's number, when the person gave it at registration. */
	String registryMobile(UUID id) {
		return opened(id, "registry_mobile", REGISTRY_MOBILE);
	}

	String phone(UUID id) {
		return opened(id, "phone", PHONE);
	}

	/** A sealed column of the account, opened; null when empty. */
	private String opened(UUID id, String column, String context) {
		return this.jdbc.sql("select " + column + " from identity_account where id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.map((sealed) -> this.personalData.open(sealed, context))
			.orElse(null);
	}

	void limit(UUID id) {
		this.jdbc.sql("update identity_account set limited = true where id = :id").param("id", id).update();
	}

	/** Lifts the limit; true when the account was limited. */
	boolean verify(UUID id, String by, Instant at) {
		return this.jdbc.sql("""
				update identity_account set limited = false, identity_verified_at = :at, identity_verified_by = :by
				where id = :id and limited
				""").param("at", Timestamp.from(at)).param("by", by).param("id", id).update() == 1;
	}

	void setPassword(UUID id, String hash) {
		this.jdbc.sql("update identity_account set password_hash = :hash where id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	boolean setActingPerson(UUID id, String residentId, String name) {
		return this.jdbc
			.sql("update identity_account set acting_resident_id = :person, acting_name = :name where id = :id")
			.param("person", this.personalData.seal(residentId, ACTING_RESIDENT_ID))
			.param("name", this.personalData.seal(name, ACTING_NAME))
			.param("id", id)
			.update() == 1;
	}

	/** Inserts unless the username is taken; true when this call created the account. */
	boolean insertIfAbsent(OneVisitUser user, Instant at) {
		return this.jdbc.sql("""
				insert into identity_account (id, username, password_hash, display_name, roles, department_code,
				                              resident_id, resident_id_index, credit_code, enabled, created_at)
				values (:id, :username, :passwordHash, :displayName, :roles, :department, :residentId, :residentIdIndex,
				        :creditCode, :enabled, :createdAt)
				on conflict (username) do nothing
				""")
			.param("id", user.accountId())
			.param("username", storedUsername(user.getUsername()))
			.param("passwordHash", user.getPassword())
			.param("displayName", this.personalData.seal(user.displayName(), DISPLAY_NAME))
			.param("roles", user.roles().stream().map(Role::name).sorted().toArray(String[]::new))
			// staff, residents and businesses each leave other columns empty (ADR 18)
			.param("department", user.departmentCode().orElse(null), Types.VARCHAR)
			.param("residentId",
					this.personalData.seal(user.residentId().map(ResidentId::value).orElse(null), RESIDENT_ID),
					Types.VARCHAR)
			.param("residentIdIndex", this.personalData.blindIndex(user.residentId().orElse(null)), Types.VARCHAR)
			.param("creditCode", user.creditCode().map(CreditCode::value).orElse(null), Types.VARCHAR)
			.param("enabled", user.isEnabled())
			.param("createdAt", Timestamp.from(at))
			.update() == 1;
	}

	private OneVisitUser map(ResultSet row, int rowNum) throws SQLException {
		Array roles = row.getArray("roles");
		Set<Role> roleSet = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).collect(Collectors.toSet());
		String residentId = this.personalData.open(row.getString("resident_id"), RESIDENT_ID);
		String creditCode = row.getString("credit_code");
		return new OneVisitUser(row.getObject("id", UUID.class), row.getString("username"),
				row.getString("password_hash"), this.personalData.open(row.getString("display_name"), DISPLAY_NAME),
				roleSet, row.getString("department_code"), residentId != null ? ResidentId.of(residentId) : null,
				creditCode != null ? CreditCode.of(creditCode) : null, row.getBoolean("enabled"),
				row.getBoolean("limited"));
	}

}

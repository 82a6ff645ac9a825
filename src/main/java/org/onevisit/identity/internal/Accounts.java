package org.onevisit.identity.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.onevisit.identity.OneVisitUser;
import org.onevisit.identity.Role;
import org.onevisit.shared.CreditCode;
import org.onevisit.shared.ResidentId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The accounts table of the identity module. */
@Repository
class Accounts {

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<OneVisitUser> findByUsername(String username) {
		return one("username", username);
	}

	Optional<OneVisitUser> findById(UUID id) {
		return one("id", id);
	}

	// the column is a constant of this class, never input
	private Optional<OneVisitUser> one(String column, Object value) {
		return this.jdbc.sql("select * from identity_account where " + column + " = :value")
			.param("value", value)
			.query(Accounts::map)
			.optional();
	}

	boolean setPhone(UUID id, String phone) {
		return this.jdbc.sql("update identity_account set phone = :phone where id = :id")
			.param("phone", phone)
			.param("id", id)
			.update() == 1;
	}

	/** Keeps the number the registry holds, when it is the one given; true always. */
	boolean setRegistryMobile(UUID id, String registryMobile) {
		this.jdbc.sql("update identity_account set registry_mobile = :mobile where id = :id and phone = :mobile")
			.param("mobile", registryMobile)
			.param("id", id)
			.update();
		return true;
	}

	/** The registry's number, when the person gave it at registration. */
	String registryMobile(UUID id) {
		return this.jdbc.sql("select registry_mobile from identity_account where id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
			.orElse(null);
	}

	String phone(UUID id) {
		return this.jdbc.sql("select phone from identity_account where id = :id")
			.param("id", id)
			.query(String.class)
			.list()
			.stream()
			.filter(Objects::nonNull)
			.findFirst()
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
			.param("person", residentId)
			.param("name", name)
			.param("id", id)
			.update() == 1;
	}

	/** Inserts unless the username is taken; true when this call created the account. */
	boolean insertIfAbsent(OneVisitUser user, Instant at) {
		return this.jdbc.sql("""
				insert into identity_account (id, username, password_hash, display_name, roles, department_code,
				                              resident_id, credit_code, enabled, created_at)
				values (:id, :username, :passwordHash, :displayName, :roles, :department, :residentId, :creditCode,
				        :enabled, :createdAt)
				on conflict (username) do nothing
				""")
			.param("id", user.accountId())
			.param("username", user.getUsername())
			.param("passwordHash", user.getPassword())
			.param("displayName", user.displayName())
			.param("roles", user.roles().stream().map(Role::name).sorted().toArray(String[]::new))
			.param("department", user.departmentCode().orElse(null))
			.param("residentId", user.residentId().map(ResidentId::value).orElse(null))
			.param("creditCode", user.creditCode().map(CreditCode::value).orElse(null))
			.param("enabled", user.isEnabled())
			.param("createdAt", Timestamp.from(at))
			.update() == 1;
	}

	private static OneVisitUser map(ResultSet row, int rowNum) throws SQLException {
		Array roles = row.getArray("roles");
		Set<Role> roleSet = Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).collect(Collectors.toSet());
		String residentId = row.getString("resident_id");
		String creditCode = row.getString("credit_code");
		return new OneVisitUser(row.getObject("id", UUID.class), row.getString("username"),
				row.getString("password_hash"), row.getString("display_name"), roleSet,
				row.getString("department_code"), residentId != null ? ResidentId.of(residentId) : null,
				creditCode != null ? CreditCode.of(creditCode) : null, row.getBoolean("enabled"),
				row.getBoolean("limited"));
	}

}

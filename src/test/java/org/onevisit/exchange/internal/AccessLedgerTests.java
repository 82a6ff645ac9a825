package org.onevisit.exchange.internal;

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.onevisit.Superuser;
import org.onevisit.exchange.LedgerVerification;
import org.onevisit.exchange.LedgerVerification.Problem;
import org.onevisit.exchange.internal.AccessLedger.Access;
import org.onevisit.signing.KeyName;
import org.onevisit.signing.SigningKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access ledger's chain and its verifier. Its own database (a context of its own),
 * since it breaks the ledger on purpose; checkpoints every ten entries.
 */
@SpringBootTest(properties = "onevisit.exchange.ledger.checkpoint-every=10")
class AccessLedgerTests {

	@Autowired
	AccessLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SigningKeys keys;

	@Autowired
	DataSource dataSource;

	@Test
	void namesTheFirstAlteredEntryAndTheFirstRemovedOneAndRefusesChangesFromTheApplication() {
		long before = last();
		List<Access> accesses = new ArrayList<>();
		for (int i = 0; i < 35; i++) {
			accesses.add(new Access("applicant1", "nr", "33990219850312001" + (i % 10), "population",
					"population.identity", "prefill:" + i, "预填：测试", "request-" + i, "DELIVERED"));
		}
		this.ledger.append(accesses.subList(0, 20));
		this.ledger.append(accesses.subList(20, 35));
		LedgerVerification intact = this.ledger.verify();
		assertThat(intact.intact()).isTrue();
		assertThat(intact.entries()).isEqualTo(before + 35);
		assertThat(intact.checkpoints()).isEqualTo((before + 35) / 10);

		// the application's role may not change a row (nor may anyone but a superuser
		// who disables the trigger)
		assertThatThrownBy(() -> this.jdbc.sql("update exchange_ledger set subject = 'x' where seq = :seq")
			.param("seq", before + 12)
			.update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(
				() -> this.jdbc.sql("delete from exchange_ledger where seq = :seq").param("seq", before + 12).update())
			.rootCause()
			.hasMessageContaining("permission denied");

		// a superuser who bypasses the trigger alters entry 12
		String original = asSuperuser("select subject from exchange_ledger where seq = " + (before + 12), true);
		asSuperuser("update exchange_ledger set subject = '339903199007180029' where seq = " + (before + 12), false);
		LedgerVerification altered = this.ledger.verify();
		assertThat(altered.intact()).isFalse();
		assertThat(altered.firstBadEntry()).isEqualTo(before + 12);
		assertThat(altered.problem()).isEqualTo(Problem.ALTERED);
		assertThat(altered.entries()).isEqualTo(before + 11);

		asSuperuser("update exchange_ledger set subject = '" + original + "' where seq = " + (before + 12), false);
		assertThat(this.ledger.verify().intact()).isTrue();

		// and then removes entry 23
		asSuperuser("create table ledger_removed as select * from exchange_ledger where seq = " + (before + 23), false);
		asSuperuser("delete from exchange_ledger where seq = " + (before + 23), false);
		LedgerVerification removed = this.ledger.verify();
		assertThat(removed.intact()).isFalse();
		assertThat(removed.firstBadEntry()).isEqualTo(before + 23);
		assertThat(removed.problem()).isEqualTo(Problem.REMOVED);

		// put back, for the other tests of this database
		asSuperuser("insert into exchange_ledger select * from ledger_removed", false);
		asSuperuser("drop table ledger_removed", false);
		assertThat(this.ledger.verify().intact()).isTrue();
	}

	@Test
	void checkpointsSignedBeforeARotationStillVerifyAfterIt() {
		long before = last();
		List<Access> accesses = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			accesses.add(new Access("applicant2", "tax", "339903199007180029", "population", "population.identity",
					"rotation:" + i, "预填：测试", "rotation-" + i, "DELIVERED"));
		}
		this.ledger.append(accesses.subList(0, 20));

		String rotated = this.keys.rotate(KeyName.LEDGER).keyId();
		this.ledger.append(accesses.subList(20, 40));

		LedgerVerification verified = this.ledger.verify();
		assertThat(verified.intact()).isTrue();
		assertThat(verified.entries()).isEqualTo(before + 40);
		List<String> signers = this.jdbc.sql("select distinct key_id from exchange_ledger_checkpoint where seq > :from")
			.param("from", before)
			.query(String.class)
			.list();
		assertThat(signers).hasSize(2).contains(rotated);

		// a checkpoint that names a key the ledger does not have fails, as a forged one
		// would
		long checkpoint = (before / 10 + 1) * 10;
		String signer = asSuperuser("select key_id from exchange_ledger_checkpoint where seq = " + checkpoint, true);
		asSuperuser("update exchange_ledger_checkpoint set key_id = '0123456789abcdef' where seq = " + checkpoint,
				false);
		assertThat(this.ledger.verify().problem()).isEqualTo(Problem.CHECKPOINT_MISMATCH);
		asSuperuser("update exchange_ledger_checkpoint set key_id = '" + signer + "' where seq = " + checkpoint, false);
		assertThat(this.ledger.verify().intact()).isTrue();
	}

	private long last() {
		return this.jdbc.sql("select coalesce(max(seq), 0) from exchange_ledger").query(Long.class).single();
	}

	/** Runs a statement with triggers off, as only a superuser can. */
	private String asSuperuser(String sql, boolean query) {
		Superuser superuser = Superuser.of(this.dataSource);
		return superuser.inTransaction(() -> {
			if (query) {
				return superuser.jdbc().sql(sql).query(String.class).single();
			}
			superuser.jdbc().sql(sql).update();
			return null;
		});
	}

}

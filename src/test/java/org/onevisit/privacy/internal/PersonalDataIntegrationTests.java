package org.onevisit.privacy.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onevisit.privacy.PersonalData;
import org.onevisit.privacy.PersonalDataUnreadable;
import org.onevisit.shared.ResidentId;
import org.onevisit.signing.KeyEncryptionKey;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataIntegrationTests {

	static final ResidentId ZHANG_SAN = ResidentId.of("339902198503120016");

	@Autowired
	PersonalData personalData;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	EventSerializer events;

	@Test
	void opensASealedValueOnlyUnderTheContextItWasSealedFor() {
		String sealed = this.personalData.seal("张三", "identity_account.display_name");

		assertThat(sealed).startsWith(PersonalData.SEALED_PREFIX).doesNotContain("张三");
		assertThat(this.personalData.open(sealed, "identity_account.display_name")).isEqualTo("张三");
		assertThatThrownBy(() -> this.personalData.open(sealed, "licences_licence.holder_name"))
			.isInstanceOf(PersonalDataUnreadable.class);
		assertThat(this.personalData.seal("张三", "identity_account.display_name")).as("a fresh nonce each time")
			.isNotEqualTo(sealed);
	}

	@Test
	void refusesAnAlteredValueAClearValueAndASwappedKeyId() {
		String sealed = this.personalData.seal("339902198503120016", "t.c");
		String body = sealed.substring(sealed.indexOf('.', PersonalData.SEALED_PREFIX.length()) + 1);
		String otherKey = PersonalData.SEALED_PREFIX + (this.personalData.currentDataKey() + 1000) + "." + body;
		int at = sealed.length() - body.length() + 20;
		String altered = sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

		assertThatThrownBy(() -> this.personalData.open(altered, "t.c")).isInstanceOf(PersonalDataUnreadable.class);
		assertThatThrownBy(() -> this.personalData.open("339902198503120016", "t.c"))
			.isInstanceOf(PersonalDataUnreadable.class);
		assertThatThrownBy(() -> this.personalData.open(otherKey, "t.c")).isInstanceOf(PersonalDataUnreadable.class);
	}

	@Test
	void bindsSealedBytesToTheirContext() {
		byte[] file = "%PDF-1.4 张三 339902198503120016".getBytes(StandardCharsets.UTF_8);

		byte[] sealed = this.personalData.sealBytes(file, "upload/1");

		assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("339902198503120016", "%PDF");
		assertThat(this.personalData.openBytes(sealed, "upload/1")).isEqualTo(file);
		assertThatThrownBy(() -> this.personalData.openBytes(sealed, "upload/2"))
			.isInstanceOf(PersonalDataUnreadable.class);
	}

	@Test
	void keepsOpeningOldValuesAfterANewDataKeyTakesOver() {
		String before = this.personalData.seal("王芳", "t.c");
		int oldKey = this.personalData.currentDataKey();

		int newKey = this.personalData.rotateDataKey();
		String after = this.personalData.seal("王芳", "t.c");

		assertThat(newKey).isGreaterThan(oldKey);
		assertThat(after).startsWith(PersonalData.SEALED_PREFIX + newKey + ".");
		assertThat(this.personalData.open(before, "t.c")).isEqualTo("王芳");
		assertThat(this.personalData.open(after, "t.c")).isEqualTo("王芳");
		assertThat(new SealedPersonalData(freshKeys(KeyEncryptionKey.ofHex(kekHex()))).open(after, "t.c"))
			.as("another node reads the new key from the table")
			.isEqualTo("王芳");
	}

	@Test
	void makesAStableKeyedBlindIndexThatDoesNotShowTheNumber() {
		String index = this.personalData.blindIndex(ZHANG_SAN);

		assertThat(index).hasSize(64).isEqualTo(this.personalData.blindIndex(ResidentId.of("339902198503120016")));
		assertThat(index).isNotEqualTo(this.personalData.blindIndex(ResidentId.of("339903199007180029")))
			.doesNotContain("339902");
		assertThat(this.personalData.blindIndex(null)).isNull();
	}

	@Test
	void keepsTheDataKeysOnlyWrappedSoTheDatabaseAloneOpensNothing() {
		String sealed = this.personalData.seal("李四", "t.c");

		PersonalData withAnotherKek = new SealedPersonalData(freshKeys(KeyEncryptionKey.generate()));

		assertThatThrownBy(() -> withAnotherKek.open(sealed, "t.c")).isInstanceOf(SecurityException.class);
		assertThat(this.jdbc.sql("select count(*) from privacy_data_key where use = 'INDEX'")
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void sealsTheSameEventTheSameWaySoTheOutboxFindsItAgainAndOpensIt() {
		Map<String, Object> event = Map.of("subject", "339902198503120016", "name", "张三");

		Object first = this.events.serialize(event);
		Object again = this.events.serialize(event);

		assertThat(first).isEqualTo(again)
			.asString()
			.startsWith(PersonalData.SEALED_PREFIX + "0.")
			.doesNotContain("张三");
		assertThat(this.events.deserialize(first, Map.class)).isEqualTo(event);
		assertThat(this.events.serialize(Map.of("subject", "339903199007180029", "name", "李四"))).isNotEqualTo(first);
		assertThatThrownBy(() -> this.personalData.open(first.toString(), "some_other.column"))
			.isInstanceOf(PersonalDataUnreadable.class);
	}

	@Test
	void opensAStoredColumnOnlyAsThatColumn() {
		String stored = this.jdbc.sql("select display_name from identity_account where username = 'applicant1'")
			.query(String.class)
			.single();

		assertThat(stored).startsWith(PersonalData.SEALED_PREFIX).doesNotContain("张三");
		assertThat(this.personalData.open(stored, "identity_account.display_name")).isEqualTo("张三");
		assertThatThrownBy(() -> this.personalData.open(stored, "identity_account.acting_name"))
			.isInstanceOf(PersonalDataUnreadable.class);
		assertThatThrownBy(() -> this.personalData.open(stored, "delivery_choice.recipient"))
			.isInstanceOf(PersonalDataUnreadable.class);
	}

	private DataKeys freshKeys(KeyEncryptionKey kek) {
		return new DataKeys(this.jdbc, kek, this.clock, this.transactions);
	}

	@Autowired
	KeyEncryptionKey kek;

	private String kekHex() {
		return this.kek.toHex();
	}

}

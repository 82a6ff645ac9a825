package org.onevisit.applications.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.onevisit.applications.Upload;
import org.onevisit.privacy.PersonalDataUnreadable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SealedUploadsIntegrationTests {

	static final byte[] PDF = "%PDF-1.4\n% 张三 339902198503120016\n1 0 obj <<>> endobj\n%%EOF\n"
		.getBytes(StandardCharsets.UTF_8);

	@Autowired
	FileUploads uploads;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	org.onevisit.privacy.PersonalData personalData;

	@Value("${onevisit.data-dir}")
	Path dataDirectory;

	@Test
	void keepsAnUploadSealedOnDiskAndGivesItsOwnerTheContent() throws IOException {
		Upload upload = store("张三的结清证明.pdf");

		byte[] onDisk = Files.readAllBytes(file(upload.id()));
		String storedName = this.jdbc.sql("select original_name from applications_upload where id = :id")
			.param("id", upload.id())
			.query(String.class)
			.single();

		assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF", "339902198503120016");
		assertThat(new String(onDisk, StandardCharsets.UTF_8)).doesNotContain("张三");
		assertThat(storedName).doesNotContain("张三", "结清");
		assertThat(this.uploads.find(upload.id(), "applicant1").orElseThrow().content()).isEqualTo(PDF);
		assertThat(this.uploads.find(upload.id(), "applicant1").orElseThrow().upload().originalName())
			.isEqualTo("张三的结清证明.pdf");
		assertThat(this.uploads.find(upload.id(), "applicant2")).isEmpty();
	}

	@Test
	void refusesToOpenAFileCopiedOverAnotherUpload() throws IOException {
		Upload mine = store("a.pdf");
		Upload other = store("b.pdf");

		Files.copy(file(mine.id()), file(other.id()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

		assertThatThrownBy(() -> this.uploads.find(other.id(), "applicant1"))
			.isInstanceOf(PersonalDataUnreadable.class);
	}

	@Test
	void deletesUploadsNoSubmissionNamedAfterADayAndKeepsTheRest() {
		Upload left = store("left.pdf");
		Upload fresh = store("fresh.pdf");
		Upload named = store("named.pdf");
		storedTwoDaysAgo(left);
		storedTwoDaysAgo(named);
		anApplicationNaming(named);

		this.uploads.deleteUnused(Duration.ofDays(1));

		assertThat(this.uploads.find(left.id(), "applicant1")).isEmpty();
		assertThat(file(left.id())).doesNotExist();
		assertThat(this.uploads.find(fresh.id(), "applicant1")).isPresent();
		assertThat(this.uploads.find(named.id(), "applicant1")).isPresent();
	}

	private Upload store(String name) {
		return this.uploads.store("applicant1", name, new ByteArrayInputStream(PDF));
	}

	private Path file(UUID id) {
		return this.dataDirectory.resolve("uploads").resolve(id.toString());
	}

	private void storedTwoDaysAgo(Upload upload) {
		this.jdbc.sql("update applications_upload set stored_at = :at where id = :id")
			.param("at", Timestamp.from(this.clock.instant().minus(Duration.ofDays(2))))
			.param("id", upload.id())
			.update();
	}

	private void anApplicationNaming(Upload upload) {
		this.jdbc.sql("""
				insert into applications_application (id, tracking_number, subject_credit_code, filed_by, channel,
				    form, status, submitted_at, materials)
				values (:id, :tracking, '91339900MA2H5T7K0B', 'uploads-test', 'ONLINE', :form, 'SUBMITTED', now(),
				    jsonb_build_array(jsonb_build_object('reference', cast(:upload as text))))
				""")
			// sealed as the repository seals it, and filed by nobody whose list would
			// show it
			.param("form", this.personalData.seal("{}", "applications_application.form"))
			.param("id", UUID.randomUUID())
			.param("tracking", "TEST-" + UUID.randomUUID())
			.param("upload", upload.id().toString())
			.update();
	}

}

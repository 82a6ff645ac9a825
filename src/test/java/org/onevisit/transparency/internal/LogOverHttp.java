package org.onevisit.transparency.internal;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.onevisit.OneVisitServer;
import org.onevisit.signing.SigningKeys;
import org.onevisit.transparency.TransparencyLog;
import org.onevisit.transparency.tlog.SignedNote;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The log as its readers reach it: over HTTP on a port of its own, with batches every 0.1
 * s and checkpoints every 0.3 s so that a test waits little. Each test class tells the
 * log of its own witness ({@link LogFixtures.TestWitness}), and so has an application and
 * a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"onevisit.transparency.batch-interval=PT0.1S", "onevisit.transparency.checkpoint-interval=PT0.3S" })
abstract class LogOverHttp {

	@Autowired
	OneVisitServer server;

	@Autowired
	TransparencyLog log;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	SigningKeys keys;

	/** The checkpoint the log serves now, or null before its first. */
	SignedNote servedCheckpoint() {
		HttpResponse<byte[]> answer = LogFixtures.get(this.server.port(), "/log/checkpoint");
		return (answer.statusCode() == 200) ? SignedNote.parse(new String(answer.body(), StandardCharsets.UTF_8))
				: null;
	}

}

package org.onevisit.platform.internal;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.onevisit.OneVisitHttp;
import org.onevisit.OneVisitServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What lets several nodes share one database: sessions stored in it, and scheduled jobs
 * that take a lock row there before they run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScaleOutTests {

	@Autowired
	OneVisitServer server;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LockProvider locks;

	long sessionsOf(String principal) {
		return this.jdbc.sql("select count(*) from spring_session where principal_name = :who")
			.param("who", principal)
			.query(Long.class)
			.single();
	}

	@Test
	void keepsThePageSessionInTheDatabaseAndEndsItThereAtLogout() {
		long before = sessionsOf("reviewer-civil");
		OneVisitHttp reviewer = this.server.signedIn("reviewer-civil");

		assertThat(sessionsOf("reviewer-civil")).isEqualTo(before + 1);
		String page = reviewer.get("/review").body();
		reviewer.postForm("/logout", "_csrf=" + OneVisitHttp.csrfTokenOf(page));

		assertThat(sessionsOf("reviewer-civil")).isEqualTo(before);
		HttpResponse<String> after = reviewer.get("/review");
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	@Test
	void runsAJobOnOneNodeAtATimeThroughALockRow() throws Exception {
		// two executors on the same database stand for two nodes' schedulers
		CountDownLatch inside = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger runs = new AtomicInteger();
		LockConfiguration job = new LockConfiguration(Instant.now(), "scale-out-test-job", Duration.ofMinutes(1),
				Duration.ZERO);
		CompletableFuture<Void> first = CompletableFuture
			.runAsync(() -> new DefaultLockingTaskExecutor(this.locks).executeWithLock((Runnable) () -> {
				runs.incrementAndGet();
				inside.countDown();
				await(release);
			}, job));
		inside.await();
		new DefaultLockingTaskExecutor(this.locks).executeWithLock((Runnable) runs::incrementAndGet, job);
		release.countDown();
		first.join();

		assertThat(runs).hasValue(1);
		assertThat(this.jdbc.sql("select count(*) from shedlock where name = 'scale-out-test-job'")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void everyJobThatMustRunOnceTakesTheLock() throws ClassNotFoundException {
		for (String type : new String[] { "org.onevisit.platform.internal.OutboxRetry",
				"org.onevisit.supervision.internal.SupervisionService",
				"org.onevisit.exchange.internal.EvidenceCollection",
				"org.onevisit.applications.internal.StatisticsRollup",
				"org.onevisit.benefits.internal.BenefitService" }) {
			Method[] scheduled = Arrays.stream(Class.forName(type).getDeclaredMethods())
				.filter((method) -> method.isAnnotationPresent(Scheduled.class))
				.toArray(Method[]::new);
			assertThat(scheduled).as(type)
				.isNotEmpty()
				.allSatisfy((method) -> assertThat(method.isAnnotationPresent(SchedulerLock.class)).isTrue());
		}
	}

	static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

package org.onevisit.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A closed-loop HTTP load driver for machines without wrk: {@code clients} threads each
 * send their share of {@code requests} back to back and record every latency. Bounded in
 * count, loopback only.
 */
final class JavaLoad {

	record Result(int requests, int failures, double seconds, double p50, double p90, double p99, double max) {

		@Override
		public String toString() {
			return String.format(
					"java driver: %d requests in %.1f s = %.0f/s, failures %d, latency ms p50 %.2f p90 %.2f p99 %.2f max %.2f",
					this.requests, this.seconds, this.requests / this.seconds, this.failures, this.p50, this.p90,
					this.p99, this.max);
		}

	}

	private JavaLoad() {
	}

	static Result run(int port, int clients, int requests, IntFunction<String> paths) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		long[] latencies = new long[requests];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger failures = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			pool.execute(() -> {
				int i;
				while ((i = next.getAndIncrement()) < requests) {
					long sent = System.nanoTime();
					try {
						HttpResponse<String> response = client.send(
								HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + paths.apply(i))).build(),
								HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != 200) {
							failures.incrementAndGet();
						}
					}
					catch (Exception ex) {
						failures.incrementAndGet();
					}
					latencies[i] = System.nanoTime() - sent;
				}
			});
		}
		pool.shutdown();
		pool.awaitTermination(10, TimeUnit.MINUTES);
		double seconds = (System.nanoTime() - start) / 1e9;
		Arrays.sort(latencies);
		return new Result(requests, failures.get(), seconds, millis(latencies, 0.50), millis(latencies, 0.90),
				millis(latencies, 0.99), latencies[requests - 1] / 1e6);
	}

	private static double millis(long[] sorted, double quantile) {
		return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
	}

}

package org.onevisit.partners.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Counts the requests of people (pages, the API, a clerk at a window, a partner's single
 * filing) this node is serving, so that the batch workers give up their seats to them
 * ({@link BatchWorker}): a batch must not make people wait. A batch's own traffic (its
 * upload, progress and files, the administrator's batch page) and monitoring are not
 * counted.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PeopleInFlight extends OncePerRequestFilter {

	private final AtomicInteger serving = new AtomicInteger();

	/** The people's requests in progress now. */
	int now() {
		return this.serving.get();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!ofPeople(request.getRequestURI())) {
			chain.doFilter(request, response);
			return;
		}
		this.serving.incrementAndGet();
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.serving.decrementAndGet();
		}
	}

	static boolean ofPeople(String path) {
		if (path == null) {
			return true;
		}
		boolean batches = path.startsWith("/api/v1/batches")
				|| (path.startsWith("/admin/partners/") && path.contains("/batches"));
		return !batches && !path.startsWith("/actuator");
	}

}

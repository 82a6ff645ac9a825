package org.onevisit.catalog.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.onevisit.catalog.SearchHit;

/**
 * The most recently asked searches of one index revision, least recently used first out.
 * A size of zero keeps nothing (for measuring the search itself).
 */
final class ResultCache {

	private final int size;

	private final Map<String, List<SearchHit>> entries;

	private final AtomicLong hits = new AtomicLong();

	private final AtomicLong misses = new AtomicLong();

	ResultCache(int size) {
		this.size = size;
		this.entries = new LinkedHashMap<>(16, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, List<SearchHit>> eldest) {
				return size() > ResultCache.this.size;
			}
		};
	}

	List<SearchHit> computeIfAbsent(String key, Function<String, List<SearchHit>> search) {
		if (this.size > 0) {
			synchronized (this.entries) {
				List<SearchHit> known = this.entries.get(key);
				if (known != null) {
					this.hits.incrementAndGet();
					return known;
				}
			}
		}
		this.misses.incrementAndGet();
		// searched outside the lock: a slow query must not hold up the cached ones
		List<SearchHit> found = List.copyOf(search.apply(key));
		if (this.size > 0) {
			synchronized (this.entries) {
				this.entries.put(key, found);
			}
		}
		return found;
	}

	long hits() {
		return this.hits.get();
	}

	long misses() {
		return this.misses.get();
	}

}

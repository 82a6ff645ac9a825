package org.onevisit.catalog.internal;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The answers a revision of the index keeps: the same question is searched once per
 * revision, and a new revision starts with none kept.
 */
class CatalogueSearchTests {

	@Test
	void answersTheSameQuestionFromTheCacheUntilTheNextRevision() throws IOException {
		CatalogueSearch search = aSearchKeeping(100);

		search.search("卖房", 5);
		search.search(" 卖房 ", 5);
		search.search("卖房", 10);

		assertThat(search.cacheHits()).isEqualTo(1);
		assertThat(search.cacheMisses()).isEqualTo(2);

		search.rebuild(List.of(), List.of(), (code) -> code, shippedSynonyms());
		search.search("卖房", 5);

		assertThat(search.cacheHits()).isEqualTo(1);
		assertThat(search.cacheMisses()).isEqualTo(3);
	}

	@Test
	void keepsNothingWithASizeOfZero() throws IOException {
		CatalogueSearch search = aSearchKeeping(0);

		search.search("卖房", 5);
		search.search("卖房", 5);

		assertThat(search.cacheHits()).isZero();
		assertThat(search.cacheMisses()).isEqualTo(2);
	}

	private static CatalogueSearch aSearchKeeping(int answers) throws IOException {
		CatalogueSearch search = new CatalogueSearch(answers);
		search.rebuild(List.of(), List.of(), (code) -> code, shippedSynonyms());
		return search;
	}

	private static Synonyms shippedSynonyms() throws IOException {
		return Synonyms.read(new ClassPathResource("catalog/synonyms.txt"));
	}

}

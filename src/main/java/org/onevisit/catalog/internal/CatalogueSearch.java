package org.onevisit.catalog.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.onevisit.catalog.Bundle;
import org.onevisit.catalog.Material;
import org.onevisit.catalog.SearchHit;
import org.onevisit.catalog.ServiceItem;

/**
 * Full-text search over the published guides with Lucene's smartcn analyzer (Chinese word
 * segmentation) and the synonym list. A query is first brought to the catalogue's writing
 * (traditional to simplified); one in pinyin or initials is turned into the catalogue's
 * words it spells, and a Chinese one also searches, at a lower weight, the words that
 * sound like it (typos such as 结昏 for 结婚), so that an exact match stays first. The index
 * lives in memory and is rebuilt whole on each catalogue revision, then swapped in
 * atomically: searches never wait for a rebuild.
 */
final class CatalogueSearch {

	// Weights: a citizen's word is most telling in a keyword or name, less in conditions
	// or materials.
	private static final Map<String, Float> FIELDS = Map.of("keywords", 6f, "name", 4f, "department", 1.5f, "body", 1f);

	private static final float BUNDLE_WEIGHT = 1.25f;

	private static final float RELEVANCE_FLOOR = 0.25f;

	private static final float PHRASE_WEIGHT = 8f;

	/** Words a Chinese query only sounds like weigh less than the words it has. */
	private static final float SOUNDS_LIKE_WEIGHT = 0.4f;

	private final Analyzer analyzer = new SmartChineseAnalyzer();

	private volatile Index index;

	/**
	 * A searcher over one revision, with its synonyms and their sounds, and the answers
	 * it has given: citizens ask the same few things over and over (卖房, 社保), and a
	 * revision's answers never change, so they are kept, without expiry, until the next
	 * revision replaces the whole index.
	 */
	private record Index(IndexSearcher searcher, SearchHit[] entries, Synonyms synonyms, PinyinLexicon lexicon,
			Cache<String, List<SearchHit>> results) {
	}

	private final int cacheSize;

	private volatile long hitsBefore;

	private volatile long missesBefore;

	CatalogueSearch(int cacheSize) {
		this.cacheSize = cacheSize;
	}

	/** Cache hits of every revision so far, for the metrics. */
	double cacheHits() {
		return this.hitsBefore + ((this.index != null) ? this.index.results().stats().hitCount() : 0);
	}

	double cacheMisses() {
		return this.missesBefore + ((this.index != null) ? this.index.results().stats().missCount() : 0);
	}

	/**
	 * At most {@code cacheSize} answers (a size of zero keeps nothing, for measuring the
	 * search itself), evicted by Caffeine's frequency-aware policy. Its upkeep runs on
	 * the searching thread, so an answer past the size is gone when the search returns.
	 */
	private Cache<String, List<SearchHit>> newResultCache() {
		return Caffeine.newBuilder().maximumSize(this.cacheSize).executor(Runnable::run).recordStats().build();
	}

	void rebuild(List<ServiceItem> items, List<Bundle> bundles, Function<String, String> departmentNames,
			Synonyms synonyms) {
		ByteBuffersDirectory directory = new ByteBuffersDirectory();
		Set<String> words = new LinkedHashSet<>(synonyms.words());
		items.forEach((item) -> words.addAll(item.keywords()));
		bundles.forEach((bundle) -> words.addAll(bundle.keywords()));
		items.forEach((item) -> words.add(item.name()));
		bundles.forEach((bundle) -> words.add(bundle.name()));
		List<String> phrases = List.copyOf(words);
		phrases.forEach((phrase) -> words.addAll(tokens(phrase)));
		try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(this.analyzer))) {
			for (ServiceItem item : items) {
				List<String> body = new ArrayList<>(item.conditions());
				item.materials().stream().map(Material::name).forEach(body::add);
				item.form().fields().forEach((field) -> body.add(field.label()));
				if (item.licenceType() != null) {
					body.add(item.licenceType());
				}
				writer.addDocument(document(SearchHit.Kind.ITEM, item.code(), item.name(),
						departmentNames.apply(item.departmentCode()), item.keywords(), body));
			}
			for (Bundle bundle : bundles) {
				List<String> body = new ArrayList<>();
				if (bundle.description() != null) {
					body.add(bundle.description());
				}
				bundle.fields().forEach((field) -> body.add(field.label()));
				writer.addDocument(
						document(SearchHit.Kind.BUNDLE, bundle.code(), bundle.name(), "", bundle.keywords(), body));
			}
			// one segment: every term of a query is looked up once, not once a segment
			writer.forceMerge(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		try {
			Index previous = this.index;
			if (previous != null) {
				CacheStats stats = previous.results().stats();
				this.hitsBefore += stats.hitCount();
				this.missesBefore += stats.missCount();
			}
			DirectoryReader reader = DirectoryReader.open(directory);
			this.index = new Index(new IndexSearcher(reader), entries(reader), synonyms, new PinyinLexicon(words),
					newResultCache());

		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	List<SearchHit> search(String query, int limit) {
		Index current = this.index;
		String typed = (query != null) ? query.strip() : "";
		if (current == null || typed.isEmpty()) {
			return List.of();
		}
		String text = ChineseText.normalised(typed);
		// only a search for the same words waits for one under way; cached answers never
		// do
		return current.results().get(text + '\u0000' + limit, (key) -> List.copyOf(find(current, typed, text, limit)));
	}

	private List<SearchHit> find(Index current, String typed, String text, int limit) {
		BooleanQuery.Builder builder = new BooleanQuery.Builder();
		builder.add(new BoostQuery(new TermQuery(new Term("code", typed.toUpperCase(Locale.ROOT))), 20f), Occur.SHOULD);
		String words = text;
		List<String> soundsLike = List.of();
		if (ChineseText.isLatin(text)) {
			words = String.join(" ", current.lexicon().spelledAs(text));
		}
		else {
			soundsLike = current.lexicon()
				.soundingLike(text)
				.stream()
				.filter((phrase) -> !text.contains(phrase))
				.toList();
		}
		List<String> tokens = words.isBlank() ? List.of() : tokens(current.synonyms().expand(words));
		add(builder, tokens, 1f);
		List<String> typedWords = words.isBlank() ? List.of() : tokens(words);
		if (typedWords.size() >= 2 && typedWords.size() <= 8) {
			// the words in the order typed, as a name has them (离婚 登记 in 内地居民离婚登记): a
			// common word such as 登记 in another item's keywords must not outweigh them
			builder.add(new BoostQuery(new PhraseQuery("name", typedWords.toArray(String[]::new)), PHRASE_WEIGHT),
					Occur.SHOULD);
		}
		if (!soundsLike.isEmpty()) {
			List<String> heard = tokens(current.synonyms().expand(String.join(" ", soundsLike)));
			add(builder, heard.stream().filter((token) -> !tokens.contains(token)).toList(), SOUNDS_LIKE_WEIGHT);
		}
		Query built = builder.build();
		try {
			IndexSearcher searcher = current.searcher();
			List<SearchHit> hits = new ArrayList<>();
			for (ScoreDoc found : searcher.search(built, Math.max(1, Math.min(limit, 100))).scoreDocs) {
				SearchHit entry = current.entries()[found.doc];
				// a citizen names a life event; the bundle that settles all of it leads
				// over its single items
				float score = (entry.kind() == SearchHit.Kind.BUNDLE) ? found.score * BUNDLE_WEIGHT : found.score;
				hits.add(new SearchHit(entry.kind(), entry.code(), entry.name(), entry.departmentName(), score));
			}
			hits.sort(Comparator.comparingDouble(SearchHit::score).reversed());
			// a long tail matched only on common words such as 登记 is noise to a citizen
			float floor = hits.isEmpty() ? 0 : hits.get(0).score() * RELEVANCE_FLOOR;
			return hits.stream().filter((hit) -> hit.score() >= floor).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * What each document of a revision answers with, read once: reading a document's
	 * stored fields decompresses a block of them, and did so for every hit of every
	 * search.
	 */
	private static SearchHit[] entries(DirectoryReader reader) throws IOException {
		StoredFields stored = reader.storedFields();
		SearchHit[] entries = new SearchHit[reader.maxDoc()];
		for (int doc = 0; doc < entries.length; doc++) {
			Document document = stored.document(doc);
			entries[doc] = new SearchHit(SearchHit.Kind.valueOf(document.get("kind")), document.get("code"),
					document.get("name"), document.get("departmentName"), 0);
		}
		return entries;
	}

	private static void add(BooleanQuery.Builder builder, List<String> tokens, float weight) {
		for (String token : tokens) {
			for (Map.Entry<String, Float> field : FIELDS.entrySet()) {
				builder.add(new BoostQuery(new TermQuery(new Term(field.getKey(), token)), field.getValue() * weight),
						Occur.SHOULD);
			}
		}
	}

	private List<String> tokens(String text) {
		List<String> tokens = new ArrayList<>();
		try (TokenStream stream = this.analyzer.tokenStream("name", text)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				tokens.add(term.toString());
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens.stream().distinct().limit(64).toList();
	}

	private static Document document(SearchHit.Kind kind, String code, String name, String departmentName,
			List<String> keywords, List<String> body) {
		Document document = new Document();
		document.add(new StringField("kind", kind.name(), Field.Store.YES));
		document.add(new StringField("code", code, Field.Store.YES));
		document.add(new TextField("name", name, Field.Store.YES));
		document.add(new StoredField("departmentName", departmentName));
		document.add(new TextField("department", departmentName, Field.Store.NO));
		document.add(new TextField("keywords", String.join(" ", keywords), Field.Store.NO));
		document.add(new TextField("body", String.join(" ", body), Field.Store.NO));
		return document;
	}

}

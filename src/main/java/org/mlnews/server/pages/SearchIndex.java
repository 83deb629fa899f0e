package org.mlnews.server.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextHit;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.queryparser.classic.QueryParserBase;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Full-text search over headlines, titles, summaries and topic labels, in Chinese and English: a
 * jena-text Lucene index in {@code STORE/text-index}, next to the TDB2 files.
 *
 * <p>Analysis: Lucene's standard tokenizer, CJK width folding, lower case, then CJK bigrams; the
 * index also keeps every Han character on its own, the queries use bigrams, so "甘" (one
 * character) and "生成" (a word) both find their text; Latin words are stemmed (Porter), so
 * "GANs" finds "GAN". Every word of a query must match, each as a phrase (see
 * {@link #luceneQuery}).
 *
 * <p>Keeping in step with the store: the index is rebuilt from the store, whole, whenever the
 * store's fingerprint (every issue graph's name and build time, and the size of the topic graph)
 * differs from the one recorded in the index's last commit. The server checks at start and
 * before each search, so a {@code build} or a {@code serve --watch} rebuild is picked up by the
 * next search. The corpus is small (a rebuild of a few hundred issues takes well under a second).
 *
 * <pre>{@code
 * SearchIndex index = SearchIndex.open(store.dir().resolve("text-index"), dsg, iris.topicsGraph());
 * List<SearchIndex.Match> hits = index.search("生成", 200);
 * }</pre>
 */
public final class SearchIndex implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("org.mlnews.server");
  private static final String FINGERPRINT = "mlnews.fingerprint";
  private static final String FIELD = "text";

  /** The properties whose literals are indexed. */
  static final List<Node> INDEXED = List.of(Vocab.HEADLINE, Vocab.DC_TITLE, Vocab.DC_DESCRIPTION,
      Vocab.SKOS_PREF_LABEL, Vocab.SKOS_ALT_LABEL, Vocab.SKOS_HIDDEN_LABEL);

  /** A hit: the resource, its score and the literal that matched. */
  public record Match(Node subject, float score, Node literal) {}

  private final Directory dir;
  private final DatasetGraph dsg;
  private final Node topicsGraph;
  private final TextIndexLucene index;
  private final EntityDefinition def;
  private volatile String fingerprint;
  /** The store's signature, or null; see {@link #refresh}. */
  private final Supplier<Store.Signature> signature;
  /** The signature under which the fingerprint was last found current. */
  private String checked;

  private SearchIndex(Directory dir, DatasetGraph dsg, Node topicsGraph, Supplier<Store.Signature> signature) {
    this.dir = dir;
    this.dsg = dsg;
    this.topicsGraph = topicsGraph;
    this.signature = signature;
    this.def = new EntityDefinition("uri", FIELD);
    def.setLangField("lang");
    for (Node p : INDEXED) {
      def.set(FIELD, p);
    }
    var config = new TextIndexConfig(def);
    config.setAnalyzer(analyzer(true));
    config.setQueryAnalyzer(analyzer(false));
    config.setValueStored(true);
    this.index = new TextIndexLucene(dir, config);
    this.fingerprint = recordedFingerprint();
  }

  /** Opens (or creates) the index in {@code folder} and brings it up to date with the store. */
  public static SearchIndex open(Path folder, DatasetGraph dsg, Node topicsGraph) {
    return open(folder, dsg, topicsGraph, null);
  }

  /**
   * As {@link #open(Path, DatasetGraph, Node)}, with the store's {@linkplain Store#signature()
   * signature}: the fingerprint is then worked out again only when the signature changed.
   */
  public static SearchIndex open(Path folder, DatasetGraph dsg, Node topicsGraph, Supplier<Store.Signature> signature) {
    try {
      Files.createDirectories(folder);
      var si = new SearchIndex(FSDirectory.open(folder), dsg, topicsGraph, signature);
      si.refresh();
      return si;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the search index in " + folder, e);
    }
  }

  /** The analyzer: unigrams and bigrams of Han characters for the index, bigrams for queries. */
  static Analyzer analyzer(boolean unigrams) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new CJKWidthFilter(source);
        ts = new LowerCaseFilter(ts);
        ts = new CJKBigramFilter(ts, CJKBigramFilter.HAN | CJKBigramFilter.HIRAGANA | CJKBigramFilter.KATAKANA
            | CJKBigramFilter.HANGUL, unigrams);
        ts = new EnglishPossessiveFilter(ts);
        ts = new PorterStemFilter(ts);
        return new TokenStreamComponents(source, ts);
      }
    };
  }

  private String recordedFingerprint() {
    try {
      if (!DirectoryReader.indexExists(dir)) {
        return null;
      }
      return SegmentInfos.readLatestCommit(dir).getUserData().get(FINGERPRINT);
    } catch (IOException e) {
      return null;
    }
  }

  /** What the index must match: every graph's name with its build time, and the topic graph's size. */
  private String storeFingerprint() {
    return Txn.calculateRead(dsg, () -> {
      var lines = new TreeSet<String>();
      dsg.find(Node.ANY, Node.ANY, Vocab.PROV_GENERATED_AT_TIME, Node.ANY).forEachRemaining(q ->
          lines.add(q.getGraph() + " " + q.getSubject() + " " + q.getObject()));
      lines.add("topics " + dsg.getGraph(topicsGraph).size());
      try {
        var md = MessageDigest.getInstance("SHA-256");
        for (String l : lines) {
          md.update(l.getBytes(StandardCharsets.UTF_8));
          md.update((byte) '\n');
        }
        return HexFormat.of().formatHex(md.digest());
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /**
   * Rebuilds the index if the store changed since it was built; returns whether it did. With the
   * store's signature, the fingerprint (a read of every issue graph's build time: about 50 ms at
   * 10,000 issues) is skipped while the signature is the one it was last found current under,
   * and that is remembered only once the signature has {@linkplain Store.Signature#settled
   * settled}, as the page cache does.
   */
  public synchronized boolean refresh() {
    Store.Signature sig = signature == null ? null : signature.get();
    if (sig != null && sig.digest().equals(checked)) {
      return false;
    }
    String now = storeFingerprint();
    if (sig != null && sig.settled(java.time.Instant.now())) {
      checked = sig.digest();
    }
    if (now.equals(fingerprint)) {
      return false;
    }
    long start = System.nanoTime();
    int n = Txn.calculateRead(dsg, () -> rebuild(dsg.getUnionGraph()));
    IndexWriter writer = index.getIndexWriter();
    writer.setLiveCommitData(Map.of(FINGERPRINT, now).entrySet());
    index.commit();
    fingerprint = now;
    LOG.debug("search index rebuilt: {} literals in {} ms", n, (System.nanoTime() - start) / 1_000_000);
    return true;
  }

  private int rebuild(Graph g) {
    try {
      index.getIndexWriter().deleteAll();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<Triple> seen = new HashSet<>();
    int n = 0;
    for (Node p : INDEXED) {
      for (Triple t : g.find(Node.ANY, p, Node.ANY).toList()) {
        if (!t.getObject().isLiteral() || !t.getSubject().isURI() || !seen.add(t)) {
          continue;
        }
        Entity e = TextQueryFuncs.entityFromQuad(def, Quad.defaultGraphIRI, t.getSubject(), p, t.getObject());
        if (e != null) {
          index.addEntity(e);
          n++;
        }
      }
    }
    return n;
  }

  /**
   * The resources whose indexed text matches {@code text} (taken as words, not Lucene syntax),
   * best first, one match per resource.
   */
  public List<Match> search(String text, int limit) {
    refresh();
    String q = luceneQuery(text);
    if (q.isEmpty()) {
      return List.of();
    }
    List<TextHit> hits = index.query(Vocab.HEADLINE, q, null, null, limit);
    var best = new LinkedHashMap<Node, Match>();
    for (TextHit h : hits) {
      Match m = new Match(h.getNode(), h.getScore(), h.getLiteral());
      best.merge(h.getNode(), m, (a, b) -> a.score() >= b.score() ? a : b);
    }
    var out = new ArrayList<>(best.values());
    out.sort((a, b) -> Float.compare(b.score(), a.score()));
    return out;
  }

  /**
   * The words of {@code text} as a Lucene query that needs all of them, each as a phrase: so
   * "微分方程" matches those four characters in a row (its bigrams in sequence), not any text with
   * "方程", and no character of the input is Lucene syntax.
   */
  static String luceneQuery(String text) {
    var sb = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (word.isEmpty()) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append("+\"").append(QueryParserBase.escape(word)).append('"');
    }
    return sb.toString();
  }

  @Override
  public void close() {
    index.close();
  }
}

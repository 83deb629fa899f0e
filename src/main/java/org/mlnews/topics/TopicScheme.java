package org.mlnews.topics;

import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * The topic scheme of {@code ontology/topics.ttl}, read once into plain immutable Java objects:
 * lookup by key or label, the narrower-concept closure for queries, and the {@link TopicTagger}
 * that assigns topics to entry texts. Everything a user may want to change (a new topic, a
 * synonym, a translation error, a word that must not count as a mention) lives in the Turtle
 * file; this class holds no topic knowledge of its own.
 *
 * <pre>{@code
 * TopicScheme scheme = TopicScheme.load(Path.of("ontology/topics.ttl"));
 * scheme.resolve("变形金刚").map(Topic::key);     // Optional[Transformer]
 * scheme.narrowerOrSelf("GAN");                    // [BigGAN, GAN, StyleGAN]
 * scheme.tagger().tag("蒸馏比干", "TinyGAN:提取 BigGAN"); // [BigGAN, GAN, KnowledgeDistillation]
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class TopicScheme {
  static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
  static final String ML = "https://mlnews.example.org/ontology#";
  static final Node RDF_TYPE = uri("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
  static final Node CONCEPT = uri(SKOS + "Concept");
  static final Node NOTATION = uri(SKOS + "notation");
  static final Node PREF_LABEL = uri(SKOS + "prefLabel");
  static final Node ALT_LABEL = uri(SKOS + "altLabel");
  static final Node HIDDEN_LABEL = uri(SKOS + "hiddenLabel");
  static final Node BROADER = uri(SKOS + "broader");
  static final Node NARROWER = uri(SKOS + "narrower");
  static final Node HIDDEN_EXCLUSION = uri(ML + "hiddenExclusion");
  static final Node SUFFIX_LABEL = uri(ML + "suffixLabel");

  private final List<Topic> topics;
  private final Map<String, Topic> byKey;
  /** Normalised key / label to topic; keys win over pref labels, which win over alt labels. */
  private final Map<String, Topic> byLabel;
  private final Map<String, Set<String>> narrowerOrSelf;
  private final TopicTagger tagger;

  private TopicScheme(List<Topic> topics, Map<String, Set<String>> narrower,
      Map<String, TopicTagger.Rules> rules) {
    this.topics = List.copyOf(topics);
    var keys = new HashMap<String, Topic>();
    for (Topic t : topics) {
      keys.put(t.key(), t);
    }
    this.byKey = Map.copyOf(keys);
    this.byLabel = Map.copyOf(indexLabels(topics));
    var closure = new HashMap<String, Set<String>>();
    for (Topic t : topics) {
      closure.put(t.key(), Collections.unmodifiableSet(close(t.key(), narrower)));
    }
    this.narrowerOrSelf = Map.copyOf(closure);
    this.tagger = new TopicTagger(rules);
  }

  /** Reads a topic scheme from a Turtle (or any RDF syntax Jena recognises by extension) file. */
  public static TopicScheme load(Path topicsTtl) {
    return load(org.mlnews.rdf.RdfFiles.read(topicsTtl));
  }

  /** A scheme without topics: for binding queries that have no topic parameter. */
  public static TopicScheme empty() {
    return load(org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
  }

  /**
   * Reads the topic scheme from a graph: every {@code skos:Concept}, keyed by its
   * {@code skos:notation} (or, without one, the last segment of its IRI).
   *
   * @throws IllegalArgumentException if two concepts share a key or a broader/narrower link
   *                                  points outside the scheme
   */
  public static TopicScheme load(Graph g) {
    var keyOf = new TreeMap<String, String>(); // iri -> key
    for (Node c : subjectsOfType(g, CONCEPT)) {
      String key = firstLiteral(g, c, NOTATION);
      if (key == null) {
        String iri = c.getURI();
        key = iri.substring(Math.max(iri.lastIndexOf('/'), iri.lastIndexOf('#')) + 1);
      }
      if (keyOf.containsValue(key)) {
        throw new IllegalArgumentException("two concepts have the key " + key);
      }
      keyOf.put(c.getURI(), key);
    }
    var topics = new ArrayList<Topic>();
    var narrower = new HashMap<String, Set<String>>();
    var rules = new HashMap<String, TopicTagger.Rules>();
    for (var e : keyOf.entrySet()) {
      Node c = NodeFactory.createURI(e.getKey());
      String key = e.getValue();
      var pref = new TreeMap<String, String>();
      for (Node l : objects(g, c, PREF_LABEL)) {
        if (l.isLiteral()) {
          pref.putIfAbsent(l.getLiteralLanguage().isEmpty() ? "" : l.getLiteralLanguage(), l.getLiteralLexicalForm());
        }
      }
      List<String> alt = sortedLabels(g, c, ALT_LABEL);
      List<String> hidden = sortedLabels(g, c, HIDDEN_LABEL);
      var broader = new TreeSet<String>();
      for (Node b : objects(g, c, BROADER)) {
        broader.add(keyIn(keyOf, b, key));
      }
      // skos:narrower is the inverse of skos:broader; accept either so a user who writes only one
      // side of a link still gets the hierarchy.
      for (Node n : objects(g, c, NARROWER)) {
        narrower.computeIfAbsent(key, k -> new TreeSet<>()).add(keyIn(keyOf, n, key));
      }
      for (String b : broader) {
        narrower.computeIfAbsent(b, k -> new TreeSet<>()).add(key);
      }
      topics.add(new Topic(key, e.getKey(), pref, alt, hidden, List.copyOf(broader)));

      var labels = new LinkedHashSet<String>();
      labels.add(key);
      labels.addAll(pref.values());
      labels.addAll(alt);
      labels.addAll(hidden);
      rules.put(key, new TopicTagger.Rules(List.copyOf(labels), sortedLabels(g, c, SUFFIX_LABEL),
          sortedLabels(g, c, HIDDEN_EXCLUSION)));
    }
    topics.sort(Comparator.comparing(Topic::key));
    return new TopicScheme(topics, narrower, rules);
  }

  /** All topics, sorted by key. */
  public List<Topic> topics() {
    return topics;
  }

  /** The topic with exactly this key. */
  public Optional<Topic> topic(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /**
   * Finds a topic by key, preferred label or alternative label, in any language, ignoring case,
   * width (full-width Latin) and spacing: {@code "gan"}, {@code "生成对抗网络"}, {@code "甘斯"},
   * {@code "GPT 3"} all resolve.
   */
  public Optional<Topic> resolve(String keyOrLabel) {
    if (keyOrLabel == null || keyOrLabel.isBlank()) {
      return Optional.empty();
    }
    Topic t = byKey.get(keyOrLabel.strip());
    if (t == null) {
      t = byLabel.get(compact(keyOrLabel));
    }
    return Optional.ofNullable(t);
  }

  /**
   * The key and the keys of all concepts below it, transitively: what a query for the topic
   * should match ({@code GenerativeModel} includes entries tagged {@code BigGAN}).
   *
   * @throws IllegalArgumentException if no topic has this key
   */
  public Set<String> narrowerOrSelf(String key) {
    Set<String> s = narrowerOrSelf.get(key);
    if (s == null) {
      throw new IllegalArgumentException("no topic with key " + key);
    }
    return s;
  }

  /** The tagger built from this scheme's labels and rules (built once, shared). */
  public TopicTagger tagger() {
    return tagger;
  }

  // -------------------------------------------------------------------------------------------

  private static Map<String, Topic> indexLabels(List<Topic> topics) {
    var m = new HashMap<String, Topic>();
    // Lowest priority first, so keys overwrite labels that happen to collide with them.
    for (Topic t : topics) {
      t.altLabels().forEach(l -> m.putIfAbsent(compact(l), t));
    }
    for (Topic t : topics) {
      t.hiddenLabels().forEach(l -> m.putIfAbsent(compact(l), t));
    }
    for (Topic t : topics) {
      t.prefLabels().values().forEach(l -> m.put(compact(l), t));
    }
    for (Topic t : topics) {
      m.put(compact(t.key()), t);
    }
    return m;
  }

  /** Lookup form: NFKC, lower case, without spaces, hyphens and underscores. */
  static String compact(String s) {
    String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return n.replaceAll("[\\s\\-_‐–·・]+", "");
  }

  private static Set<String> close(String key, Map<String, Set<String>> narrower) {
    var seen = new TreeSet<String>();
    var todo = new ArrayDeque<String>();
    todo.add(key);
    while (!todo.isEmpty()) {
      String k = todo.pop();
      if (seen.add(k)) {
        todo.addAll(narrower.getOrDefault(k, Set.of()));
      }
    }
    return seen;
  }

  private static String keyIn(Map<String, String> keyOf, Node n, String from) {
    String k = n.isURI() ? keyOf.get(n.getURI()) : null;
    if (k == null) {
      throw new IllegalArgumentException(from + " links to " + n + ", which is not a concept of the scheme");
    }
    return k;
  }

  private static List<Node> subjectsOfType(Graph g, Node type) {
    var out = new ArrayList<Node>();
    g.find(Node.ANY, RDF_TYPE, type).forEachRemaining((Triple t) -> {
      if (t.getSubject().isURI()) {
        out.add(t.getSubject());
      }
    });
    return out;
  }

  private static List<Node> objects(Graph g, Node s, Node p) {
    var out = new ArrayList<Node>();
    g.find(s, p, Node.ANY).forEachRemaining(t -> out.add(t.getObject()));
    return out;
  }

  private static String firstLiteral(Graph g, Node s, Node p) {
    return objects(g, s, p).stream().filter(Node::isLiteral).map(Node::getLiteralLexicalForm)
        .sorted().findFirst().orElse(null);
  }

  /** Literal labels sorted by language then text: RDF graphs are unordered, results must not be. */
  private static List<String> sortedLabels(Graph g, Node s, Node p) {
    return objects(g, s, p).stream().filter(Node::isLiteral)
        .sorted(Comparator.comparing(Node::getLiteralLanguage).thenComparing(Node::getLiteralLexicalForm))
        .map(Node::getLiteralLexicalForm).distinct().toList();
  }

  private static Node uri(String s) {
    return NodeFactory.createURI(s);
  }
}

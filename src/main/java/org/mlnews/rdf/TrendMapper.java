package org.mlnews.rdf;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.mlnews.topics.Topic;
import org.mlnews.topics.TopicScheme;

/**
 * The trend statistics of a week-year, as RDF Data Cube observations in the year's own graph
 * ({@link Iris#trendGraph}): the year's issues and entries ({@code ml:yearTotals}), and for every
 * topic of the scheme the entries tagged with it or a narrower topic, 0 included
 * ({@code ml:topicMentions}). They are derived from the issue graphs, one {@link Tally} per issue,
 * so that a trend over many years reads a few observations per year instead of counting every entry
 * of every week; the builder recomputes a year whenever one of its issues changes.
 *
 * <pre>{@code
 * TrendMapper trends = new TrendMapper(iris, topics);
 * Tally t = trends.tally(iris.issueGraph(slug), iris.issue(slug), graph).orElseThrow();   // per issue
 * trends.map(t.plus(other), StreamRDFLib.graph(yearGraph));   // per week-year
 * }</pre>
 */
public final class TrendMapper {
  private final Iris iris;
  /** A topic's IRI to the keys of it and every broader topic: the topics an entry tagged with it mentions. */
  private final Map<Node, List<String>> mentionedBy;
  /** Every topic of the scheme by key, in key order: each has an observation in every year. */
  private final Map<String, Node> topicIri;

  public TrendMapper(Iris iris, TopicScheme topics) {
    this.iris = Objects.requireNonNull(iris, "iris");
    var up = new HashMap<Node, List<String>>();
    var byKey = new HashMap<String, Node>();
    for (Topic t : topics.topics()) {
      byKey.put(t.key(), NodeFactory.createURI(t.iri()));
    }
    for (Topic t : topics.topics()) {
      for (String narrower : topics.narrowerOrSelf(t.key())) {
        up.computeIfAbsent(byKey.get(narrower), k -> new ArrayList<>()).add(t.key());
      }
    }
    up.replaceAll((k, v) -> List.copyOf(v));
    this.mentionedBy = Map.copyOf(up);
    this.topicIri = Collections.unmodifiableMap(new TreeMap<>(byKey));
  }

  /**
   * What issues add up to in a week-year: their graphs, how many issues and entries, and per topic
   * key the entries that mention the topic (tagged with it or a narrower one).
   */
  public record Tally(int weekYear, List<Node> graphs, int issues, int entries, Map<String, Integer> mentions) {
    public Tally {
      graphs = List.copyOf(graphs);
      mentions = Collections.unmodifiableMap(new TreeMap<>(mentions));
    }

    /** The two tallies of one week-year together. */
    public Tally plus(Tally other) {
      if (other.weekYear != weekYear) {
        throw new IllegalArgumentException("week-years " + weekYear + " and " + other.weekYear);
      }
      var sum = new HashMap<>(mentions);
      other.mentions.forEach((k, n) -> sum.merge(k, n, Integer::sum));
      var g = new ArrayList<>(graphs);
      g.addAll(other.graphs);
      return new Tally(weekYear, g, issues + other.issues, entries + other.entries, sum);
    }
  }

  /**
   * The tally of one issue from its graph (built, or read from the store): empty when the graph
   * gives the issue no week, as then it has no place in a trend.
   */
  public Optional<Tally> tally(Node graphName, Node issue, Graph graph) {
    Optional<Integer> year = graph.find(issue, Vocab.WEEK_PROP, Node.ANY).nextOptional()
        .flatMap(t -> graph.find(t.getObject(), Vocab.WEEK_YEAR, Node.ANY).nextOptional())
        .map(t -> Integer.valueOf(t.getObject().getLiteralLexicalForm()));
    if (year.isEmpty()) {
      return Optional.empty();
    }
    var mentions = new HashMap<String, Integer>();
    int[] entries = {0};
    // ml:hasEntry, not ml:inIssue, which sections carry too.
    graph.find(issue, Vocab.HAS_ENTRY, Node.ANY).forEachRemaining(t -> {
      entries[0]++;
      Set<String> topics = new LinkedHashSet<>();
      graph.find(t.getObject(), Vocab.DC_SUBJECT, Node.ANY)
          .forEachRemaining(s -> topics.addAll(mentionedBy.getOrDefault(s.getObject(), List.of())));
      topics.forEach(k -> mentions.merge(k, 1, Integer::sum));
    });
    return Optional.of(new Tally(year.get(), List.of(graphName), 1, entries[0], mentions));
  }

  /** A week-year's observations, and the graphs they were derived from, from its issues' tally. */
  public void map(Tally year, StreamRDF out) {
    Node graph = iris.trendGraph(year.weekYear());
    Node y = IssueMapper.integer(year.weekYear());
    for (Node source : year.graphs()) {
      emit(out, graph, Vocab.PROV_WAS_DERIVED_FROM, source);
    }
    Node totals = iris.yearTotals(year.weekYear());
    emit(out, totals, Vocab.RDF_TYPE, Vocab.QB_OBSERVATION);
    emit(out, totals, Vocab.RDFS_LABEL, NodeFactory.createLiteralLang("Issues and entries of " + year.weekYear(), "en"));
    emit(out, totals, Vocab.QB_DATA_SET, Vocab.YEAR_TOTALS);
    emit(out, totals, Vocab.TREND_YEAR, y);
    emit(out, totals, Vocab.ISSUE_COUNT, IssueMapper.integer(year.issues()));
    emit(out, totals, Vocab.ENTRY_COUNT, IssueMapper.integer(year.entries()));
    // Every topic, mentioned or not: a year's 0 is then read like any other count, one index range
    // per topic, where finding the years without an observation would take a look-up per year.
    topicIri.forEach((key, topic) -> {
      Node obs = iris.topicMentions(year.weekYear(), key);
      emit(out, obs, Vocab.RDF_TYPE, Vocab.QB_OBSERVATION);
      emit(out, obs, Vocab.RDFS_LABEL, NodeFactory.createLiteralLang("Mentions of " + key + " in " + year.weekYear(), "en"));
      emit(out, obs, Vocab.QB_DATA_SET, Vocab.TOPIC_MENTIONS);
      emit(out, obs, Vocab.TREND_YEAR, y);
      emit(out, obs, Vocab.TOPIC_PROP, topic);
      emit(out, obs, Vocab.MENTIONS, IssueMapper.integer(year.mentions().getOrDefault(key, 0)));
    });
  }

  private static void emit(StreamRDF out, Node s, Node p, Node o) {
    out.triple(Triple.create(s, p, o));
  }
}

package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.mlnews.topics.TopicScheme;

/** An issue's tally counts each entry once per topic it mentions, broader topics included. */
class TrendMapperTest {
  private static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  private static final TopicScheme TOPICS = TopicScheme.load(Path.of("ontology", "topics.ttl"));
  private final TrendMapper trends = new TrendMapper(IRIS, TOPICS);

  private static Node topic(String key) {
    return NodeFactory.createURI(TOPICS.topic(key).orElseThrow().iri());
  }

  /** An issue of week 2021-W01 with three entries: GAN and StyleGAN, VAE, nothing. */
  private static Graph issue(String slug) {
    Graph g = GraphFactory.createDefaultGraph();
    Node issue = IRIS.issue(slug);
    Node week = NodeFactory.createURI(IRIS.base() + "time/week/2021-W01");
    g.add(Triple.create(issue, Vocab.WEEK_PROP, week));
    g.add(Triple.create(week, Vocab.WEEK_YEAR, IssueMapper.integer(2021)));
    // A section is in the issue too (ml:inIssue) but is no entry.
    g.add(Triple.create(IRIS.section(slug, 1), Vocab.IN_ISSUE, issue));
    String[][] subjects = {{"GAN", "StyleGAN"}, {"VAE"}, {}};
    for (int i = 0; i < subjects.length; i++) {
      Node entry = IRIS.entry(slug, "e" + i);
      g.add(Triple.create(entry, Vocab.IN_ISSUE, issue));
      g.add(Triple.create(issue, Vocab.HAS_ENTRY, entry));
      for (String key : subjects[i]) {
        g.add(Triple.create(entry, Vocab.DC_SUBJECT, topic(key)));
      }
    }
    return g;
  }

  @Test
  void anEntryCountsOncePerTopicItMentionsBroaderTopicsIncluded() {
    var t = trends.tally(IRIS.issueGraph("a"), IRIS.issue("a"), issue("a")).orElseThrow();
    assertEquals(2021, t.weekYear());
    assertEquals(1, t.issues());
    assertEquals(3, t.entries());
    // VAE is narrower than both GenerativeModel and Autoencoder; the GAN entry names GAN twice over.
    assertEquals(Map.of("GAN", 1, "StyleGAN", 1, "GenerativeModel", 2, "VAE", 1, "Autoencoder", 1,
        "RepresentationLearning", 1), t.mentions());
  }

  @Test
  void aYearsGraphHasEveryTopicZeroIncludedAndItsSources() {
    var year = trends.tally(IRIS.issueGraph("a"), IRIS.issue("a"), issue("a")).orElseThrow()
        .plus(trends.tally(IRIS.issueGraph("b"), IRIS.issue("b"), issue("b")).orElseThrow());
    Graph g = GraphFactory.createDefaultGraph();
    trends.map(year, StreamRDFLib.graph(g));
    Node totals = IRIS.yearTotals(2021);
    assertTrue(g.contains(totals, Vocab.ISSUE_COUNT, IssueMapper.integer(2)));
    assertTrue(g.contains(totals, Vocab.ENTRY_COUNT, IssueMapper.integer(6)));
    assertTrue(g.contains(IRIS.topicMentions(2021, "GenerativeModel"), Vocab.MENTIONS, IssueMapper.integer(4)));
    assertTrue(g.contains(IRIS.topicMentions(2021, "BigGAN"), Vocab.MENTIONS, IssueMapper.integer(0)));
    assertEquals(TOPICS.topics().size(), g.find(Node.ANY, Vocab.TOPIC_PROP, Node.ANY).toList().size());
    assertEquals(2, g.find(IRIS.trendGraph(2021), Vocab.PROV_WAS_DERIVED_FROM, Node.ANY).toList().size());
  }

  /** A year's graph conforms to the shapes; duplicates, gaps, a wrong year and a missing type do not. */
  @Test
  void theShapesAcceptAYearAndCatchBrokenOnes() {
    var shapes = org.apache.jena.shacl.Shapes.parse(org.apache.jena.riot.RDFParser.source(Path.of("ontology/shapes.ttl")).toGraph());
    java.util.function.Function<java.util.function.Consumer<Graph>, java.util.Set<String>> violations = breakIt -> {
      Graph g = GraphFactory.createDefaultGraph();
      trends.map(trends.tally(IRIS.issueGraph("a"), IRIS.issue("a"), issue("a")).orElseThrow(), StreamRDFLib.graph(g));
      org.apache.jena.riot.RDFParser.source(Path.of("ontology/topics.ttl")).parse(g);
      breakIt.accept(g);
      var report = org.apache.jena.shacl.ShaclValidator.get().validate(shapes, g);
      var out = new java.util.TreeSet<String>();
      report.getEntries().forEach(e -> out.add(e.focusNode().getURI().replaceFirst(".*/trend/", "")));
      return out;
    };
    assertEquals(java.util.Set.of(), violations.apply(g -> { }));
    Node gan = IRIS.topicMentions(2021, "GAN");
    Node dup = NodeFactory.createURI(IRIS.base() + "trend/2021/Dup");
    assertEquals(java.util.Set.of("2021/GAN", "2021/Dup"), violations.apply(g -> {
      g.find(gan, Node.ANY, Node.ANY).toList().forEach(t -> g.add(Triple.create(dup, t.getPredicate(), t.getObject())));
    }), "two observations of GAN in 2021");
    assertEquals(java.util.Set.of("2021"), violations.apply(g -> g.remove(gan, Node.ANY, Node.ANY)),
        "no observation of GAN in 2021");
    assertEquals(java.util.Set.of("2021", "2021/GAN"), violations.apply(g -> {
      g.remove(gan, Vocab.TREND_YEAR, Node.ANY);
      g.add(Triple.create(gan, Vocab.TREND_YEAR, IssueMapper.integer(1999)));
    }), "an IRI of 2021 counting 1999 (and 2021 then lacks GAN)");
    assertEquals(java.util.Set.of("2021/GAN"), violations.apply(g -> g.remove(gan, Vocab.RDF_TYPE, Node.ANY)),
        "no qb:Observation type");
  }

  @Test
  void anIssueWithoutAWeekHasNoTally() {
    Graph g = issue("a");
    g.remove(IRIS.issue("a"), Vocab.WEEK_PROP, Node.ANY);
    assertTrue(trends.tally(IRIS.issueGraph("a"), IRIS.issue("a"), g).isEmpty());
  }
}

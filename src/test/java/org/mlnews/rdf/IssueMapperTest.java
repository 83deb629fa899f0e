package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.Issue;
import org.mlnews.issue.IssueJson;
import org.mlnews.issue.WeekRef;

/**
 * Golden-file test of the mapping: {@code mapping/<case>.json} (an extracted issue) must map to a
 * graph isomorphic to {@code mapping/<case>.ttl}. Regenerate with {@code -Dgolden.update=true}
 * and review the diff by hand.
 */
class IssueMapperTest {
  static final Path DIR = Path.of("src/test/resources/mapping");
  static final Provenance PROV = new Provenance("x.md", "0".repeat(64), "test",
      Instant.parse("2020-10-11T00:00:00Z"));
  final IssueMapper mapper = new IssueMapper(new Iris(Iris.DEFAULT_BASE));

  static Graph map(IssueMapper mapper, Issue issue, WeekRef inferred) {
    Graph g = GraphFactory.createDefaultGraph();
    mapper.map(issue, PROV, inferred, StreamRDFLib.graph(g));
    return g;
  }

  @Test
  void smallWeekMatchesGolden() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    Graph actual = map(mapper, issue, null);
    Path golden = DIR.resolve("small-week.ttl");
    if (Boolean.getBoolean("golden.update")) {
      var out = new ByteArrayOutputStream();
      var model = org.apache.jena.rdf.model.ModelFactory.createModelForGraph(actual);
      model.setNsPrefix("ml", Vocab.ML);
      model.setNsPrefix("topic", Vocab.TOPIC);
      model.setNsPrefix("dcterms", Vocab.DCTERMS);
      model.setNsPrefix("time", Vocab.TIME);
      model.setNsPrefix("schema", Vocab.SCHEMA);
      model.setNsPrefix("prov", Vocab.PROV);
      model.setNsPrefix("foaf", Vocab.FOAF);
      model.setNsPrefix("bibo", Vocab.BIBO);
      model.setNsPrefix("rdfs", Vocab.RDFS);
      model.setNsPrefix("xsd", Vocab.XSD);
      model.setNsPrefix("d", Iris.DEFAULT_BASE);
      RDFDataMgr.write(out, model, Lang.TURTLE);
      Files.writeString(golden, out.toString(StandardCharsets.UTF_8));
    }
    Graph expected = GraphFactory.createDefaultGraph();
    RDFParser.source(golden).parse(expected);
    if (!expected.isIsomorphicWith(actual)) {
      var out = new ByteArrayOutputStream();
      RDFDataMgr.write(out, actual, Lang.TURTLE);
      throw new AssertionError("mapping differs from " + golden + "; actual:\n" + out);
    }
  }

  @Test
  void aRepositoryAVideoAndACourseAreWorksNotArticles() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    var entries = new java.util.ArrayList<org.mlnews.issue.Entry>();
    var urls = Map.of("https://github.com/google/brax", "SoftwareSourceCode",
        "https://www.youtube.com/watch?v=abc", "VideoObject", "https://www.coursera.org/learn/gan", "Course",
        "https://ai.googleblog.com/2021/07/post.html", "");
    for (String url : new java.util.TreeSet<>(urls.keySet())) {
      entries.add(new org.mlnews.issue.Entry(2, org.mlnews.issue.SectionKind.ARTICLES, "h", "t", null,
          org.mlnews.issue.EntryKind.ARTICLE, List.of(new org.mlnews.issue.Link(url, null)), Map.of(), List.of(),
          List.of(), false, 10 + entries.size()));
    }
    Graph g = map(mapper, issue.withEntries(entries), null);
    var iris = new Iris(Iris.DEFAULT_BASE);
    urls.forEach((url, type) -> {
      Node work = iris.article(url);
      if (type.isEmpty()) {
        assertTrue(g.contains(work, Vocab.RDF_TYPE, Vocab.ARTICLE), url);
      } else {
        assertTrue(g.contains(work, Vocab.RDF_TYPE, Vocab.WORK), url);
        assertTrue(g.contains(work, Vocab.RDF_TYPE, NodeFactory.createURI(Vocab.SCHEMA + type)), url);
        assertFalse(g.contains(work, Vocab.RDF_TYPE, Vocab.ARTICLE), url);
      }
    });
  }

  @Test
  void paperIsKeyedByItsIdentifierWhicheverIssueMentionsIt() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    Graph g = map(mapper, issue, null);
    Node paper = NodeFactory.createURI(Iris.DEFAULT_BASE + "paper/arxiv/2009.13829");
    assertTrue(g.contains(paper, Vocab.RDF_TYPE, Vocab.PAPER));
    assertTrue(g.contains(paper, Vocab.FOAF_PAGE, NodeFactory.createURI("https://doi.org/10.48550/arXiv.2009.13829")));
    assertTrue(g.contains(paper, Vocab.FOAF_PAGE, NodeFactory.createURI("https://arxiv.org/abs/2009.13829")));
  }

  @Test
  void proceedingsPaperLinksItsProceedingsPage() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    String url = "https://papers.nips.cc/paper/2020/hash/2cfa8f9e50e0f510ede9d12338a5f564-Abstract.html";
    var entry = new org.mlnews.issue.Entry(1, org.mlnews.issue.SectionKind.PAPERS, "SuperLoss",
        "SuperLoss: A Generic Loss for Robust Curriculum Learning", null,
        org.mlnews.issue.EntryKind.PAPER, java.util.List.of(new org.mlnews.issue.Link(url, null)),
        java.util.Map.of("neurips", java.util.List.of("2cfa8f9e50e0f510ede9d12338a5f564")),
        null, null, false, 20);
    Graph g = map(mapper, issue.withEntries(java.util.List.of(entry)), null);
    Node paper = NodeFactory.createURI(Iris.DEFAULT_BASE + "paper/neurips/2cfa8f9e50e0f510ede9d12338a5f564");
    assertTrue(g.contains(paper, Vocab.FOAF_PAGE, NodeFactory.createURI(url)));
    assertTrue(g.contains(paper, Vocab.PROCEEDINGS_ID,
        NodeFactory.createLiteralString("neurips:2cfa8f9e50e0f510ede9d12338a5f564")));
  }

  @Test
  void anEntryPresentingTwoPapersIsAboutBoth() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    var e = issue.entries().get(0);
    var two = new org.mlnews.issue.Entry(e.section(), e.sectionKind(), e.heading(), e.title(), e.summary(),
        e.kind(), e.links(), java.util.Map.of("arxiv", java.util.List.of("2009.13829", "2010.02772")),
        e.images(), e.topics(), e.editorsPick(), e.line());
    Graph g = map(mapper, issue.withEntries(java.util.List.of(two)), null);
    Node entry = mapper.iris().entry(issue.slug(), "arxiv-2009.13829");
    assertEquals(2, g.find(entry, Vocab.ABOUT, Node.ANY).toList().size());
    assertEquals(1, g.find(mapper.iris().paper("arxiv", "2009.13829"), Vocab.ARXIV_ID, Node.ANY).toList().size());
    // The entry's one title cannot be both papers'.
    assertTrue(g.find(Node.ANY, Vocab.DC_TITLE, Node.ANY).filterKeep(t -> t.getSubject().getURI().contains("/paper/"))
        .toList().isEmpty());
  }

  @Test
  void entriesAreNamedByWhatTheyPresentSoAnInsertedEntryRenamesNoOther() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    var before = entryNames(map(mapper, issue, null));
    var entries = new java.util.ArrayList<>(issue.entries());
    var first = entries.get(0);
    // A new first entry, and the old first one again (a second entry about the same paper).
    entries.add(0, new org.mlnews.issue.Entry(first.section(), first.sectionKind(), "New", null, null,
        first.kind(), java.util.List.of(new org.mlnews.issue.Link("https://a.example/new", "new")), java.util.Map.of(),
        java.util.List.of(), java.util.List.of(), false, 1));
    entries.add(first);
    var after = entryNames(map(mapper, issue.withEntries(entries), null));
    before.forEach((position, name) -> assertEquals(name, after.get(position + 1), "entry " + position));
    String key = "arxiv-2009.13829";
    assertTrue(before.get(1).getURI().endsWith("/entry/" + key), before.get(1).getURI());
    assertEquals(mapper.iris().entry(issue.slug(), key + "-2"), after.get(entries.size()));
    assertEquals(mapper.iris().entry(issue.slug(), Iris.documentKey("https://a.example/new")), after.get(1));
  }

  @Test
  void aSecondEntryOfTheSameWorkIsNotNamedLikeAThird() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    var e = issue.entries().get(0);
    java.util.function.Function<String, org.mlnews.issue.Entry> about = id -> new org.mlnews.issue.Entry(
        e.section(), e.sectionKind(), id, null, null, e.kind(), java.util.List.of(),
        java.util.Map.of("openreview", java.util.List.of(id)), java.util.List.of(), java.util.List.of(), false, 1);
    var names = entryNames(map(mapper, issue.withEntries(java.util.List.of(about.apply("abc"), about.apply("abc"),
        about.apply("abc-2"))), null));
    assertEquals(3, new java.util.HashSet<>(names.values()).size(), names.toString());
    assertEquals(mapper.iris().entry(issue.slug(), "openreview-abc-2"), names.get(2));
    assertEquals(mapper.iris().entry(issue.slug(), "openreview-abc-2-2"), names.get(3));
  }

  /** Entry nodes by their ml:position. */
  private static java.util.Map<Integer, Node> entryNames(Graph g) {
    var out = new java.util.TreeMap<Integer, Node>();
    g.find(Node.ANY, Vocab.POSITION, Node.ANY).forEach(t -> {
      if (g.contains(t.getSubject(), Vocab.RDF_TYPE, Vocab.ENTRY)) {
        out.put(Integer.valueOf(t.getObject().getLiteralLexicalForm()), t.getSubject());
      }
    });
    return out;
  }

  @Test
  void imagesGivenAsUrlsAreIrisAndRelativePathsAreFiles() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    var e = issue.entries().get(0);
    var withImages = new org.mlnews.issue.Entry(e.section(), e.sectionKind(), e.heading(), e.title(), e.summary(),
        e.kind(), e.links(), e.ids(), java.util.List.of("https://miro.medium.com/max/700/1*x.png", "img/a.png"),
        e.topics(), e.editorsPick(), e.line());
    Graph g = map(mapper, issue.withEntries(java.util.List.of(withImages)), null);
    Node entry = mapper.iris().entry(issue.slug(), "arxiv-2009.13829");
    assertEquals(java.util.List.of(NodeFactory.createURI("https://miro.medium.com/max/700/1*x.png")),
        g.find(entry, Vocab.SCHEMA_IMAGE, Node.ANY).mapWith(t -> t.getObject()).toList());
    assertEquals(java.util.List.of(NodeFactory.createLiteralString("img/a.png")),
        g.find(entry, Vocab.IMAGE_FILE, Node.ANY).mapWith(t -> t.getObject()).toList());
  }

  @Test
  void weekIsInTheQuarterOfItsSundayAndOverlapsTheNext() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    Graph g = map(mapper, issue, null);
    var iris = mapper.iris();
    // Week 40 of 2020 runs from Sunday 27 September to Saturday 3 October.
    Node week = iris.week(new WeekRef(2020, 40));
    assertTrue(g.contains(week, Vocab.IN_PERIOD, iris.quarter(2020, 3)));
    assertTrue(g.contains(week, Vocab.OVERLAPS, iris.quarter(2020, 4)));
    assertFalse(g.contains(week, Vocab.IN_PERIOD, iris.quarter(2020, 4)));
    // Containment in OWL-Time's sense only where it holds: the week lies in 2020, not in Q3.
    assertTrue(g.contains(week, Vocab.TIME_INTERVAL_IN, iris.year(2020)));
    assertFalse(g.contains(week, Vocab.TIME_INTERVAL_IN, iris.quarter(2020, 3)));
    assertFalse(g.contains(week, Vocab.TIME_INTERVAL_IN, iris.quarter(2020, 4)));
    Node september = iris.month(java.time.YearMonth.of(2020, 9));
    assertTrue(g.contains(september, Vocab.TIME_INTERVAL_IN, iris.quarter(2020, 3)));
    assertTrue(g.contains(iris.quarter(2020, 3), Vocab.TIME_INTERVAL_IN, iris.year(2020)));
  }

  @Test
  void inferredWeekIsMarked() throws Exception {
    Issue issue = IssueJson.read(DIR.resolve("small-week.json"));
    Issue undated = new Issue(issue.slug(), null, issue.title(), "en", null, null, 25, null,
        null, null, null, null);
    Graph g = map(mapper, undated, new WeekRef(2021, 32));
    Node node = mapper.iris().issue(issue.slug());
    assertTrue(g.contains(node, Vocab.WEEK_PROP, mapper.iris().week(new WeekRef(2021, 32))));
    assertTrue(g.contains(node, Vocab.DATE_INFERRED, Node.ANY));
    assertEquals(0, g.find(mapper.iris().issue(issue.slug()), Vocab.HAS_ENTRY, Node.ANY).toList().size());
  }
}

package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.issue.SourceException;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/** Builds real TDB2 stores from the bundled issues: incremental, idempotent, and safe on bad input. */
class BuilderIT {
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final String W48 = "akiras-ml-news-week48-2020-150accbf126e";
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  @TempDir Path tmp;
  Path data;

  @BeforeEach
  void copyData() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    for (String slug : List.of(W41, W48)) {
      Files.copy(Path.of("data", slug + ".md"), data.resolve(slug + ".md"));
    }
  }

  BuildReport build(Path storeDir) {
    try (Store store = Store.open(storeDir)) {
      return new Builder(data, Path.of("ontology"), IRIS).build(store);
    }
  }

  /** Every named graph, without the build time, which differs between builds. */
  static Map<Node, Graph> content(Path storeDir) {
    try (Store store = Store.open(storeDir)) {
      return store.read(() -> {
        var all = new HashMap<Node, Graph>();
        store.datasetGraph().find().forEachRemaining(q -> {
          if (!q.getPredicate().equals(Vocab.PROV_GENERATED_AT_TIME)) {
            all.computeIfAbsent(q.getGraph(), g -> GraphFactory.createDefaultGraph()).add(q.asTriple());
          }
        });
        return all;
      });
    }
  }

  /** Same graph names, and each pair of graphs isomorphic (blank nodes in the ontology differ by label). */
  static void assertSameContent(Map<Node, Graph> expected, Map<Node, Graph> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, g) -> assertTrue(g.isIsomorphicWith(actual.get(name)), "graph " + name + " differs"));
  }

  static Graph graph(Path storeDir, String slug) {
    try (Store store = Store.open(storeDir)) {
      return store.read(() -> {
        Graph copy = GraphFactory.createDefaultGraph();
        store.datasetGraph().getGraph(IRIS.issueGraph(slug)).find().forEachRemaining(copy::add);
        return copy;
      });
    }
  }

  @Test
  void aBuildWithNothingToDoLeavesTheStoresFilesAlone() throws Exception {
    build(tmp.resolve("store"));
    Store.Signature before;
    try (Store store = Store.open(tmp.resolve("store"))) {
      before = store.signature();
    }
    // The source files touched, not changed: read and hashed again, found unchanged.
    for (String slug : List.of(W41, W48)) {
      Files.setLastModifiedTime(data.resolve(slug + ".md"), java.nio.file.attribute.FileTime.from(java.time.Instant.now()));
    }
    BuildReport r = build(tmp.resolve("store"));
    assertEquals(List.of(W41, W48), r.unchanged());
    try (Store store = Store.open(tmp.resolve("store"))) {
      // The page cache and the dumps' ETags go by this: a build that wrote nothing keeps them.
      assertEquals(before, store.signature());
    }
  }

  @Test
  void firstBuildLoadsBothIssuesWithOntologyAndTopics() {
    BuildReport r = build(tmp.resolve("store"));
    assertEquals(List.of(W41, W48), r.added());
    assertTrue(r.ok());
    assertEquals(2, r.issues());
    try (Store store = Store.open(tmp.resolve("store"))) {
      store.read(() -> {
        var dsg = store.datasetGraph();
        assertFalse(dsg.getGraph(IRIS.ontologyGraph()).isEmpty());
        assertFalse(dsg.getGraph(IRIS.topicsGraph()).isEmpty());
        assertTrue(dsg.getUnionGraph().contains(IRIS.issue(W41), Vocab.RDF_TYPE, Vocab.ISSUE));
        return null;
      });
    }
  }

  @Test
  void secondBuildChangesNothing() {
    Path store = tmp.resolve("store");
    build(store);
    Graph before = graph(store, W41);
    BuildReport again = build(store);
    assertEquals(List.of(W41, W48), again.unchanged());
    assertTrue(again.added().isEmpty() && again.updated().isEmpty() && again.removed().isEmpty());
    assertTrue(before.isIsomorphicWith(graph(store, W41)), "an unchanged issue's graph is not rewritten");
  }

  @Test
  void twoFreshBuildsOfTheSameDataHoldTheSameTriples() {
    build(tmp.resolve("a"));
    build(tmp.resolve("b"));
    assertSameContent(content(tmp.resolve("a")), content(tmp.resolve("b")));
  }

  @Test
  void changedFileReplacesOnlyItsGraph() throws Exception {
    Path store = tmp.resolve("store");
    build(store);
    Graph w48 = graph(store, W48);
    Path f = data.resolve(W41 + ".md");
    Files.writeString(f, Files.readString(f).replace("# 可怕的人工智能", "# 可怕的人工智能（修订）"));
    BuildReport r = build(store);
    assertEquals(List.of(W41), r.updated());
    assertEquals(List.of(W48), r.unchanged());
    assertTrue(w48.isIsomorphicWith(graph(store, W48)));
    Graph w41 = graph(store, W41);
    assertTrue(w41.find(Node.ANY, Vocab.HEADLINE, Node.ANY).toList().stream()
        .anyMatch(t -> t.getObject().getLiteralLexicalForm().equals("可怕的人工智能（修订）")));
    assertFalse(w41.find(Node.ANY, Vocab.HEADLINE, Node.ANY).toList().stream()
        .anyMatch(t -> t.getObject().getLiteralLexicalForm().equals("可怕的人工智能")),
        "the old version's triples are gone");
  }

  @Test
  void removedFileDropsItsGraph() throws Exception {
    Path store = tmp.resolve("store");
    build(store);
    Files.delete(data.resolve(W48 + ".md"));
    BuildReport r = build(store);
    assertEquals(List.of(W48), r.removed());
    assertEquals(1, r.issues());
    assertTrue(graph(store, W48).isEmpty());
  }

  @Test
  void jsonCorrectionOverridesMarkdown() throws Exception {
    Path store = tmp.resolve("store");
    build(store);
    var builder = new Builder(data, Path.of("ontology"), IRIS);
    var issue = builder.extractor().extract(data.resolve(W41 + ".md"));
    var corrected = issue.withEntries(issue.entries().subList(0, 3));
    Files.writeString(data.resolve(W41 + ".json"),
        org.mlnews.issue.IssueJson.write(corrected), StandardCharsets.UTF_8);
    BuildReport r = build(store);
    assertEquals(List.of(W41), r.updated());
    assertTrue(r.notes().get(0).contains("overrides"), r.notes().toString());
    assertEquals(3, graph(store, W41).find(IRIS.issue(W41), Vocab.HAS_ENTRY, Node.ANY).toList().size());
  }

  @Test
  void jsonRecordsHaveTheirDatesCheckedAsTheyAreNow() throws Exception {
    Path store = tmp.resolve("store");
    var builder = new Builder(data, Path.of("ontology"), IRIS);
    var issue = builder.extractor().extract(data.resolve(W41 + ".md"));
    // A week 2020 does not have, and a date-mismatch warning left from before a correction: the
    // record's warnings are those of its dates as they are.
    var wrong = new org.mlnews.issue.Issue(issue.slug(), issue.sourceUrl(), issue.title(), issue.language(),
        new org.mlnews.issue.WeekRef(2020, 53), null, issue.issueNumber(), issue.coverageStart(),
        issue.sections(), issue.entries(), issue.navigation(),
        List.of(new org.mlnews.issue.Warning("date-mismatch", "stale: the dates were fixed since", 0)));
    Files.writeString(data.resolve(W41 + ".json"), org.mlnews.issue.IssueJson.write(wrong), StandardCharsets.UTF_8);
    BuildReport r = build(store);
    assertTrue(r.ok(), r.failed().toString());
    assertEquals(List.of("invalid-week"), r.warnings().get(W41).stream().map(w -> w.code()).toList(),
        r.warnings().toString());
    List<String> json = Files.readAllLines(data.resolve(W41 + ".json"));
    int weekLine = 1 + java.util.stream.IntStream.range(0, json.size()).filter(i -> json.get(i).contains("\"week\""))
        .findFirst().orElseThrow();
    assertEquals(weekLine, r.warnings().get(W41).get(0).line(), "at the record's week: " + r.warnings());
    assertTrue(graph(store, W41).find(IRIS.issue(W41), Vocab.WEEK_PROP, Node.ANY).toList().isEmpty(),
        "a week the year does not have is no period");

    var fixed = issue.withWarnings(List.of(new org.mlnews.issue.Warning("date-mismatch", "stale", 0)));
    Files.writeString(data.resolve(W41 + ".json"), org.mlnews.issue.IssueJson.write(fixed), StandardCharsets.UTF_8);
    r = build(store);
    assertEquals(List.of(W41), r.updated());
    assertEquals(List.of("entry-without-link"), r.warnings().get(W41).stream().map(w -> w.code()).toList(),
        "the stale date warning is gone, the others stay: " + r.warnings());
  }

  /** Bad files: a clear error with the file (and line where there is one); nothing else moves. */
  void assertBadFileLeavesStoreAsItWas(String name, byte[] bytes, String expectedReason, int expectedLine)
      throws Exception {
    Path store = tmp.resolve("store");
    build(store);
    Map<Node, Graph> before = content(store);
    Path bad = data.resolve(name);
    Files.write(bad, bytes);
    BuildReport r = build(store);
    assertEquals(1, r.failed().size(), r.failed().toString());
    SourceException e = r.failed().get(0);
    assertEquals(bad, e.file());
    assertTrue(e.getMessage().startsWith(bad.toString()), e.getMessage());
    assertTrue(e.reason().toLowerCase().contains(expectedReason), e.reason());
    if (expectedLine > 0) {
      assertEquals(expectedLine, e.line(), e.getMessage());
    }
    assertFalse(r.ok());
    assertSameContent(before, content(store));
  }

  @Test
  void emptyFile() throws Exception {
    assertBadFileLeavesStoreAsItWas("empty.md", new byte[0], "empty", 0);
  }

  @Test
  void binaryFile() throws Exception {
    assertBadFileLeavesStoreAsItWas("binary.md", new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0},
        "not", 0);
  }

  @Test
  void invalidUtf8() throws Exception {
    byte[] text = "# 2020 年第 50 周\n\nfine line\n".getBytes(StandardCharsets.UTF_8);
    byte[] bad = new byte[text.length + 3];
    System.arraycopy(text, 0, bad, 0, text.length);
    bad[text.length] = (byte) 0xC3;
    bad[text.length + 1] = (byte) 0x28;
    bad[text.length + 2] = '\n';
    assertBadFileLeavesStoreAsItWas("bad-utf8.md", bad, "utf-8", 4);
  }

  @Test
  void noTitle() throws Exception {
    assertBadFileLeavesStoreAsItWas("no-title.md",
        "just a paragraph\n\nand another\n".getBytes(StandardCharsets.UTF_8), "title", 0);
  }

  @Test
  void brokenJson() throws Exception {
    assertBadFileLeavesStoreAsItWas("broken.json",
        "{\n  \"slug\": \"x\",\n  \"title\": [1, 2\n}\n".getBytes(StandardCharsets.UTF_8), "not a valid issue", 3);
  }

  @Test
  void aChangedFileThatBreaksKeepsItsPreviousGraph() throws Exception {
    Path store = tmp.resolve("store");
    build(store);
    Graph w41 = graph(store, W41);
    Files.write(data.resolve(W41 + ".md"), new byte[0]);
    BuildReport r = build(store);
    assertEquals(1, r.failed().size());
    assertEquals(2, r.issues());
    assertTrue(w41.isIsomorphicWith(graph(store, W41)));
    assertEquals(Set.of(W48), Set.copyOf(r.unchanged().stream().collect(Collectors.toSet())));
  }

  /**
   * A numbered issue that names a week its year lacks gets its week inferred like one naming none,
   * and builds settle: the next build finds nothing to do.
   */
  @Test
  void aWeekTheYearLacksIsInferredAndBuildsSettle() throws Exception {
    for (var f : Files.list(data).toList()) {
      Files.delete(f);
    }
    String body = "\n\n## 本周特稿/新闻。\n\n*   [一篇关于生成模型的论文](https://arxiv.org/abs/2101.0000%d)。\n";
    Files.writeString(data.resolve("news-10.md"), "# Akira 的机器学习新闻— #10\n\n2020 年第 50 周(12 月 6 日~)" + body.formatted(1));
    Files.writeString(data.resolve("news-11.md"), "# Akira 的机器学习新闻— #11\n\n下面是我在 2020 年第 53 周读到的" + body.formatted(2));
    Files.writeString(data.resolve("news-12.md"), "# Akira 的机器学习新闻— #12\n\n2021 年第 2 周(1 月 10 日~)" + body.formatted(3));
    Path storeDir = tmp.resolve("store");
    BuildReport first = build(storeDir);
    assertTrue(first.ok(), first.toString());
    assertTrue(first.warnings().get("news-11").stream().anyMatch(w -> w.code().equals("date-inferred")),
        first.warnings().toString());
    assertTrue(graph(storeDir, "news-11").contains(IRIS.issue("news-11"), org.mlnews.rdf.Vocab.DATE_INFERRED, Node.ANY));
    BuildReport again = build(storeDir);
    assertEquals(List.of(), again.updated(), again.toString());
    assertEquals(0, again.quadsAdded() + again.quadsRemoved(), again.toString());
  }

  @Test
  void aStoreBuiltWithAnotherBaseIsRefusedAndLeftAsItWas() {
    Path storeDir = tmp.resolve("store");
    assertTrue(build(storeDir).ok());
    var before = content(storeDir);
    try (Store store = Store.open(storeDir)) {
      var e = assertThrows(org.mlnews.store.StoreException.class,
          () -> new Builder(data, Path.of("ontology"), new Iris("https://news.example.net/kg/")).build(store));
      assertTrue(e.getMessage().contains("built with the base " + Iris.DEFAULT_BASE)
          && e.getMessage().contains("--base " + Iris.DEFAULT_BASE), e.getMessage());
    }
    assertSameContent(before, content(storeDir));
    assertTrue(build(storeDir).ok()); // the store's own base still builds
  }
}

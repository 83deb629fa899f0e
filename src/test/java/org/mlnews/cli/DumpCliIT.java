package org.mlnews.cli;

import static org.mlnews.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/** dump, validate, changes and release as a user runs them, on a store built from the bundled issues. */
class DumpCliIT {
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  @TempDir static Path tmp;
  static Path store;
  static long unionSize;
  static long quads;

  @BeforeAll
  static void buildStore() {
    store = tmp.resolve("store");
    CliRun r = run("build", "--store", store.toString());
    assertEquals(0, r.code(), r.err());
    try (Store s = Store.open(store)) {
      unionSize = s.read(() -> s.datasetGraph().getUnionGraph().size());
      quads = s.read(() -> (long) s.datasetGraph().stream().count());
    }
  }

  @Test
  void dumpWritesNQuadsToStandardOutputByDefault() {
    CliRun r = run("dump", "--store", store.toString());
    assertEquals(0, r.code(), r.err());
    DatasetGraph back = RDFParser.fromString(r.out(), Lang.NQUADS).toDatasetGraph();
    assertEquals(quads, back.stream().count());
    assertTrue(back.getGraph(IRIS.issueGraph(W41)).size() > 100);
  }

  @Test
  void dumpToAGzippedFileTakesTheFormatFromItsName() throws Exception {
    Path file = tmp.resolve("out/mlnews.nt.gz");
    CliRun r = run("dump", "--store", store.toString(), "-o", file.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    try (var in = new GZIPInputStream(Files.newInputStream(file))) {
      Graph g = RDFParser.source(in).lang(Lang.NTRIPLES).toGraph();
      assertEquals(unionSize, g.size());
    }
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
    // A dump is for sharing: it gets the permissions of any new file here (the umask's), not a
    // temporary file's private ones.
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      Path plain = Files.createFile(tmp.resolve("plain"));
      assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(file));
    }
  }

  @Test
  void dumpFormatsByName() {
    for (String f : new String[] {"turtle", "ttl", "jsonld", "rdfxml", "trig", "ntriples"}) {
      CliRun r = run("dump", "--store", store.toString(), "--format", f);
      assertEquals(0, r.code(), f + ": " + r.err());
      assertFalse(r.out().isBlank(), f);
    }
  }

  @Test
  void badFormatsAreUsageErrors() {
    CliRun r = run("dump", "--store", store.toString(), "--format", "csv");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Unknown format 'csv' : expected one of turtle, ntriples, nquads, trig, jsonld, rdfxml"), r.err());
    CliRun r2 = run("dump", "--store", store.toString(), "-o", tmp.resolve("x.txt").toString());
    assertEquals(2, r2.code());
    assertTrue(r2.err().contains("cannot tell the format from the name x.txt; give --format"), r2.err());
    assertFalse(Files.exists(tmp.resolve("x.txt")));
  }

  @Test
  void dumpVoidDescribesTheDataset() {
    CliRun r = run("dump", "--store", store.toString(), "--void", "--endpoint", "http://localhost:3030/mlnews/sparql");
    assertEquals(0, r.code(), r.err());
    Graph g = RDFParser.fromString(r.out(), Lang.TURTLE).toGraph();
    Node triples = g.find(IRIS.dataset(), NodeFactory.createURI("http://rdfs.org/ns/void#triples"), Node.ANY).next().getObject();
    assertEquals(Long.toString(unionSize), triples.getLiteralLexicalForm());
    assertEquals(2, run("dump", "--store", store.toString(), "--void", "-f", "nquads").code());
  }

  @Test
  void changesListsBuildsAndPrintsOnesPatch() {
    CliRun list = run("changes", "--store", store.toString());
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().lines().anyMatch(l -> l.matches("\\s+1\\s+\\S+Z\\s+" + quads + "\\s+0\\s+.*" + W41 + ".*ontology topics trend/2020")),
        list.out());
    CliRun one = run("changes", "1", "--store", store.toString());
    assertEquals(0, one.code(), one.err());
    assertTrue(one.out().startsWith("H id <urn:uuid:"), one.out().lines().limit(3).toList().toString());
    assertEquals(quads, one.out().lines().filter(l -> l.startsWith("A ")).count());
    CliRun none = run("changes", "9", "--store", store.toString());
    assertEquals(2, none.code());
    assertTrue(none.err().contains("no change set 9"), none.err());
  }

  @Test
  void dumpSinceWritesTheNetPatch() {
    CliRun all = run("dump", "--store", store.toString(), "--since", "0");
    assertEquals(0, all.code(), all.err());
    assertEquals(quads, all.out().lines().filter(l -> l.startsWith("A ")).count());
    CliRun none = run("dump", "--store", store.toString(), "--since", "1");
    assertEquals(0, none.code(), none.err());
    assertEquals(0, none.out().lines().filter(l -> l.startsWith("A ") || l.startsWith("D ")).count(), none.out());
    CliRun bad = run("dump", "--store", store.toString(), "--since", "7");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("Illegal build=7 : the change sets run from 0 to 1"), bad.err());
    assertEquals(2, run("dump", "--store", store.toString(), "--since", "0", "-f", "turtle").code());
  }

  @Test
  void validateThePassingStoreAndABrokenOne() {
    CliRun ok = run("validate", "--store", store.toString());
    assertEquals(0, ok.code(), ok.out() + ok.err());
    assertTrue(ok.out().startsWith("conforms: store "), ok.out());
    // Break week 41: a second language for the issue, and an entry without its headline.
    Node g = IRIS.issueGraph(W41);
    Node issue = IRIS.issue(W41);
    Node entry = IRIS.entry(W41, "arxiv-2010.00554");
    Node fr = NodeFactory.createLiteralString("fr");
    Node[] headline = new Node[1];
    try (Store s = Store.open(store)) {
      s.write(() -> {
        s.datasetGraph().add(g, issue, Vocab.DC_LANGUAGE, fr);
        headline[0] = s.datasetGraph().find(g, entry, Vocab.HEADLINE, Node.ANY).next().getObject();
        s.datasetGraph().delete(g, entry, Vocab.HEADLINE, headline[0]);
      });
    }
    try {
      CliRun bad = run("validate", "--store", store.toString());
      assertEquals(1, bad.code(), bad.out() + bad.err());
      assertTrue(bad.out().contains("Violation  <" + issue.getURI() + ">\n  path     dcterms:language\n"), bad.out());
      assertTrue(bad.out().contains("Violation  <" + entry.getURI() + ">\n  path     ml:headline\n"), bad.out());
      assertTrue(bad.out().contains("  message  "), bad.out());
      assertTrue(bad.out().lines().reduce((a, b) -> b).orElse("").matches("\\d+ violations: store .*"), bad.out());
      CliRun turtle = run("validate", "--store", store.toString(), "--format", "turtle");
      assertEquals(1, turtle.code());
      Graph report = RDFParser.fromString(turtle.out(), Lang.TURTLE).toGraph();
      assertTrue(report.contains(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/shacl#focusNode"), entry));
    } finally {
      try (Store s = Store.open(store)) {
        s.write(() -> {
          s.datasetGraph().delete(g, issue, Vocab.DC_LANGUAGE, fr);
          s.datasetGraph().add(g, entry, Vocab.HEADLINE, headline[0]);
        });
      }
    }
    assertEquals(0, run("validate", "--store", store.toString()).code());
  }

  @Test
  void validateADumpFile() {
    Path file = tmp.resolve("check.trig.gz");
    assertEquals(0, run("dump", "--store", store.toString(), "-o", file.toString()).code());
    CliRun r = run("validate", "--file", file.toString());
    assertEquals(0, r.code(), r.out() + r.err());
    CliRun broken = run("validate", "--file", "src/test/resources/shapes/broken.ttl");
    assertEquals(1, broken.code());
    assertTrue(broken.out().contains("path     ml:arxivId"), broken.out());
    CliRun missing = run("validate", "--file", tmp.resolve("nope.ttl").toString());
    assertEquals(2, missing.code());
  }

  @Test
  void releaseWritesADatedFolderOnce() {
    Path dir = tmp.resolve("releases");
    CliRun r = run("release", dir.toString(), "--store", store.toString(), "--version", "1.0", "--date", "2020-12-06");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("release 1.0 in " + dir.resolve("1.0")), r.out());
    assertTrue(Files.exists(dir.resolve("1.0/mlnews-1.0.ttl.gz")));
    assertTrue(Files.exists(dir.resolve("1.0/SHA256SUMS")));
    CliRun again = run("release", dir.toString(), "--store", store.toString(), "--version", "1.0");
    assertEquals(1, again.code());
    assertTrue(again.err().contains("release 1.0 already exists"), again.err());
    assertEquals(2, run("release", dir.toString(), "--store", store.toString(), "--version", "../x").code());
    assertEquals(2, run("release", dir.toString(), "--store", store.toString(), "--date", "5 Dec").code());
  }
}

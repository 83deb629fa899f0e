package org.mlnews.dump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mlnews.build.Builder;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;

/**
 * Dumps of stores built from the bundled issues: each format reads back as the same graphs, two
 * stores of the same data (loaded in a different order) dump the same bytes, and an independent
 * parser (rapper, from raptor2-utils) accepts Turtle, N-Triples and RDF/XML.
 */
class DumpIT {
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final String W48 = "akiras-ml-news-week48-2020-150accbf126e";
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2020-12-05T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path tmp;
  /** Expected content, copied out of store A. */
  static Map<Node, Graph> graphs = new java.util.HashMap<>();
  static Graph union;
  static final Map<DumpFormat, byte[]> dumpsA = new EnumMap<>(DumpFormat.class);
  static final Map<DumpFormat, byte[]> dumpsB = new EnumMap<>(DumpFormat.class);
  static final Map<DumpFormat, byte[]> dumpsSmallRuns = new EnumMap<>(DumpFormat.class);

  @BeforeAll
  static void buildTwoStores() throws IOException {
    // A: both issues in one build. (Both stores read the same folder: its path is in the provenance.)
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (String slug : List.of(W41, W48)) {
      Files.copy(Path.of("data", slug + ".md"), data.resolve(slug + ".md"));
    }
    try (Store a = Store.open(tmp.resolve("a"))) {
      new Builder(data, Path.of("ontology"), IRIS, CLOCK).build(a);
      a.read(() -> {
        union = GraphFactory.createDefaultGraph();
        a.datasetGraph().getUnionGraph().find().forEach(union::add);
        a.datasetGraph().listGraphNodes().forEachRemaining(g -> {
          Graph copy = GraphFactory.createDefaultGraph();
          a.datasetGraph().getGraph(g).find().forEach(copy::add);
          graphs.put(g, copy);
        });
        return null;
      });
      for (DumpFormat f : DumpFormat.values()) {
        dumpsA.put(f, dump(new Dumper(a), f));
        dumpsSmallRuns.put(f, dump(new Dumper(a, 97), f));
      }
    }
    // B: week 48 first, week 41 in a second build, so TDB2 holds the terms in another order.
    Files.delete(data.resolve(W41 + ".md"));
    try (Store b = Store.open(tmp.resolve("b"))) {
      new Builder(data, Path.of("ontology"), IRIS, CLOCK).build(b);
      Files.copy(Path.of("data", W41 + ".md"), data.resolve(W41 + ".md"));
      new Builder(data, Path.of("ontology"), IRIS, CLOCK).build(b);
      for (DumpFormat f : DumpFormat.values()) {
        dumpsB.put(f, dump(new Dumper(b), f));
      }
    }
    for (DumpFormat f : DumpFormat.values()) {
      Files.write(tmp.resolve("dump." + f.extension()), dumpsA.get(f));
    }
  }

  static byte[] dump(Dumper dumper, DumpFormat f) {
    var out = new ByteArrayOutputStream();
    dumper.write(f, out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(DumpFormat.class)
  void readsBackAsTheSameGraphs(DumpFormat f) {
    Path file = tmp.resolve("dump." + f.extension());
    if (f.quads()) {
      DatasetGraph back = RDFParser.source(file).lang(f.lang()).toDatasetGraph();
      var names = new java.util.HashSet<Node>();
      back.listGraphNodes().forEachRemaining(names::add);
      assertEquals(graphs.keySet(), names);
      graphs.forEach((g, expected) -> WritersTest.assertIsomorphic(expected, back.getGraph(g), "(" + file + ")"));
    } else {
      Graph back = RDFParser.source(file).lang(f.lang()).toGraph();
      assertEquals(union.size(), back.size());
      WritersTest.assertIsomorphic(union, back, "(" + file + ")");
    }
  }

  @ParameterizedTest
  @EnumSource(DumpFormat.class)
  void twoBuildsOfTheSameDataGiveIdenticalDumps(DumpFormat f) {
    assertArrayEquals(dumpsA.get(f), dumpsB.get(f), f + " differs between two stores of the same data");
    assertArrayEquals(dumpsA.get(f), dumpsSmallRuns.get(f), f + " differs when sorted in small runs");
  }

  @Test
  void nTriplesAreSortedDistinctLines() {
    List<String> lines = new String(dumpsA.get(DumpFormat.NTRIPLES), StandardCharsets.UTF_8).lines().toList();
    var sorted = new java.util.ArrayList<>(lines);
    sorted.sort(Terms.CODE_POINT_ORDER);
    assertEquals(sorted, lines);
    assertEquals(union.size(), new java.util.HashSet<>(lines).size());
    assertEquals(union.size(), lines.size());
  }

  @Test
  void quadDumpsKeepOneGraphPerIssue() {
    String trig = new String(dumpsA.get(DumpFormat.TRIG), StandardCharsets.UTF_8);
    assertTrue(trig.contains("\n<" + IRIS.issueGraph(W41).getURI() + "> {\n"), "graph block for week 41");
    assertTrue(trig.contains("\n<" + IRIS.issueGraph(W48).getURI() + "> {\n"), "graph block for week 48");
    assertTrue(trig.contains("\n<" + IRIS.ontologyGraph().getURI() + "> {\n"));
  }

  static boolean hasRapper() {
    try {
      Process p = new ProcessBuilder("rapper", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  @ParameterizedTest
  @EnumSource(value = DumpFormat.class, names = {"TURTLE", "NTRIPLES", "RDFXML"})
  void rapperAcceptsIt(DumpFormat f) throws Exception {
    Assumptions.assumeTrue(hasRapper(), "rapper (raptor2-utils) is not installed; .ci/run installs it");
    String syntax = switch (f) {
      case TURTLE -> "turtle";
      case NTRIPLES -> "ntriples";
      default -> "rdfxml";
    };
    Path file = tmp.resolve("dump." + f.extension());
    Process p = new ProcessBuilder("rapper", "-i", syntax, "-c", file.toString()).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), err);
    assertTrue(err.contains("Parsing returned " + union.size() + " triples"), err);
    assertTrue(!err.contains("Error") && !err.contains("Warning"), err);
  }
}

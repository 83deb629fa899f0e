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
import org.mlnews.validate.Report;
import org.mlnews.validate.Validator;

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
      descriptionA = describe(a);
      releaseA = Release.options().endpoint("https://example.org/sparql").write(a, DESCRIBER, tmp.resolve("releasesA"));
      validation = Validator.load(Path.of("ontology")).validate(a, IRIS);
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
      descriptionB = describe(b);
      releaseB = Release.options().endpoint("https://example.org/sparql").write(b, DESCRIBER, tmp.resolve("releasesB"));
    }
    for (DumpFormat f : DumpFormat.values()) {
      Files.write(tmp.resolve("dump." + f.extension()), dumpsA.get(f));
    }
  }

  static final Describer DESCRIBER = Describer.load(Path.of("ontology"), IRIS);
  static byte[] descriptionA;
  static byte[] descriptionB;
  static Release.Result releaseA;
  static Release.Result releaseB;
  static Report validation;

  static byte[] describe(Store store) {
    var out = new ByteArrayOutputStream();
    Dumper.write(DESCRIBER.describe(store, Describer.Publication.endpoint("http://localhost:3030/mlnews/sparql")),
        DumpFormat.TURTLE, out);
    return out.toByteArray();
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

  static final String VOID = "http://rdfs.org/ns/void#";
  static final String DCAT = "http://www.w3.org/ns/dcat#";

  static Node uri(String iri) {
    return org.apache.jena.graph.NodeFactory.createURI(iri);
  }

  static Node object(Graph g, Node s, String p) {
    var it = g.find(s, uri(p), Node.ANY);
    return it.hasNext() ? it.next().getObject() : null;
  }

  @Test
  void theDescriptionIsComputedFromTheData() {
    Graph d = RDFParser.fromString(new String(descriptionA, StandardCharsets.UTF_8), org.apache.jena.riot.Lang.TURTLE).toGraph();
    Node ds = IRIS.dataset();
    assertEquals(Long.toString(union.size()), object(d, ds, VOID + "triples").getLiteralLexicalForm());
    assertEquals("http://localhost:3030/mlnews/sparql", object(d, ds, VOID + "sparqlEndpoint").getURI());
    assertEquals("https://creativecommons.org/licenses/by/4.0/", object(d, ds, "http://purl.org/dc/terms/license").getURI());
    assertEquals("2020-12-05T00:00:00Z", object(d, ds, "http://purl.org/dc/terms/modified").getLiteralLexicalForm());
    // Two issues, 13 papers (counted by reading the issues; see the IssueMapper tests).
    var issues = d.find(Node.ANY, uri(VOID + "class"), uri("https://mlnews.example.org/ontology#Issue")).next().getSubject();
    assertEquals("2", object(d, issues, VOID + "entities").getLiteralLexicalForm());
    Node period = object(d, ds, "http://purl.org/dc/terms/temporal");
    assertEquals("2020-10-04", object(d, period, DCAT + "startDate").getLiteralLexicalForm());
    assertEquals("2020-11-28", object(d, period, DCAT + "endDate").getLiteralLexicalForm());
    assertTrue(d.contains(ds, uri(DCAT + "theme"), uri("https://mlnews.example.org/topic/GAN")));
    assertTrue(d.contains(ds, uri(VOID + "vocabulary"), uri("http://purl.org/dc/terms/")));
    // Every property partition together holds every triple once.
    long sum = d.find(Node.ANY, uri(VOID + "property"), Node.ANY).toList().stream()
        .mapToLong(t -> Long.parseLong(object(d, t.getSubject(), VOID + "triples").getLiteralLexicalForm())).sum();
    assertEquals(union.size(), sum);
    assertArrayEquals(descriptionA, descriptionB, "the same data, the same description");
  }

  @Test
  void aReleaseHoldsEveryFormatGzippedWithChecksumsAndTheDescription() throws Exception {
    Path dir = releaseA.dir();
    assertEquals("2020-12-05", releaseA.version(), "version and date default to the day of the last build");
    assertEquals(tmp.resolve("releasesA").resolve("2020-12-05"), dir);
    var names = releaseA.files().stream().map(p -> p.getFileName().toString()).toList();
    assertEquals(List.of("SHA256SUMS", "mlnews-2020-12-05.jsonld.gz", "mlnews-2020-12-05.nq.gz",
        "mlnews-2020-12-05.nt.gz", "mlnews-2020-12-05.rdf.gz", "mlnews-2020-12-05.trig.gz",
        "mlnews-2020-12-05.ttl.gz", "void.ttl"), names);
    Graph d = RDFParser.source(dir.resolve("void.ttl")).toGraph();
    for (String line : Files.readAllLines(dir.resolve("SHA256SUMS"))) {
      String sha = line.substring(0, 64);
      Path file = dir.resolve(line.substring(66));
      assertEquals(sha, java.util.HexFormat.of().formatHex(
          java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))), line);
      if (!file.getFileName().toString().equals("void.ttl")) {
        // The description names the download, its size and checksum.
        Node url = uri("https://mlnews.example.org/releases/2020-12-05/" + file.getFileName());
        Node dist = d.find(Node.ANY, uri(DCAT + "downloadURL"), url).next().getSubject();
        assertEquals(Long.toString(Files.size(file)), object(d, dist, DCAT + "byteSize").getLiteralLexicalForm());
        Node checksum = object(d, dist, "http://spdx.org/rdf/terms#checksum");
        assertEquals(sha, object(d, checksum, "http://spdx.org/rdf/terms#checksumValue").getLiteralLexicalForm());
        // And each dump, unzipped, is the plain dump.
        DumpFormat f = DumpFormat.forFileName(file.getFileName().toString()).orElseThrow();
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(file))) {
          assertArrayEquals(dumpsA.get(f), in.readAllBytes(), f.toString());
        }
      }
    }
    assertEquals("2020-12-05", object(d, IRIS.dataset(), "http://purl.org/dc/terms/issued").getLiteralLexicalForm());
    assertEquals("https://example.org/sparql", object(d, IRIS.dataset(), VOID + "sparqlEndpoint").getURI());
    for (String name : names) {
      assertArrayEquals(Files.readAllBytes(dir.resolve(name)), Files.readAllBytes(releaseB.dir().resolve(name)),
          name + ": the same data, the same release");
    }
  }

  @Test
  void aReleaseIsNeverOverwritten() {
    try (Store a = Store.open(tmp.resolve("a"))) {
      var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
          () -> Release.options().write(a, DESCRIBER, tmp.resolve("releasesA")));
      assertTrue(e.getMessage().startsWith("release 2020-12-05 already exists"), e.getMessage());
    }
  }

  @Test
  void theBundledDataConformsToTheShapesInTheStoreAndInEveryDump() {
    assertTrue(validation.conforms(), validation.findings().toString());
    var validator = Validator.load(Path.of("ontology"));
    for (Path file : releaseA.files()) {
      if (file.getFileName().toString().endsWith(".gz")) {
        Report r = validator.validate(file, IRIS);
        assertTrue(r.conforms(), file + ": " + r.findings());
      }
    }
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

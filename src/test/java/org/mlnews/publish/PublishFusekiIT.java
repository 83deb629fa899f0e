package org.mlnews.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.build.Builder;
import org.mlnews.generate.Generator;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.QueryLibrary;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;

/**
 * Publishes to a real standalone Fuseki (jena-fuseki-server from Maven Central, copied to
 * target/fuseki/ by the build), run as its own process on the loopback address with its own
 * TDB2 store and basic authentication: the named queries answer the same there as here, and
 * after one issue is edited, publishing again sends that graph alone.
 */
class PublishFusekiIT {
  private static final Path FUSEKI_JAR = Path.of("target", "fuseki", "jena-fuseki-server.jar");
  private static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  private static final String USER = "publisher";
  private static final String PASSWORD = "pa55-" + Long.toHexString(System.nanoTime());

  @TempDir static Path tmp;
  static Process fuseki;
  static String base;

  @BeforeAll
  static void startFuseki() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(FUSEKI_JAR),
        FUSEKI_JAR + " is missing: run the tests through Maven, which copies it there");
    int port;
    try (var socket = new ServerSocket(0, 0, java.net.InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    Path db = Files.createDirectories(tmp.resolve("fuseki-db"));
    Path passwd = tmp.resolve("passwd");
    Files.writeString(passwd, USER + ": " + PASSWORD + "\n");
    Path work = Files.createDirectories(tmp.resolve("fuseki-base"));
    fuseki = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
        "-jar", FUSEKI_JAR.toAbsolutePath().toString(), "--port=" + port, "--localhost", "--tdb2",
        "--loc=" + db, "--update", "--set", "tdb:unionDefaultGraph=true",
        "--passwd=" + passwd, "--auth=basic", "/ds")
        .directory(work.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("fuseki.log").toFile())
        .start();
    base = "http://127.0.0.1:" + port + "/ds";
    var http = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (true) {
      assertTrue(fuseki.isAlive(), "Fuseki stopped: " + Files.readString(tmp.resolve("fuseki.log")));
      assertTrue(System.nanoTime() < deadline, "Fuseki did not answer: " + Files.readString(tmp.resolve("fuseki.log")));
      try {
        // With authentication on, the ping answers 401 to a stranger: any answer means it is up.
        http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/$/ping")).build(),
            HttpResponse.BodyHandlers.discarding());
        break;
      } catch (java.io.IOException notYet) {
        Thread.sleep(200);
      }
    }
  }

  @AfterAll
  static void stopFuseki() throws Exception {
    if (fuseki != null) {
      fuseki.destroy();
      if (!fuseki.waitFor(20, TimeUnit.SECONDS)) {
        fuseki.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void publishesAnswersTheSameThereAndResendsOnlyTheEditedIssue() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (Path f : Files.list(Path.of("data")).toList()) {
      Files.copy(f, data.resolve(f.getFileName()));
    }
    var corpus = Generator.builder().issues(12).seed(5).build().generate(data);
    var builder = new Builder(data, Path.of("ontology"), IRIS);
    var publisher = Publisher.builder().target(URI.create(base + "/data"))
        .credentials(Credentials.basic(USER + ":" + PASSWORD)).build();
    try (Store store = Store.open(tmp.resolve("store"))) {
      assertTrue(builder.build(store).ok());
      var first = publisher.publish(store, IRIS, l -> { });
      assertTrue(first.ok(), first.failed().toString());
      int years = store.read(() -> store.graphNames(IRIS.trendGraphPrefix()).size());
      assertTrue(years >= 1, "trend graphs");
      int graphs = 16 + years; // 14 issues, the ontology, the topics and a trend graph per year
      assertEquals(graphs, first.graphs());
      assertEquals(graphs, first.sent().size());
      assertFalse(first.toString().contains(PASSWORD));

      var library = QueryLibrary.load(Path.of("queries"));
      var binder = new ParamBinder(IRIS, TopicScheme.load(Path.of("ontology", "topics.ttl")));
      var runs = Map.of(
          "gan-papers-q4-2020", Map.<String, String>of(),
          "papers-by-topic", Map.of("topic", "VAE", "year", "2020"),
          "topic-trend", Map.of("topic", "GAN"),
          "topic-weeks", Map.of("topic", "GAN"),
          "issue-contents", Map.of("issue", corpus.issues().get(3).slug()),
          "papers-in-several-issues", Map.<String, String>of(),
          "topics-per-week", Map.<String, String>of());
      for (var run : runs.entrySet()) {
        Query q = binder.bind(library.get(run.getKey()).orElseThrow(), run.getValue());
        Set<Map<String, String>> here = store.read(() -> {
          try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
            return rows(qe.execSelect(), concatenated(q));
          }
        });
        Set<Map<String, String>> there;
        try (QueryExecution qe = QueryExecutionHTTP.service(base + "/query").query(q)
            .httpHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString((USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
            .build()) {
          there = rows(qe.execSelect(), concatenated(q));
        }
        assertFalse(here.isEmpty(), run.getKey() + " has answers here");
        assertEquals(here, there, run.getKey() + " answers the same on Fuseki");
      }

      var unchanged = publisher.publish(store, IRIS, l -> { });
      assertEquals(List.of(), unchanged.sent());
      assertEquals(graphs, unchanged.unchanged());

      Path edited = corpus.issues().get(7).file();
      Files.writeString(edited, Files.readString(edited).replaceFirst("(?m)^(!\\[\\]\\(img/)",
          "A sentence added by the curator.\n\n$1"));
      var rebuilt = builder.build(store);
      assertEquals(List.of(corpus.issues().get(7).slug()), rebuilt.updated());
      var second = publisher.publish(store, IRIS, l -> { });
      assertEquals(List.of(IRIS.issueGraph(corpus.issues().get(7).slug()).getURI()), second.sent());
      assertEquals(graphs - 1, second.unchanged());
      try (QueryExecution qe = QueryExecutionHTTP.service(base + "/query")
          .query("ASK { GRAPH <" + second.sent().get(0) + "> { ?e ?p ?text FILTER(CONTAINS(STR(?text), \"added by the curator\")) } }")
          .httpHeader("Authorization", "Basic " + java.util.Base64.getEncoder()
              .encodeToString((USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .build()) {
        assertTrue(qe.execAsk(), "the edited graph replaced the old one on Fuseki");
      }

      var wrong = Publisher.builder().target(URI.create(base + "/data")).force(true)
          .credentials(Credentials.basic(USER + ":wrong")).build();
      var refused = assertThrows(PublishException.class, () -> wrong.publish(store, IRIS, l -> { }));
      assertTrue(refused.getMessage().contains("401"), refused.getMessage());
    }
  }

  /** The variables that GROUP_CONCAT fills: their order of values is up to each store. */
  private static Set<String> concatenated(Query q) {
    var vars = new HashSet<String>();
    q.getProject().getExprs().forEach((v, e) -> {
      if (e.toString().toLowerCase(java.util.Locale.ROOT).contains("group_concat")) {
        vars.add(v.getVarName());
      }
    });
    return vars;
  }

  /**
   * Rows as a set of variable → value, so the order of rows does not matter; a GROUP_CONCAT value
   * is compared as the sorted list of its parts.
   */
  private static Set<Map<String, String>> rows(ResultSet rs, Set<String> concatenated) {
    var rows = new HashSet<Map<String, String>>();
    while (rs.hasNext()) {
      QuerySolution s = rs.next();
      var row = new java.util.TreeMap<String, String>();
      s.varNames().forEachRemaining(v -> {
        String value = s.get(v).toString();
        if (concatenated.contains(v) && s.get(v).isLiteral()) {
          value = java.util.Arrays.stream(s.get(v).asLiteral().getLexicalForm().split("[ ,]+")).sorted()
              .collect(java.util.stream.Collectors.joining(" "));
        }
        row.put(v, value);
      });
      rows.add(row);
    }
    return rows;
  }
}

package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.Fixture.enc;
import static org.mlnews.server.Fixture.get;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.store.Store;

/** A runaway query is stopped at the time limit, over SPARQL and as a named query. */
class TimeoutIT {
  static final Duration TIMEOUT = Duration.ofSeconds(1);
  /** The union graph (about 250 triples) crossed with itself five times: about 10^12 rows to count. */
  static final String RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n1 ?o }";

  @TempDir static Path dir;
  static Store store;
  static MlnewsServer server;

  @BeforeAll
  static void start() throws Exception {
    store = Fixture.store(dir.resolve("store"));
    Path queries = Fixture.queries(dir.resolve("queries"));
    Files.writeString(queries.resolve("runaway.rq"), "# Runaway\n# Counts a huge cross product.\n" + RUNAWAY + "\n");
    server = Fixture.server(store, queries).timeout(TIMEOUT).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  @Test
  void runawaySparqlQueryIsStopped() throws Exception {
    long start = System.nanoTime();
    var r = get(server.sparqlUrl() + "?query=" + enc(RUNAWAY), "Accept", "application/sparql-results+json");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(r.statusCode() >= 500, "status " + r.statusCode() + " " + r.body());
    assertTrue(took.compareTo(TIMEOUT.plusSeconds(4)) < 0, "took " + took);
    assertTrue(took.compareTo(TIMEOUT) >= 0, "stopped at the limit, not before: " + took);
    // A request may ask for less time, never for more.
    start = System.nanoTime();
    var longer = get(server.sparqlUrl() + "?timeout=600&query=" + enc(RUNAWAY));
    took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(longer.statusCode() >= 500, "status " + longer.statusCode());
    assertTrue(took.compareTo(TIMEOUT.plusSeconds(4)) < 0, "?timeout=600 took " + took);
    // The server is still responsive.
    assertEquals(200, get(server.baseUrl() + "$/ping").statusCode());
  }

  @Test
  void runawayNamedQueryIsStopped() throws Exception {
    long start = System.nanoTime();
    var r = get(server.baseUrl() + "queries/runaway");
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertEquals(503, r.statusCode(), r.body());
    assertTrue(r.body().contains("time limit"), r.body());
    assertTrue(took.compareTo(TIMEOUT.plusSeconds(4)) < 0, "took " + took);
  }
}

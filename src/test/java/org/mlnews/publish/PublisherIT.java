package org.mlnews.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;

/** The publisher against a scripted Graph Store endpoint on the loopback address. */
class PublisherIT {
  private static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  @TempDir Path dir;
  private HttpServer server;
  private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  private final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
  /** Status codes to answer, in turn; 201 once they run out. */
  private final List<Integer> script = Collections.synchronizedList(new ArrayList<>());
  private Store store;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/ds/data", ex -> {
      String graph = URLDecoder.decode(ex.getRequestURI().getRawQuery().replaceFirst("^graph=", ""), StandardCharsets.UTF_8);
      ex.getRequestBody().readAllBytes();
      requests.add(ex.getRequestMethod() + " " + graph);
      authorizations.add(String.valueOf(ex.getRequestHeaders().getFirst("Authorization")));
      int status = script.isEmpty() ? 201 : script.remove(0);
      ex.sendResponseHeaders(status, -1);
      ex.close();
    });
    server.start();
    store = Store.open(dir.resolve("store"));
    store.write(() -> {
      add(IRIS.ontologyGraph().getURI(), "o");
      add(IRIS.issueGraphPrefix() + "a", "a");
      add(IRIS.issueGraphPrefix() + "b", "b");
      add("https://mlnews.example.org/graph/notes", "not ours");
    });
  }

  @AfterEach
  void stop() {
    server.stop(0);
    store.close();
  }

  private void add(String graph, String value) {
    store.datasetGraph().getGraph(NodeFactory.createURI(graph)).add(Triple.create(
        NodeFactory.createURI("https://x.example/s"), NodeFactory.createURI("https://x.example/p"),
        NodeFactory.createLiteralString(value)));
  }

  private Publisher.Builder publisher() {
    return Publisher.builder().target(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ds/data"))
        .backoff(Duration.ofMillis(10));
  }

  @Test
  void sendsEachGraphOnceThenOnlyWhatChangedAndDeletesWhatIsGone() {
    var p = publisher().parallel(1).build();
    var first = p.publish(store, IRIS, l -> { });
    assertEquals(3, first.graphs());
    assertEquals(List.of("PUT " + IRIS.ontologyGraph().getURI(), "PUT " + IRIS.issueGraphPrefix() + "a",
        "PUT " + IRIS.issueGraphPrefix() + "b"), requests);

    requests.clear();
    var again = p.publish(store, IRIS, l -> { });
    assertEquals(List.of(), requests);
    assertEquals(3, again.unchanged());

    store.write(() -> {
      add(IRIS.issueGraphPrefix() + "b", "b edited");
      store.datasetGraph().removeGraph(NodeFactory.createURI(IRIS.issueGraphPrefix() + "a"));
    });
    var third = p.publish(store, IRIS, l -> { });
    assertEquals(List.of("PUT " + IRIS.issueGraphPrefix() + "b", "DELETE " + IRIS.issueGraphPrefix() + "a"), requests);
    assertEquals(List.of(IRIS.issueGraphPrefix() + "b"), third.sent());
    assertEquals(List.of(IRIS.issueGraphPrefix() + "a"), third.deleted());
    assertEquals(1, third.unchanged());
    assertTrue(third.summary().startsWith("published 1 of 2 graphs to http://127.0.0.1:"), third.summary());
  }

  @Test
  void serverErrorsAreRetriedWithBackoffClientErrorsAreNot() {
    script.addAll(List.of(503, 500, 201, 400, 201));
    var r = publisher().retries(2).parallel(1).build().publish(store, IRIS, l -> { });
    assertEquals(2, r.retries());
    assertEquals(1, r.failed().size());
    assertTrue(r.failed().values().iterator().next().startsWith("PUT answered 400"), r.failed().toString());
    assertFalse(r.ok());
    // The failed graph is sent again next time; the others are not.
    requests.clear();
    var next = publisher().retries(2).build().publish(store, IRIS, l -> { });
    assertEquals(1, requests.size());
    assertTrue(next.ok());
  }

  @Test
  void retriesAreBounded() {
    script.addAll(List.of(503, 503, 503, 503, 503, 503));
    var r = publisher().retries(1).build().publish(store, IRIS, l -> { });
    assertEquals(3, r.failed().size(), r.failed().toString());
    assertTrue(r.failed().values().iterator().next().endsWith("(after 1 retries)"));
  }

  @Test
  void credentialsAreSentButNeverShown() {
    var r = publisher().credentials(Credentials.basic("editor:s3cret")).build().publish(store, IRIS, l -> { });
    assertEquals("Basic ZWRpdG9yOnMzY3JldA==", authorizations.get(0));
    assertEquals("basic (user editor)", r.auth());
    assertFalse(r.toString().contains("s3cret"));

    authorizations.clear();
    var b = publisher().credentials(Credentials.bearer("tok3n")).force(true).build().publish(store, IRIS, l -> { });
    assertEquals("Bearer tok3n", authorizations.get(0));
    assertFalse(b.toString().contains("tok3n"));
  }

  @Test
  void refusedCredentialsStopThePublish() {
    script.add(401);
    var e = assertThrows(PublishException.class, () -> publisher().parallel(1).build().publish(store, IRIS, l -> { }));
    assertTrue(e.getMessage().contains("refused the credentials (401"), e.getMessage());
    assertEquals(1, requests.size());
  }

  @Test
  void manyGraphsGoOutInParallelAndAllAreRemembered() {
    store.write(() -> {
      for (int i = 0; i < 40; i++) {
        add(IRIS.issueGraphPrefix() + "many-" + i, "x" + i);
      }
    });
    var r = publisher().parallel(8).build().publish(store, IRIS, l -> { });
    assertTrue(r.ok());
    assertEquals(43, r.sent().size());
    assertEquals(43, new java.util.HashSet<>(requests).size());
    assertEquals(r.sent().stream().sorted().toList(), r.sent());
    assertEquals(43, publisher().parallel(8).build().publish(store, IRIS, l -> { }).unchanged());
  }

  @Test
  void aDryRunSendsNothingAndRemembersNothing() {
    var r = publisher().dryRun(true).build().publish(store, IRIS, l -> { });
    assertEquals(3, r.sent().size());
    assertEquals(List.of(), requests);
    assertTrue(r.summary().startsWith("would publish 3 of 3"));
    assertEquals(3, publisher().build().publish(store, IRIS, l -> { }).sent().size());
  }

  @Test
  void badTargetsAreRefusedAtOnce() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> Publisher.builder().target(URI.create("http://editor:s3cret@127.0.0.1/ds/data")));
    assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Publisher.builder().target(URI.create("ftp://x/ds")));
    assertThrows(IllegalArgumentException.class, () -> Credentials.basic("nocolon"));
  }

  @Test
  void credentialsComeFromTheEnvironment() {
    assertEquals("basic (user u)", Credentials.fromEnvironment(java.util.Map.of(Credentials.ENV_USER, "u:p")).get().toString());
    assertEquals("bearer", Credentials.fromEnvironment(java.util.Map.of(Credentials.ENV_BEARER, "t")).get().toString());
    assertTrue(Credentials.fromEnvironment(java.util.Map.of()).isEmpty());
  }
}

package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.dump.DumpFormat;
import org.mlnews.dump.Dumper;
import org.mlnews.store.Store;

/** The dumps over HTTP: the dump command's bytes, gzipped or not, cached per state of the store. */
class DumpServletIT {
  @TempDir static Path dir;
  static Store store;
  static MlnewsServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    store = Fixture.store(dir.resolve("store"));
    // A row cap far below the dataset: the Graph Store endpoint refuses it whole, the dumps do not.
    server = Fixture.server(store, Fixture.queries(dir.resolve("queries"))).maxRows(10).build().start();
    base = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  static HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
    var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return Fixture.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  static byte[] dumped(DumpFormat format) {
    var out = new ByteArrayOutputStream();
    new Dumper(store).write(format, out);
    return out.toByteArray();
  }

  @Test
  void everyFormatIsTheDumpCommandsBytes() throws Exception {
    assertEquals(403, Fixture.get(base + "mlnews/get").statusCode(), "the whole dataset is over the cap");
    for (DumpFormat f : DumpFormat.values()) {
      var r = get("dumps/mlnews." + f.extension());
      assertEquals(200, r.statusCode(), f.toString());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f.mediaType()), f.toString());
      assertArrayEquals(dumped(f), r.body(), f.toString());
      var z = get("dumps/mlnews." + f.extension() + ".gz");
      assertEquals("application/gzip", z.headers().firstValue("Content-Type").orElse(""));
      try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(z.body()))) {
        assertArrayEquals(r.body(), in.readAllBytes(), f + " gzipped");
      }
    }
  }

  @Test
  void anUnchangedDumpIsNotSentAgain() throws Exception {
    var r = get("dumps/mlnews.nt");
    String etag = r.headers().firstValue("ETag").orElseThrow();
    assertEquals(304, get("dumps/mlnews.nt", "If-None-Match", etag).statusCode());
    var head = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(base + "dumps/mlnews.nt")).method("HEAD",
        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(Long.toString(r.body().length), head.headers().firstValue("Content-Length").orElse(""));
    assertEquals(0, head.body().length);
  }

  @Test
  void aChangedStoreGivesANewDump() throws Exception {
    String before = new String(get("dumps/mlnews.nq").body(), StandardCharsets.UTF_8);
    String etag = get("dumps/mlnews.nq").headers().firstValue("ETag").orElseThrow();
    var g = Fixture.IRIS.issueGraph("alpha");
    store.write(() -> store.datasetGraph().add(g, Fixture.IRIS.issue("alpha"), FOAF.page.asNode(),
        NodeFactory.createURI("https://example.org/alpha")));
    var r = get("dumps/mlnews.nq", "If-None-Match", etag);
    assertEquals(200, r.statusCode(), "the old version is no longer current");
    String after = new String(r.body(), StandardCharsets.UTF_8);
    assertFalse(before.contains("https://example.org/alpha"));
    assertTrue(after.contains("<https://example.org/alpha>"), "the new triple is in the dump");
    // Only the current version is kept (once the store's files have settled).
    Thread.sleep(Store.Signature.SETTLE.toMillis() + 200);
    get("dumps/mlnews.nq");
    try (var versions = Files.list(store.dir().resolve("dumps"))) {
      assertEquals(1, versions.filter(Files::isDirectory).count());
    }
  }

  @Test
  void requestsRightAfterAChangeShareOneDump() throws Exception {
    var g = Fixture.IRIS.issueGraph("beta");
    store.write(() -> store.datasetGraph().add(g, Fixture.IRIS.issue("beta"), FOAF.page.asNode(),
        NodeFactory.createURI("https://example.org/beta")));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<byte[]>>>();
      for (int i = 0; i < 12; i++) {
        String name = i % 3 == 0 ? "dumps/mlnews.ttl.gz" : "dumps/mlnews.nt";
        answers.add(pool.submit(() -> get(name)));
      }
      byte[] nt = null;
      for (var a : answers) {
        var r = a.get();
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        if (r.uri().getPath().endsWith(".nt")) {
          if (nt != null) {
            assertArrayEquals(nt, r.body());
          }
          nt = r.body();
        }
      }
      assertTrue(new String(nt, StandardCharsets.UTF_8).contains("<https://example.org/beta>"));
    } finally {
      pool.shutdownNow();
    }
    // A gzipped dump is a file too: HEAD says its length.
    var z = get("dumps/mlnews.ttl.gz");
    var head = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(base + "dumps/mlnews.ttl.gz")).method("HEAD",
        HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(Long.toString(z.body().length), head.headers().firstValue("Content-Length").orElse(""));
    // If-None-Match as clients send it: weak, in a list, or any.
    String etag = z.headers().firstValue("ETag").orElseThrow();
    for (String inm : List.of("W/" + etag, "\"other\", " + etag, "*")) {
      assertEquals(304, get("dumps/mlnews.ttl.gz", "If-None-Match", inm).statusCode(), inm);
    }
  }

  @Test
  void theListTheVoidAndTheRefusals() throws Exception {
    var list = new ObjectMapper().readTree(get("dumps/").body()).get("dumps");
    assertEquals(2 * DumpFormat.values().length, list.size());
    String description = Fixture.get(base + ".well-known/void", "Accept", "application/n-triples").body();
    for (DumpFormat f : DumpFormat.values()) {
      assertTrue(description.contains("<http://rdfs.org/ns/void#dataDump> <" + base + "dumps/mlnews." + f.extension()
          + ".gz>"), f + ": " + description);
    }
    assertEquals(404, get("dumps/mlnews.txt").statusCode());
    int traversal = get("dumps/%2e%2e/tdb.lock").statusCode();
    assertTrue(traversal == 400 || traversal == 404, "no way out of the dumps: " + traversal);
    var post = Fixture.post(base + "dumps/mlnews.nq", "text/plain", "x");
    assertEquals(405, post.statusCode());
    assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
  }
}

package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mlnews.server.Fixture.enc;
import static org.mlnews.server.Fixture.get;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.cli.Cli;
import org.mlnews.store.Store;

/** {@code mlnews serve} through picocli: start, announce, serve, watch, stop; and its usage errors. */
class ServeCliIT {
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final Pattern ENDPOINT = Pattern.compile("SPARQL endpoint\\s+(http://\\S+/mlnews/sparql)");

  @TempDir Path tmp;
  Path data;
  Path ontology;
  Path storeDir;
  final List<Serving> serving = new ArrayList<>();

  @BeforeEach
  void copyData() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    try (var files = Files.list(Path.of("data"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    ontology = ontology(tmp);
    storeDir = tmp.resolve("store");
  }

  /** The repository's ontology folder, or (before it exists) a minimal one. */
  static Path ontology(Path tmp) throws Exception {
    if (Files.isRegularFile(Path.of("ontology", "topics.ttl"))) {
      return Path.of("ontology");
    }
    Path dir = Files.createDirectories(tmp.resolve("ontology"));
    Files.writeString(dir.resolve("mlnews.ttl"), "<https://mlnews.example.org/ontology#> a <http://www.w3.org/2002/07/owl#Ontology> .\n");
    Files.writeString(dir.resolve("topics.ttl"), "<https://mlnews.example.org/topic/GAN> a <http://www.w3.org/2004/02/skos/core#Concept> .\n");
    Files.writeString(dir.resolve("dataset.ttl"), "<dataset> <http://purl.org/dc/terms/title> \"mlnews\" .\n");
    return dir;
  }

  @AfterEach
  void stopAll() throws Exception {
    for (Serving s : serving) {
      s.stop();
    }
  }

  /** A serve command running on its own thread, its output captured. */
  final class Serving {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger exit = new AtomicInteger(-1);
    final Thread thread;

    Serving(String... extra) {
      var args = new ArrayList<>(List.of("serve", "--port", "0", "--store", storeDir.toString(),
          "--data", data.toString(), "--ontology", ontology.toString(), "--queries", "queries"));
      args.addAll(List.of(extra));
      var cl = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
      thread = new Thread(() -> exit.set(cl.execute(args.toArray(String[]::new))), "serve-under-test");
      thread.start();
      serving.add(this);
    }

    synchronized String out() {
      return out.toString();
    }

    /** The endpoint URL once the command has printed its whole announcement (up to "Stop with"). */
    String endpoint() throws InterruptedException {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (System.nanoTime() < deadline) {
        String printed = out();
        Matcher m = ENDPOINT.matcher(printed);
        if (m.find() && printed.contains("Stop with Ctrl-C.")) {
          return m.group(1);
        }
        if (!thread.isAlive()) {
          fail("serve ended with " + exit.get() + ": " + out() + err);
        }
        Thread.sleep(50);
      }
      throw new AssertionError("serve did not start: " + out() + err);
    }

    int stop() throws InterruptedException {
      thread.interrupt();
      thread.join(Duration.ofSeconds(30).toMillis());
      assertTrue(!thread.isAlive(), "serve did not stop");
      return exit.get();
    }
  }

  static String hash(String endpoint, String slug) throws Exception {
    String q = "SELECT ?h WHERE { GRAPH <https://mlnews.example.org/graph/issue/" + slug + "> { ?g <"
        + org.mlnews.rdf.Vocab.CONTENT_HASH.getURI() + "> ?h } }";
    var r = get(endpoint + "?query=" + enc(q), "Accept", "text/csv");
    assertEquals(200, r.statusCode(), r.body());
    String[] lines = r.body().strip().split("\r?\n");
    return lines.length > 1 ? lines[1] : null;
  }

  @Test
  void aPortInUseIsSaidPlainly() throws Exception {
    try (var held = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      var out = new StringWriter();
      var err = new StringWriter();
      int code = Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute("serve",
          "--port", Integer.toString(held.getLocalPort()), "--store", storeDir.toString(),
          "--data", data.toString(), "--ontology", ontology.toString(), "--queries", "queries");
      assertEquals(Cli.FAILURE, code, out + "" + err);
      assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + held.getLocalPort()
          + ": the port is in use"), err.toString());
    }
  }

  @Test
  void buildsServesAndStops() throws Exception {
    var s = new Serving();
    String endpoint = s.endpoint();
    String out = s.out();
    assertTrue(out.contains("2 issues in store (2 added"), out);
    assertTrue(out.matches("(?s).*mlnews serving 2 issues, \\d+ quads from .*"), out);
    assertTrue(out.contains("/queries"), out);
    assertTrue(out.contains("updates           off (read-only)"), out);
    assertTrue(endpoint.startsWith("http://127.0.0.1:"), endpoint);
    assertTrue(hash(endpoint, W41) != null, "the built issue is served");
    var list = get(endpoint.replace("mlnews/sparql", "queries"));
    assertTrue(list.body().contains("gan-papers-q4-2020"), list.body());

    assertEquals(Cli.OK, s.stop());
    assertTrue(s.out().contains("mlnews stopped; store closed: " + storeDir), s.out());
    // The store was closed: it opens again, and a second serve without building sees the same data.
    try (Store store = Store.open(storeDir)) {
      assertEquals(2, (int) store.read(() -> store.graphNames("https://mlnews.example.org/graph/issue/").size()));
    }
    var again = new Serving("--no-build");
    String endpoint2 = again.endpoint();
    assertTrue(!again.out().contains("issues in store ("), "no build: " + again.out());
    assertTrue(hash(endpoint2, W41) != null);
  }

  @Test
  void watchRebuildsAChangedIssue() throws Exception {
    var s = new Serving("--watch");
    String endpoint = s.endpoint();
    assertTrue(s.out().contains("watching"), s.out());
    String before = hash(endpoint, W41);
    assertTrue(before != null);

    Files.writeString(data.resolve(W41 + ".md"), "\n<!-- edited -->\n", StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (before.equals(hash(endpoint, W41))) {
      assertTrue(System.nanoTime() < deadline, "the edit was not picked up: " + s.out());
      Thread.sleep(100);
    }
    // The report is printed just after the build commits, so a query may see the change first.
    while (!s.out().contains("1 updated")) {
      assertTrue(System.nanoTime() < deadline, "the rebuild was not reported: " + s.out());
      Thread.sleep(50);
    }
    assertTrue(s.out().contains("changed   " + W41 + ".md"), s.out());

    // A new file becomes a new graph.
    Files.copy(data.resolve(W41 + ".md"), data.resolve("extra-issue.md"));
    deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (hash(endpoint, "extra-issue") == null) {
      assertTrue(System.nanoTime() < deadline, "the new file was not picked up: " + s.out());
      Thread.sleep(100);
    }
    assertEquals(Cli.OK, s.stop());
  }

  static int run(StringWriter out, StringWriter err, String... args) {
    return Cli.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
  }

  @Test
  void allowUpdateWithoutPasswordFileIsRefused() {
    var out = new StringWriter();
    var err = new StringWriter();
    assertEquals(Cli.USAGE, run(out, err, "serve", "--port", "0", "--store", storeDir.toString(), "--allow-update"));
    assertTrue(err.toString().contains("--allow-update needs --password-file"), err.toString());
    assertTrue(!Files.exists(storeDir), "refused before opening anything");
  }

  @Test
  void badOptionsAreUsageErrors() {
    var err = new StringWriter();
    assertEquals(Cli.USAGE, run(new StringWriter(), err, "serve", "--port", "-1", "--store", storeDir.toString()));
    assertTrue(err.toString().contains("Illegal port=-1 : Port must be 0..65535"), err.toString());
    err = new StringWriter();
    assertEquals(Cli.USAGE, run(new StringWriter(), err, "serve", "--timeout", "0", "--store", storeDir.toString()));
    assertTrue(err.toString().contains("Timeout must be positive"), err.toString());
    err = new StringWriter();
    assertEquals(Cli.USAGE, run(new StringWriter(), err, "serve", "--max-request-bytes", "100", "--store",
        storeDir.toString()));
    assertTrue(err.toString().contains("Max request bytes must be at least 1024"), err.toString());
  }

  @Test
  void configFileSetsOptionsAndTheCommandLineWins() throws Exception {
    Path config = tmp.resolve("serve.properties");
    Files.writeString(config, """
        # serve settings
        port = 0
        timeout = 2.5
        max-rows = 3
        max-request-bytes = 2048
        no-build = true
        """);
    Files.createDirectories(storeDir); // an empty store, never built: serving it without a build is fine
    var s = new Serving("--config", config.toString(), "--max-rows", "5");
    String endpoint = s.endpoint();
    assertTrue(s.out().contains("timeout 2.5 s, at most 5 rows"), s.out());
    assertTrue(!s.out().contains("issues in store ("), "no-build from the config: " + s.out());
    var r = get(endpoint + "?query=" + enc("SELECT * { ?s ?p ?o }"), "Accept", "text/csv");
    assertEquals(200, r.statusCode());
    assertEquals(1, r.body().strip().split("\r?\n").length, "empty store (not built): " + r.body());
    // The request limit from the config: a query just over it is refused, one under it runs.
    String padding = "#" + "x".repeat(2048) + "\n";
    assertEquals(413, Fixture.post(endpoint, "application/sparql-query", padding + "ASK {}").statusCode());
    assertEquals(200, Fixture.post(endpoint, "application/sparql-query", "#" + padding.substring(1100) + "ASK {}")
        .statusCode());

    Files.writeString(config, "prot = 8080\n");
    var err = new StringWriter();
    assertEquals(Cli.USAGE, run(new StringWriter(), err, "serve", "--config", config.toString()));
    assertTrue(err.toString().contains("unknown key 'prot'"), err.toString());
  }
}

package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.build.BuildReport;
import org.mlnews.build.Builder;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;

/**
 * Queries during rebuilds see a consistent snapshot, whether the rebuild is a build run by hand or
 * a {@code --watch} reload; a second process that wants to write the store is refused.
 *
 * <p>Two versions of a data folder: A (the bundled issues) and B (week 41's file holds other
 * entries, with another count; week 48 a changed title). Readers query the running server over
 * HTTP in a loop with one SPARQL query that, per issue graph, returns the graph's content hash,
 * the number of entries the issue declares ({@code ml:hasEntry}) and the number of entries typed
 * {@code ml:Entry}. A reader in the middle of a build would see an issue half replaced (the two
 * counts disagree, or a count that belongs to the other version's hash) or the store half rebuilt
 * (some issues of A, some of B).
 */
class ConcurrencyIT {
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final String W48 = "akiras-ml-news-week48-2020-150accbf126e";
  static final Duration RUN = Duration.ofMillis(Long.getLong("mlnews.concurrency.millis", 3000));
  static final String QUERY = """
      PREFIX ml: <https://mlnews.example.org/ontology#>
      SELECT ?g ?hash ?declared ?typed WHERE {
        GRAPH ?g { ?g ml:contentHash ?hash }
        { SELECT ?g (COUNT(?e) AS ?declared) WHERE { GRAPH ?g { ?i ml:hasEntry ?e } } GROUP BY ?g }
        { SELECT ?g (COUNT(?e) AS ?typed) WHERE { GRAPH ?g { ?e a ml:Entry } } GROUP BY ?g }
      } ORDER BY ?g
      """;

  @TempDir Path tmp;

  /** Graph -> "hash declared typed" for one version. */
  record Snapshot(Map<String, String> rows) {}

  static Map<String, String> versionA() throws Exception {
    return Map.of(W41 + ".md", Files.readString(Path.of("data", W41 + ".md")),
        W48 + ".md", Files.readString(Path.of("data", W48 + ".md")));
  }

  static Map<String, String> versionB() throws Exception {
    String w48 = Files.readString(Path.of("data", W48 + ".md"));
    // Week 41's file with week 48's entries (another count), under week 41's title.
    String otherEntries = "# 2020 年第 41 周" + w48.substring(w48.indexOf('\n'));
    return Map.of(W41 + ".md", otherEntries, W48 + ".md", w48.replaceFirst("\n", "（修订）\n"));
  }

  /** Writes a version file by file, each by an atomic rename, so no reader sees half a file. */
  static void write(Path data, Map<String, String> version) throws Exception {
    for (var e : version.entrySet()) {
      Path t = data.resolve("." + e.getKey() + ".tmp");
      Files.writeString(t, e.getValue());
      Files.move(t, data.resolve(e.getKey()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static Map<String, String> query(String sparql) throws Exception {
    var r = Fixture.get(sparql + "?query=" + Fixture.enc(QUERY), "Accept", "application/sparql-results+json");
    if (r.statusCode() != 200) {
      throw new AssertionError("status " + r.statusCode() + ": " + r.body());
    }
    var rows = new TreeMap<String, String>();
    for (JsonNode b : new ObjectMapper().readTree(r.body()).path("results").path("bindings")) {
      rows.put(b.path("g").path("value").asText(), b.path("hash").path("value").asText() + " "
          + b.path("declared").path("value").asText() + " " + b.path("typed").path("value").asText());
    }
    return rows;
  }

  /** Readers on their own threads, each checking every answer with {@code check}. */
  static final class Readers {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicInteger queries = new AtomicInteger();
    final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
    final List<Thread> threads = new ArrayList<>();

    Readers(int n, String sparql, java.util.function.Function<Map<String, String>, String> check) {
      for (int i = 0; i < n; i++) {
        Thread t = new Thread(() -> {
          while (!stop.get()) {
            try {
              Map<String, String> rows = query(sparql);
              String verdict = check.apply(rows);
              if (verdict.startsWith("MIXED")) {
                failures.add(verdict + ": " + rows);
              } else {
                seen.add(verdict);
              }
              queries.incrementAndGet();
            } catch (Exception | AssertionError e) {
              failures.add(e.toString());
            }
          }
        }, "reader-" + i);
        t.start();
        threads.add(t);
      }
    }

    void stop() throws InterruptedException {
      stop.set(true);
      for (Thread t : threads) {
        t.join(30_000);
      }
    }
  }

  @Test
  void queriesDuringRebuildsSeeWhollyOneVersion() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    var builder = new Builder(data, Path.of("ontology"), IRIS);
    try (Store store = Store.open(tmp.resolve("store"))) {
      MlnewsServer server = Fixture.server(store, Fixture.queries(tmp.resolve("queries"))).iris(IRIS).build().start();
      try {
        write(data, versionA());
        builder.build(store);
        Map<String, String> a = query(server.sparqlUrl());
        write(data, versionB());
        builder.build(store);
        Map<String, String> b = query(server.sparqlUrl());
        assertEquals(2, a.size(), a.toString());
        assertTrue(!a.get(IRIS.issueGraph(W41).getURI()).split(" ")[1].equals(b.get(IRIS.issueGraph(W41).getURI()).split(" ")[1]),
            "the versions differ in entry counts: " + a + " " + b);

        var readers = new Readers(3, server.sparqlUrl(), rows -> rows.equals(a) ? "A" : rows.equals(b) ? "B" : "MIXED");
        int builds = 0;
        long end = System.nanoTime() + RUN.toNanos();
        while (System.nanoTime() < end) {
          write(data, builds % 2 == 0 ? versionA() : versionB());
          BuildReport r = builder.build(store);
          assertEquals(2, r.updated().size(), r.summary());
          builds++;
        }
        readers.stop();
        assertTrue(readers.failures.isEmpty(), readers.failures.size() + " inconsistent answers, e.g. "
            + readers.failures.peek());
        long sawA = readers.seen.stream().filter("A"::equals).count();
        long sawB = readers.seen.stream().filter("B"::equals).count();
        assertTrue(sawA > 0 && sawB > 0, "readers saw both versions: A " + sawA + ", B " + sawB);
        System.out.printf("concurrency: %d builds while 3 readers ran %d queries: %d saw A, %d saw B, none a mix%n",
            builds, readers.queries.get(), sawA, sawB);
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void queriesDuringWatchReloadsSeeEachIssueWhole() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    var builder = new Builder(data, Path.of("ontology"), IRIS);
    try (Store store = Store.open(tmp.resolve("store"))) {
      MlnewsServer server = Fixture.server(store, Fixture.queries(tmp.resolve("queries"))).iris(IRIS).build().start();
      var reloads = new AtomicInteger();
      var reloadFailures = new ConcurrentLinkedQueue<String>();
      try (Watcher watcher = Watcher.start(data, Duration.ofMillis(20), builder, store, new Watcher.Listener() {
        @Override
        public void rebuilt(List<String> changed, BuildReport report) {
          reloads.incrementAndGet();
          if (!report.ok()) {
            reloadFailures.add(report.failed().toString());
          }
        }
      })) {
        write(data, versionA());
        builder.build(store);
        Map<String, String> a = query(server.sparqlUrl());
        write(data, versionB());
        builder.build(store);
        Map<String, String> b = query(server.sparqlUrl());
        // The watcher may build a folder half A and half B (it sees files change one by one): per
        // issue, the row must be that issue's row in A or in B, whole.
        var readers = new Readers(3, server.sparqlUrl(), rows -> {
          if (!rows.keySet().equals(a.keySet())) {
            return "MIXED graphs " + rows.keySet();
          }
          for (String g : rows.keySet()) {
            String row = rows.get(g);
            String[] f = row.split(" ");
            if (!f[1].equals(f[2]) || !(row.equals(a.get(g)) || row.equals(b.get(g)))) {
              return "MIXED " + g;
            }
          }
          return rows.equals(a) ? "A" : rows.equals(b) ? "B" : "per-issue";
        });
        long end = System.nanoTime() + RUN.toNanos();
        int writes = 0;
        while (System.nanoTime() < end) {
          write(data, writes++ % 2 == 0 ? versionA() : versionB());
          Thread.sleep(150);
        }
        // The watcher catches up with the last change while the readers still read. The store
        // can show the last version for a moment before it has: the version written two changes
        // before is the same, and the watcher may still have the last two to build. So the store
        // is read once the watcher has been quiet for a second and holds no build.
        Map<String, String> expected = (writes - 1) % 2 == 0 ? a : b;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int seen = -1;
        long quietSince = System.nanoTime();
        while (System.nanoTime() < deadline) {
          Thread.sleep(100);
          if (reloads.get() != seen) {
            seen = reloads.get();
            quietSince = System.nanoTime();
          } else if (System.nanoTime() - quietSince > TimeUnit.SECONDS.toNanos(1)
              && store.exclusively(() -> reloads.get()) == seen && query(server.sparqlUrl()).equals(expected)) {
            break;
          }
        }
        readers.stop();
        assertTrue(reloadFailures.isEmpty(), reloadFailures.toString());
        assertTrue(readers.failures.isEmpty(), readers.failures.size() + " inconsistent answers, e.g. "
            + readers.failures.peek());
        assertTrue(reloads.get() >= 3, "the watcher reloaded " + reloads.get() + " times");
        assertEquals(expected, query(server.sparqlUrl()), "after the last reload");
        System.out.printf("concurrency (--watch): %d folder changes, %d reloads while 3 readers ran %d queries,"
            + " every issue whole%n", writes, reloads.get(), readers.queries.get());
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void aSecondProcessThatWantsToWriteIsRefused() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    write(data, versionA());
    Path dir = tmp.resolve("store");
    try (Store held = Store.open(dir)) {
      new Builder(data, Path.of("ontology"), IRIS).build(held);
      var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.mlnews.Main",
          "build", "--data", data.toString(), "--store", dir.toString(), "--ontology", "ontology");
      Path err = tmp.resolve("err.txt");
      Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(tmp.resolve("out.txt").toFile()).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS));
      String message = Files.readString(err);
      assertEquals(1, p.exitValue(), message);
      assertEquals("mlnews build: the store " + dir + " is in use by another process (see " + dir.resolve("tdb.lock")
          + "); stop that process first", message.strip());
      assertTrue(Objects.requireNonNull(held.read(() -> held.datasetGraph().getUnionGraph().size())) > 0,
          "the holder is unharmed");
    }
  }
}

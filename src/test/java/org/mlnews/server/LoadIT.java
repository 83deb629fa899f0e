package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.build.BuildReport;
import org.mlnews.build.Builder;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.QueryLibrary;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;

/**
 * A load generator on loopback: concurrent clients (a fixed pool; one keep-alive HTTP/1.1 client
 * each) send a mix of SPARQL queries, named queries and browser pages for a fixed time, over a
 * store built from the bundled issues (and the corpus when present). It reports throughput and
 * p50/p99 latency per kind, asserts that no request failed, and that the heap after a full GC is
 * back near where it was before the run (caches are warmed by a first, unmeasured round).
 *
 * <p>{@code -Dmlnews.load.seconds=S} (default 5), {@code -Dmlnews.load.clients=N} (default 4).
 */
class LoadIT {
  static final int SECONDS = Integer.getInteger("mlnews.load.seconds", 5);
  static final int CLIENTS = Integer.getInteger("mlnews.load.clients", 4);
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  @TempDir Path tmp;

  record Req(String kind, String path, String accept) {}

  static List<Req> mix() {
    String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
    String papers = "PREFIX ml: <https://mlnews.example.org/ontology#> PREFIX dcterms: <http://purl.org/dc/terms/> "
        + "SELECT ?paper ?title WHERE { ?paper a ml:Paper ; dcterms:title ?title } ORDER BY ?title LIMIT 20";
    String issues = "PREFIX ml: <https://mlnews.example.org/ontology#> "
        + "SELECT ?issue (COUNT(?e) AS ?n) WHERE { ?issue ml:hasEntry ?e } GROUP BY ?issue ORDER BY DESC(?n)";
    return List.of(
        new Req("sparql", "mlnews/sparql?query=" + Fixture.enc(count), "application/sparql-results+json"),
        new Req("sparql", "mlnews/sparql?query=" + Fixture.enc(papers), "text/csv"),
        new Req("sparql", "mlnews/sparql?query=" + Fixture.enc(issues), "application/sparql-results+json"),
        new Req("sparql", "mlnews/sparql?query=" + Fixture.enc("ASK { ?s a <https://mlnews.example.org/ontology#Issue> }"),
            "application/sparql-results+json"),
        new Req("named", "queries/gan-papers-q4-2020", "text/csv"),
        new Req("named", "queries/papers-by-topic?topic=GAN", "application/sparql-results+json"),
        new Req("named", "queries/issue-contents?issue=" + W41, "text/csv"),
        new Req("page", "", "text/html"),
        new Req("page", "issue/" + W41, "text/html"),
        new Req("page", "topic/GAN", "text/html"),
        new Req("page", "time/week/2020-W41", "text/html"),
        new Req("page", "search?q=GAN", "text/html"),
        new Req("page", "issue/" + W41, "text/turtle"),
        new Req("page", "queries", "text/html"));
  }

  static long usedHeapAfterGc() throws InterruptedException {
    var memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  /** Per kind: latencies in microseconds; and the errors. */
  record Result(Map<String, long[]> latencies, List<String> errors, double seconds) {
    long total() {
      return latencies.values().stream().mapToLong(a -> a.length).sum();
    }
  }

  static Result run(String base, List<Req> mix, int clients, Duration duration) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    var errors = new ConcurrentLinkedQueue<String>();
    var futures = new ArrayList<Future<Map<String, List<Long>>>>();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    for (int c = 0; c < clients; c++) {
      int offset = c;
      futures.add(pool.submit(() -> {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
        var mine = new TreeMap<String, List<Long>>();
        for (int i = offset; System.nanoTime() < end; i++) {
          Req r = mix.get(i % mix.size());
          long t0 = System.nanoTime();
          try {
            var resp = http.send(HttpRequest.newBuilder(URI.create(base + r.path())).header("Accept", r.accept())
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (resp.statusCode() != 200 || resp.body().length == 0) {
              errors.add(r.path() + " -> " + resp.statusCode());
            }
          } catch (Exception e) {
            errors.add(r.path() + " -> " + e);
          }
          mine.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add((System.nanoTime() - t0) / 1000);
        }
        return mine;
      }));
    }
    var all = new TreeMap<String, List<Long>>();
    for (var f : futures) {
      f.get().forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    var latencies = new TreeMap<String, long[]>();
    all.forEach((k, v) -> {
      long[] a = v.stream().mapToLong(Long::longValue).toArray();
      Arrays.sort(a);
      latencies.put(k, a);
    });
    return new Result(latencies, List.copyOf(errors), seconds);
  }

  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
  }

  @Test
  void concurrentClientsGetAnswersAndTheHeapComesBack() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (Path dir : List.of(Path.of("data"), Path.of(System.getProperty("mlnews.corpus", "../shared/corpus/zh")))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          for (Path f : s.filter(p -> p.toString().endsWith(".md")).toList()) {
            Files.copy(f, data.resolve(f.getFileName()));
          }
        }
      }
    }
    try (Store store = Store.open(tmp.resolve("store"))) {
      BuildReport report = new Builder(data, Path.of("ontology"), IRIS).build(store);
      assertTrue(report.ok(), report.summary());
      var binder = new ParamBinder(IRIS, TopicScheme.load(Path.of("ontology", "topics.ttl")));
      MlnewsServer server = MlnewsServer.builder().store(store).queries(QueryLibrary.load(Path.of("queries")))
          .binder(binder).iris(IRIS).port(0).host("127.0.0.1").build().start();
      try {
        String base = server.baseUrl();
        List<Req> mix = mix();
        // Warm up: every request once per client, so caches and JIT are in their working state.
        Result warm = run(base, mix, CLIENTS, Duration.ofMillis(1500));
        assertTrue(warm.errors().isEmpty(), "warm-up errors: " + warm.errors());
        long before = usedHeapAfterGc();

        Result r = run(base, mix, CLIENTS, Duration.ofSeconds(SECONDS));
        long after = usedHeapAfterGc();

        var sb = new StringBuilder(String.format("load: %d clients for %.1f s over %d issues (%d quads): %d requests,"
            + " %.0f requests/s, %d errors%n", CLIENTS, r.seconds(), report.issues(), report.quadsAdded(), r.total(),
            r.total() / r.seconds(), r.errors().size()));
        long[] everything = r.latencies().values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
        sb.append(String.format("  %-7s %7d requests  p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", "all",
            everything.length, percentile(everything, 0.5), percentile(everything, 0.99), percentile(everything, 1)));
        r.latencies().forEach((kind, a) -> sb.append(String.format("  %-7s %7d requests  p50 %7.1f ms  p99 %7.1f ms"
            + "  max %7.1f ms%n", kind, a.length, percentile(a, 0.5), percentile(a, 0.99), percentile(a, 1))));
        sb.append(String.format("  heap after GC: %.1f MB before the run, %.1f MB after (max heap %.0f MB)%n",
            before / 1048576.0, after / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0));
        System.out.print(sb);

        assertEquals(List.of(), r.errors().subList(0, Math.min(10, r.errors().size())), "no request may fail");
        assertTrue(r.total() > CLIENTS * 10L, "the server answered " + r.total() + " requests");
        assertEquals(3, r.latencies().size(), "every kind of request was sent");
        // Back to its baseline: what the run allocated is garbage. Some slack for caches that
        // keep growing slowly (TDB2's node cache, Jetty's buffer pool, the JIT's data).
        long slack = Math.max(48L << 20, before / 4);
        assertTrue(after <= before + slack, String.format("heap grew from %.1f MB to %.1f MB",
            before / 1048576.0, after / 1048576.0));
      } finally {
        server.stop();
      }
    }
  }
}

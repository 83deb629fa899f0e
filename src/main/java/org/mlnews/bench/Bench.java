package org.mlnews.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.query.Query;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.mlnews.build.BuildReport;

import org.mlnews.generate.Generator;
import org.mlnews.query.NamedQuery;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.QueryLibrary;
import org.mlnews.query.QueryRunner;
import org.mlnews.query.ResultFormat;
import org.mlnews.rdf.Iris;
import org.mlnews.server.MlnewsServer;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;

/**
 * The scale benchmark. For each corpus size it generates a synthetic corpus, then measures:
 * <ul>
 *   <li>the full build into an empty store, beside the baseline: the same data as N-Quads, parsed
 *       by RIOT and loaded by TDB2's bulk loader into another empty store;
 *   <li>an incremental build after one issue file is edited;
 *   <li>the named queries, p50 and p99, directly on the dataset and over HTTP;
 *   <li>pages per second of the server's pages under concurrent clients;
 *   <li>optionally {@code serve} in a child JVM with a small heap, under the same load;
 *   <li>peak heap of every phase and the store's size on disk.
 * </ul>
 * One-shot phases (builds) are timed once: they run for seconds to minutes, where JIT warm-up is
 * noise. Queries and pages are timed after a warm-up, many times, and reported as percentiles.
 *
 * <pre>{@code
 * var report = Bench.builder().sizes(List.of(100, 1000)).work(Path.of("target/bench")).build().run(log);
 * Files.writeString(Path.of("bench.json"), report.toJson());
 * }</pre>
 */
public final class Bench {
  /** A named query and the parameters it is run with. */
  public record QuerySpec(String name, Map<String, String> params) {
    public QuerySpec {
      Objects.requireNonNull(name, "name");
      params = Map.copyOf(params);
    }

    String httpPath() {
      var sb = new StringBuilder("queries/").append(name);
      String sep = "?";
      for (var e : new java.util.TreeMap<>(params).entrySet()) {
        sb.append(sep).append(e.getKey()).append('=').append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        sep = "&";
      }
      return sb.toString();
    }
  }

  /**
   * The named queries of the issue, with the parameters of the README's examples; the topic trend
   * over every year, and by week both over one year and over every week (a row per week: 10,000
   * rows at 10,000 issues).
   */
  public static final List<QuerySpec> DEFAULT_QUERIES = List.of(
      new QuerySpec("gan-papers-q4-2020", Map.of()),
      new QuerySpec("papers-by-topic", Map.of("topic", "VAE", "year", "2020")),
      new QuerySpec("topic-trend", Map.of("topic", "GAN")),
      new QuerySpec("topic-weeks", Map.of("topic", "GAN", "year", "2020")),
      new QuerySpec("topic-weeks", Map.of("topic", "GAN")));

  /**
   * The fixed pages measured for pages per second: the browser's home, a topic, a quarter and a
   * search, and the named-query index. Each named query's page, an issue's page and a paper's page
   * (from the generated corpus) are added per size; more with {@link Builder#page}.
   */
  public static final List<String> DEFAULT_PAGES = List.of("", "topic/GAN", "time/quarter/2020-Q4",
      "search?q=GAN", "queries");

  private final List<Integer> sizes;
  private final long seed;
  private final Path work;
  private final Path ontology;
  private final Path queries;
  private final String base;
  private final int warmup;
  private final int runs;
  private final int clients;
  private final Duration pageTime;
  private final Duration queryBudget;
  private final List<QuerySpec> querySpecs;
  private final List<String> fixedPages;
  /** The pages of the size being measured: the fixed ones and the corpus' own. */
  private List<String> pages = List.of();
  private final String serveHeap;
  private final boolean keep;
  private final boolean warmUp;

  private Bench(Builder b) {
    this.sizes = List.copyOf(b.sizes);
    this.seed = b.seed;
    this.work = b.work;
    this.ontology = b.ontology;
    this.queries = b.queries;
    this.base = b.base;
    this.warmup = b.warmup;
    this.runs = b.runs;
    this.clients = b.clients;
    this.pageTime = b.pageTime;
    this.queryBudget = b.queryBudget;
    this.querySpecs = List.copyOf(b.querySpecs);
    var p = new ArrayList<>(DEFAULT_PAGES);
    b.querySpecs.forEach(q -> p.add(q.httpPath()));
    p.addAll(b.extraPages);
    this.fixedPages = List.copyOf(p);
    this.serveHeap = b.serveHeap;
    this.keep = b.keep;
    this.warmUp = b.warmUp;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options; each setter checks its value at once. */
  public static final class Builder {
    private List<Integer> sizes = List.of(100, 1_000, 10_000);
    private long seed = 1;
    private Path work = Path.of("target", "bench");
    private Path ontology = Path.of("ontology");
    private Path queries = Path.of("queries");
    private String base = Iris.DEFAULT_BASE;
    private int warmup = 20;
    private int runs = 200;
    private int clients = 4;
    private Duration pageTime = Duration.ofSeconds(10);
    private Duration queryBudget = Duration.ofSeconds(30);
    private List<QuerySpec> querySpecs = DEFAULT_QUERIES;
    private final List<String> extraPages = new ArrayList<>();
    private String serveHeap = "512m";
    private boolean keep;
    private boolean warmUp = true;

    private Builder() {}

    /** Whether an untimed small build and load run first (on by default; a smoke run skips it). */
    public Builder warmUp(boolean w) {
      this.warmUp = w;
      return this;
    }

    public Builder sizes(List<Integer> s) {
      if (s.isEmpty() || s.stream().anyMatch(n -> n < 1)) {
        throw new IllegalArgumentException("Illegal sizes=" + s + " : give one or more issue counts >= 1");
      }
      this.sizes = List.copyOf(s);
      return this;
    }

    public Builder seed(long s) {
      this.seed = s;
      return this;
    }

    /** Folder for the generated corpora and stores (one sub-folder per size). */
    public Builder work(Path dir) {
      this.work = Objects.requireNonNull(dir, "work");
      return this;
    }

    public Builder ontology(Path dir) {
      this.ontology = Objects.requireNonNull(dir, "ontology");
      return this;
    }

    public Builder queries(Path dir) {
      this.queries = Objects.requireNonNull(dir, "queries");
      return this;
    }

    public Builder base(String iri) {
      this.base = Objects.requireNonNull(iri, "base");
      return this;
    }

    /** Untimed runs of each query before the timed ones. */
    public Builder warmup(int n) {
      if (n < 0) {
        throw new IllegalArgumentException("Illegal warmup=" + n + " : must be >= 0");
      }
      this.warmup = n;
      return this;
    }

    /** Timed runs of each query, each way (direct, HTTP). */
    public Builder runs(int n) {
      if (n < 1) {
        throw new IllegalArgumentException("Illegal runs=" + n + " : must be >= 1");
      }
      this.runs = n;
      return this;
    }

    /** Concurrent HTTP clients for the pages-per-second phase. */
    public Builder clients(int n) {
      if (n < 1 || n > 256) {
        throw new IllegalArgumentException("Illegal clients=" + n + " : must be 1..256");
      }
      this.clients = n;
      return this;
    }

    /** How long the pages-per-second phase runs. */
    public Builder pageTime(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("Illegal page time=" + d + " : must be positive");
      }
      this.pageTime = d;
      return this;
    }

    /** Most time spent timing one query one way (direct or HTTP); at least 5 runs are made. */
    public Builder queryBudget(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("Illegal query budget=" + d + " : must be positive");
      }
      this.queryBudget = d;
      return this;
    }

    public Builder querySpecs(List<QuerySpec> specs) {
      this.querySpecs = List.copyOf(specs);
      return this;
    }

    /** Another server path (no leading slash) to measure in pages per second, e.g. a browser page. */
    public Builder page(String path) {
      String p = Objects.requireNonNull(path, "page").replaceFirst("^/+", "");
      this.extraPages.add(p);
      return this;
    }

    /** Heap of the child JVM that runs {@code serve} under load (e.g. 512m); null skips that phase. */
    public Builder serveHeap(String heap) {
      if (heap != null && !heap.matches("\\d+[kmgKMG]?")) {
        throw new IllegalArgumentException("Illegal serve heap=" + heap + " : expected a size such as 512m");
      }
      this.serveHeap = heap;
      return this;
    }

    /** Keep the corpora and stores after the run (they are deleted otherwise). */
    public Builder keep(boolean k) {
      this.keep = k;
      return this;
    }

    /**
     * @throws IllegalArgumentException when the ontology or queries folder lacks what the bench
     *     reads: said now, not as a parser's error minutes into the run
     */
    public Bench build() {
      for (Path needed : List.of(ontology.resolve("mlnews.ttl"), ontology.resolve("topics.ttl"), queries)) {
        if (!Files.exists(needed)) {
          throw new IllegalArgumentException(needed + " does not exist; run the bench in the project folder"
              + " or give --ontology and --queries");
        }
      }
      for (QuerySpec q : querySpecs) {
        if (!Files.isRegularFile(queries.resolve(q.name() + ".rq"))) {
          throw new IllegalArgumentException("no named query " + q.name() + " in " + queries);
        }
      }
      return new Bench(this);
    }
  }

  /** Runs every size in turn, printing progress to {@code log}. */
  public BenchReport run(PrintWriter log) {
    var machine = BenchReport.Machine.current();
    if (warmUp) {
      warmUp(log);
    }
    var results = new ArrayList<BenchReport.SizeResult>();
    for (int n : sizes) {
      results.add(runSize(n, log));
    }
    return new BenchReport(machine, new BenchReport.Settings(seed, warmup, runs,
        clients, pageTime.toMillis() / 1000.0, serveHeap, Runtime.getRuntime().maxMemory()), results);
  }

  private BenchReport.SizeResult runSize(int n, PrintWriter log) {
    Path dir = work.resolve("n" + n);
    Stats.deleteTree(dir);
    Path data = dir.resolve("data");
    Path storeDir = dir.resolve("store");
    Path baselineDir = dir.resolve("baseline");
    Path nquads = dir.resolve("data.nq");
    Iris iris = new Iris(base);
    try {
      say(log, "n=" + n + ": generating");
      var corpus = Generator.builder().issues(n).seed(seed).build().generate(data);
      pages = pagesOf(corpus);

      // Full build into an empty store.
      say(log, "n=" + n + ": full build");
      Stats.resetPeakHeap();
      double c0 = BenchReport.Machine.processCpuSeconds();
      long t0 = System.nanoTime();
      BuildReport full;
      long quads;
      try (Store store = Store.open(storeDir)) {
        full = new org.mlnews.build.Builder(data, ontology, iris).build(store);
        double buildSeconds = seconds(t0);
        double buildCpu = BenchReport.Machine.processCpuSeconds() - c0;
        long buildHeap = Stats.peakHeap();
        if (!full.ok()) {
          throw new IllegalStateException("the build failed: " + full.failed());
        }
        quads = store.read(store::quadCount);
        long triples = store.read(() -> store.datasetGraph().getUnionGraph().size());
        var build = new BenchReport.Load("mlnews build", buildSeconds, buildCpu, n / buildSeconds, quads / buildSeconds, buildHeap);
        say(log, String.format(Locale.ROOT, "  %d quads in %.1f s", quads, buildSeconds));

        // The same data as N-Quads, for the baseline (not timed).
        try (OutputStream out = Files.newOutputStream(nquads)) {
          Txn.executeRead(store.datasetGraph(), () -> RDFDataMgr.write(out, store.datasetGraph(), Lang.NQUADS));
        }
        store.close();

        say(log, "n=" + n + ": baseline (RIOT + TDB2 bulk loader)");
        var baseline = baseline(nquads, baselineDir, n);
        say(log, String.format(Locale.ROOT, "  %d quads in %.1f s (%s)", quads, baseline.seconds(), baseline.what()));
        long baselineBytes = Stats.sizeOnDisk(baselineDir);
        Stats.deleteTree(baselineDir);
        Files.deleteIfExists(nquads);

        // One issue edited, built again.
        say(log, "n=" + n + ": incremental build after editing one issue");
        Path edited = corpus.issues().get(corpus.issues().size() / 2).file();
        edit(edited);
        Stats.resetPeakHeap();
        double c1 = BenchReport.Machine.processCpuSeconds();
        long t1 = System.nanoTime();
        BuildReport inc;
        try (Store again = Store.open(storeDir)) {
          inc = new org.mlnews.build.Builder(data, ontology, iris).build(again);
        }
        double incSeconds = seconds(t1);
        var incremental = new BenchReport.Incremental(incSeconds, BenchReport.Machine.processCpuSeconds() - c1,
            inc.updated().size(),
            inc.unchanged().size(), Stats.peakHeap());
        say(log, String.format(Locale.ROOT, "  %s in %.2f s", inc.summary(), incSeconds));

        List<BenchReport.QueryResult> queryResults;
        List<BenchReport.PageResult> pageResults;
        try (Store s = Store.open(storeDir)) {
          say(log, "n=" + n + ": named queries and pages");
          queryResults = queries(s, iris);
          pageResults = pages(s, iris);
        }
        long storeBytes = Stats.sizeOnDisk(storeDir);

        BenchReport.ServeResult serve = null;
        if (serveHeap != null) {
          say(log, "n=" + n + ": serve -Xmx" + serveHeap + " in a child JVM, under load");
          serve = serveChild(data, storeDir, log);
        }
        return new BenchReport.SizeResult(n, corpus.bytes(), triples, quads, build, baseline,
            build.quadsPerSecond() / baseline.quadsPerSecond(), incremental, queryResults, pageResults,
            serve, storeBytes, baselineBytes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (!keep) {
        Stats.deleteTree(dir);
      }
    }
  }

  /**
   * A small untimed build and baseline load first, so that neither side of the first size pays
   * for loading classes and compiling hot code that the other then gets for free.
   */
  private void warmUp(PrintWriter log) {
    Path dir = work.resolve("warm-up");
    Stats.deleteTree(dir);
    say(log, "warming up");
    try {
      Generator.builder().issues(50).seed(seed + 1).build().generate(dir.resolve("data"));
      Path nquads = dir.resolve("data.nq");
      try (Store store = Store.open(dir.resolve("store"))) {
        new org.mlnews.build.Builder(dir.resolve("data"), ontology, new Iris(base)).build(store);
        try (OutputStream out = Files.newOutputStream(nquads)) {
          Txn.executeRead(store.datasetGraph(), () -> RDFDataMgr.write(out, store.datasetGraph(), Lang.NQUADS));
        }
      }
      baseline(nquads, dir.resolve("baseline"), 50);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      Stats.deleteTree(dir);
    }
  }

  private BenchReport.Load baseline(Path nquads, Path dir, int n) {
    Stats.resetPeakHeap();
    double c0 = BenchReport.Machine.processCpuSeconds();
    long t0 = System.nanoTime();
    DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
    DataLoader loader = LoaderFactory.createLoader(dsg, (fmt, args) -> { });
    loader.startBulk();
    try {
      loader.load(nquads.toString());
      loader.finishBulk();
    } catch (RuntimeException e) {
      loader.finishException(e);
      throw e;
    }
    double s = seconds(t0);
    double cpu = BenchReport.Machine.processCpuSeconds() - c0;
    long quads = loader.countQuads();
    long heap = Stats.peakHeap();
    TDBInternal.expel(dsg);
    return new BenchReport.Load("RIOT + TDB2 " + loader.getClass().getSimpleName(), s, cpu, n / s, quads / s, heap);
  }

  /** Adds a sentence to the first summary of an issue file: a curator's small edit. */
  static void edit(Path file) throws IOException {
    var lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith("![](img/")) {
        lines.add(i, "");
        lines.add(i, "(Edited: a sentence added by the benchmark.)");
        break;
      }
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  private List<BenchReport.QueryResult> queries(Store store, Iris iris) {
    var library = QueryLibrary.load(queries);
    var binder = new ParamBinder(iris, TopicScheme.load(ontology.resolve("topics.ttl")));
    var out = new ArrayList<BenchReport.QueryResult>();
    MlnewsServer server = MlnewsServer.builder().store(store).queries(library).binder(binder).port(0)
        .host("127.0.0.1").ui(false).iris(iris)
        .describer(org.mlnews.dump.Describer.load(ontology, iris)).build().start();
    try {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      for (QuerySpec spec : querySpecs) {
        NamedQuery named = library.get(spec.name()).orElseThrow(
            () -> new IllegalArgumentException("no named query " + spec.name() + " in " + queries));
        Query query;
        try {
          query = binder.bind(named, spec.params());
        } catch (org.mlnews.query.ParamException e) {
          throw new IllegalArgumentException(spec.name() + ": " + e.getMessage(), e);
        }
        long rows = store.read(() -> {
          try (var qe = org.apache.jena.query.QueryExecution.dataset(store.dataset()).query(query).build()) {
            return org.apache.jena.query.ResultSetFormatter.consume(qe.execSelect()) + 0L;
          }
        });
        double[] direct = time(() -> QueryRunner.run(store.datasetGraph(), query, ResultFormat.JSON,
            OutputStream.nullOutputStream(), 0));
        URI uri = URI.create(server.baseUrl() + spec.httpPath());
        double[] overHttp = time(() -> get(http, uri, "application/sparql-results+json"));
        out.add(new BenchReport.QueryResult(spec.name(), spec.params(), rows, direct.length, overHttp.length,
            Stats.percentile(direct, 50), Stats.percentile(direct, 99),
            Stats.percentile(overHttp, 50), Stats.percentile(overHttp, 99)));
      }
    } finally {
      server.stop();
    }
    return out;
  }

  /**
   * Times {@code r}: {@code warmup} untimed runs, then {@code runs} timed ones, both cut short by
   * {@code queryBudget} (a slow query at 10,000 issues would otherwise run for an hour); at least
   * {@link #MIN_RUNS} timed runs whatever the budget. Milliseconds per run.
   */
  private double[] time(Runnable r) {
    long warmEnd = System.nanoTime() + queryBudget.toNanos() / 4;
    for (int i = 0; i < warmup && System.nanoTime() < warmEnd; i++) {
      r.run();
    }
    var ms = new ArrayList<Double>();
    long end = System.nanoTime() + queryBudget.toNanos();
    while (ms.size() < runs && (ms.size() < MIN_RUNS || System.nanoTime() < end)) {
      long t = System.nanoTime();
      r.run();
      ms.add((System.nanoTime() - t) / 1e6);
    }
    return ms.stream().mapToDouble(Double::doubleValue).toArray();
  }

  static final int MIN_RUNS = 5;

  private static void get(HttpClient http, URI uri, String accept) {
    try {
      var resp = http.send(HttpRequest.newBuilder(uri).header("Accept", accept).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      if (resp.statusCode() != 200) {
        throw new IllegalStateException("GET " + uri + " answered " + resp.statusCode());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + uri, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The fixed pages, then an issue's page and the page of a paper several issues featured. */
  private List<String> pagesOf(Generator.Corpus corpus) {
    var p = new ArrayList<>(fixedPages);
    var issue = corpus.issues().get(corpus.issues().size() / 2);
    p.add(1, "issue/" + issue.slug());
    String paper = null;
    var seen = new java.util.HashSet<String>();
    search:
    for (var i : corpus.issues()) {
      for (String id : i.paperIds()) {
        if (!seen.add(id)) {
          paper = id; // featured again: its page lists several issues
          break search;
        }
      }
    }
    if (paper == null && !issue.paperIds().isEmpty()) {
      paper = issue.paperIds().get(0);
    }
    if (paper != null) {
      p.add(2, "paper/" + paper.replace(':', '/'));
    }
    return List.copyOf(p);
  }

  private List<BenchReport.PageResult> pages(Store store, Iris iris) {
    var library = QueryLibrary.load(queries);
    var binder = new ParamBinder(iris, TopicScheme.load(ontology.resolve("topics.ttl")));
    MlnewsServer server = MlnewsServer.builder().store(store).queries(library).binder(binder).port(0)
        .host("127.0.0.1").ui(false).iris(iris)
        .describer(org.mlnews.dump.Describer.load(ontology, iris)).build().start();
    try {
      return load(server.baseUrl());
    } finally {
      server.stop();
    }
  }

  /**
   * Each page in turn: {@code clients} threads request it over and over (as HTML, the way a
   * browser asks) for {@code pageTime}; per page: requests, errors, pages per second.
   */
  /** The first failures of the last {@link #load}: page and status or exception. */
  private final java.util.Queue<String> failures = new java.util.concurrent.ConcurrentLinkedQueue<>();
  private static final int FAILURES_KEPT = 20;

  private List<BenchReport.PageResult> load(String baseUrl) {
    failures.clear();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
    var out = new ArrayList<BenchReport.PageResult>();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(clients);
    try {
      for (String page : pages) {
        URI uri = URI.create(baseUrl + page);
        var ok = new AtomicLong();
        var failed = new AtomicLong();
        for (int i = 0; i < Math.max(3, warmup / 4); i++) { // warm-up
          request(http, uri, new AtomicLong(), new AtomicLong(), page);
        }
        long started = System.nanoTime();
        long deadline = started + pageTime.toNanos();
        var futures = new ArrayList<CompletableFuture<Void>>();
        for (int c = 0; c < clients; c++) {
          futures.add(CompletableFuture.runAsync(() -> {
            while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
              request(http, uri, ok, failed, page);
            }
          }, pool));
        }
        futures.forEach(CompletableFuture::join);
        double s = seconds(started);
        out.add(new BenchReport.PageResult("/" + page, ok.get() + failed.get(), failed.get(), ok.get() / s));
      }
    } finally {
      pool.shutdownNow();
    }
    return out;
  }

  private void request(HttpClient http, URI uri, AtomicLong ok, AtomicLong failed, String page) {
    try {
      var resp = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
              .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").GET().build(),
          HttpResponse.BodyHandlers.discarding());
      if (resp.statusCode() / 100 == 2) {
        ok.incrementAndGet();
      } else {
        failed.incrementAndGet();
        failure(page, "HTTP " + resp.statusCode());
      }
    } catch (IOException e) {
      failed.incrementAndGet();
      failure(page, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void failure(String page, String what) {
    if (failures.size() < FAILURES_KEPT) {
      failures.add("/" + page + ": " + what);
    }
  }

  private BenchReport.ServeResult serveChild(Path data, Path storeDir, PrintWriter log) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    var cmd = new ArrayList<>(List.of(java, "-Xmx" + serveHeap, "-cp", System.getProperty("java.class.path"),
        "org.mlnews.Main", "serve", "--data", data.toString(), "--store", storeDir.toString(),
        "--ontology", ontology.toString(), "--queries", queries.toString(), "--base", base,
        "--port", "0", "--host", "127.0.0.1"));
    Path errFile = Files.createTempFile("mlnews-serve", ".err");
    Process p = new ProcessBuilder(cmd).redirectError(errFile.toFile()).start();
    long t0 = System.nanoTime();
    try {
      var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      Pattern endpoint = Pattern.compile("SPARQL endpoint\\s+(http://\\S+?/)mlnews/sparql");
      String baseUrl = null;
      for (String line; (line = reader.readLine()) != null; ) {
        Matcher m = endpoint.matcher(line);
        if (m.find()) {
          baseUrl = m.group(1);
          break;
        }
      }
      if (baseUrl == null) {
        throw new IllegalStateException("serve did not start: " + Files.readString(errFile));
      }
      double startup = seconds(t0);
      // Keep reading its output so it never blocks on a full pipe.
      var drain = new Thread(() -> {
        try {
          reader.lines().forEach(l -> { });
        } catch (UncheckedIOException e) {
          // the child has stopped
        }
      }, "serve-output");
      drain.setDaemon(true);
      drain.start();
      var results = load(baseUrl);
      long requests = results.stream().mapToLong(BenchReport.PageResult::requests).sum();
      long errors = results.stream().mapToLong(BenchReport.PageResult::errors).sum();
      double perSecond = results.stream().mapToDouble(BenchReport.PageResult::perSecond).sum();
      long rss = peakRss(p.pid());
      p.destroy();
      if (!p.waitFor(30, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      String err = Files.readString(errFile);
      long errorLines = err.lines().filter(l -> l.contains("Exception") || l.contains("Error")
          || l.contains("ERROR")).count();
      if (errorLines > 0) {
        say(log, "  serve wrote errors:\n" + err.lines().limit(20).reduce("", (a, b) -> a + b + "\n"));
      }
      if (!failures.isEmpty()) {
        say(log, "  failed requests (the first " + failures.size() + "):\n  " + String.join("\n  ", failures));
      }
      return new BenchReport.ServeResult("-Xmx" + serveHeap, startup, requests, errors, errorLines,
          perSecond, rss, p.exitValue(), List.copyOf(failures));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      if (p.isAlive()) {
        p.destroyForcibly();
      }
      Files.deleteIfExists(errFile);
    }
  }

  /** Peak resident set size of a process (Linux: VmHWM), or -1 when unknown. */
  private static long peakRss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux
    }
    return -1;
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static void say(PrintWriter log, String s) {
    log.println(s);
    log.flush();
  }
}

package org.mlnews.publish;

import static org.mlnews.Hashes.sha256;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;

/**
 * Sends the store's graphs to another triple store with the SPARQL 1.1 Graph Store Protocol: one
 * {@code PUT ?graph=IRI} per issue graph and for the ontology and topic graphs, so publishing again
 * replaces a graph rather than adding to it; a graph gone from the store is {@code DELETE}d there.
 * Only what changed since the last publish to the same target is sent: a state file per target
 * ({@code <store>/publish/<hash of the target>.json}) remembers each graph's content hash.
 * Requests that fail with a network error, 408, 429 or 5xx are retried with exponential backoff;
 * 401 and 403 stop the publish at once (every other request would fail the same way).
 *
 * <pre>{@code
 * PublishReport r = Publisher.builder().target(URI.create("http://localhost:3030/ds/data"))
 *     .credentials(Credentials.basic("editor:s3cret")).build()
 *     .publish(store, new Iris(Iris.DEFAULT_BASE), line -> System.out.println(line));
 * }</pre>
 */
public final class Publisher {
  private final URI target;
  private final String targetForPeople;
  private final Credentials credentials;
  private final int retries;
  private final Duration backoff;
  private final Duration timeout;
  private final boolean force;
  private final boolean dryRun;
  private final int parallel;
  private final Path stateDir;
  private final HttpClient http;

  private Publisher(Builder b) {
    this.target = b.target;
    this.targetForPeople = withoutUserInfo(b.target);
    this.credentials = b.credentials;
    this.retries = b.retries;
    this.backoff = b.backoff;
    this.timeout = b.timeout;
    this.force = b.force;
    this.dryRun = b.dryRun;
    this.parallel = b.parallel;
    this.stateDir = b.stateDir;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10)).build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Options; each setter checks its value at once. */
  public static final class Builder {
    private URI target;
    private Credentials credentials = Credentials.none();
    private int retries = 4;
    private Duration backoff = Duration.ofMillis(500);
    private Duration timeout = Duration.ofSeconds(60);
    private boolean force;
    private boolean dryRun;
    private int parallel = 4;
    private Path stateDir;

    private Builder() {}

    /** Requests in flight at once (1..64); 1 sends the graphs one by one, in order. */
    public Builder parallel(int n) {
      if (n < 1 || n > 64) {
        throw new IllegalArgumentException("Illegal parallel=" + n + " : must be 1..64");
      }
      this.parallel = n;
      return this;
    }

    /** The Graph Store Protocol endpoint, e.g. {@code http://localhost:3030/ds/data}. */
    public Builder target(URI uri) {
      Objects.requireNonNull(uri, "target");
      if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("Illegal target=" + withoutUserInfo(uri)
            + " : expected an http:// or https:// URL of a Graph Store Protocol endpoint");
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException("Illegal target=" + withoutUserInfo(uri)
            + " : put credentials in --user or --bearer (or the environment), not in the URL");
      }
      this.target = uri;
      return this;
    }

    public Builder credentials(Credentials c) {
      this.credentials = Objects.requireNonNull(c, "credentials");
      return this;
    }

    /** How many times a failed request is repeated (0..10). */
    public Builder retries(int n) {
      if (n < 0 || n > 10) {
        throw new IllegalArgumentException("Illegal retries=" + n + " : must be 0..10");
      }
      this.retries = n;
      return this;
    }

    /** The wait before the first retry; each further retry waits twice as long. */
    public Builder backoff(Duration d) {
      if (d.isNegative()) {
        throw new IllegalArgumentException("Illegal backoff=" + d + " : must not be negative");
      }
      this.backoff = d;
      return this;
    }

    /** Time limit of one request. */
    public Builder timeout(Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("Illegal timeout=" + d + " : must be positive");
      }
      this.timeout = d;
      return this;
    }

    /** Send every graph, whatever the state file says. */
    public Builder force(boolean f) {
      this.force = f;
      return this;
    }

    /** Say what would be sent, send nothing, change no state. */
    public Builder dryRun(boolean d) {
      this.dryRun = d;
      return this;
    }

    /** Where the per-target state files live; default {@code <store>/publish}. */
    public Builder stateDir(Path dir) {
      this.stateDir = dir;
      return this;
    }

    public Publisher build() {
      if (target == null) {
        throw new IllegalArgumentException("a target URL is needed");
      }
      return new Publisher(this);
    }
  }

  /** The state file of this target. */
  public Path stateFile(Store store) {
    Path dir = stateDir != null ? stateDir : store.dir().resolve("publish");
    return dir.resolve(sha256(targetForPeople.getBytes(StandardCharsets.UTF_8)).substring(0, 16) + ".json");
  }

  /** The per-target state: what was last published, graph IRI to content hash. */
  record State(String target, Map<String, String> graphs) {}

  /**
   * Publishes the changed graphs. {@code log} gets one line per graph sent, deleted or failed.
   *
   * @throws PublishException when the target refuses the credentials (401, 403)
   */
  public PublishReport publish(Store store, Iris iris, Consumer<String> log) {
    long t0 = System.nanoTime();
    Path stateFile = stateFile(store);
    Map<String, String> previous = force ? Map.of() : readState(stateFile).graphs();
    var published = new TreeMap<>(readState(stateFile).graphs());
    var sent = new ArrayList<String>();
    var deleted = new ArrayList<String>();
    var failed = new TreeMap<String, String>();
    var retried = new AtomicInteger();
    var bytes = new AtomicLong();
    int[] counts = new int[2]; // graphs, unchanged
    // The store is read in this thread (TDB2 transactions belong to a thread); the requests go out
    // on `parallel` others, with a bounded number of bodies waiting, so memory stays small.
    ExecutorService pool = Executors.newFixedThreadPool(parallel, r -> {
      Thread t = new Thread(r, "mlnews-publish");
      t.setDaemon(true);
      return t;
    });
    var waiting = new Semaphore(parallel * 2);
    var pending = new ArrayList<Future<?>>();
    Object lock = new Object();
    // Set by the first request whose credentials are refused: nothing more is sent after it.
    var refused = new java.util.concurrent.atomic.AtomicReference<PublishException>();
    try {
      store.read(() -> {
        var names = new ArrayList<Node>();
        for (Node g : new Node[] {iris.ontologyGraph(), iris.topicsGraph()}) {
          if (store.datasetGraph().containsGraph(g)) {
            names.add(g);
          }
        }
        names.addAll(store.graphNames(iris.issueGraphPrefix(), iris.trendGraphPrefix()));
        counts[0] = names.size();
        var present = new java.util.HashSet<String>();
        for (Node g : names) {
          String iri = g.getURI();
          present.add(iri);
          byte[] body = canonicalNTriples(store.datasetGraph().getGraph(g));
          String hash = sha256(body);
          if (hash.equals(previous.get(iri))) {
            counts[1]++;
            continue;
          }
          if (dryRun) {
            sent.add(iri);
            log.accept("would send " + iri);
            continue;
          }
          if (refused.get() != null) {
            break;
          }
          waiting.acquireUninterruptibly();
          pending.add(pool.submit(() -> {
            try {
              if (refused.get() != null) {
                return null;
              }
              Result r = send("PUT", iri, body, retried);
              synchronized (lock) {
                sent.add(iri);
                published.put(iri, hash);
                log.accept("sent      " + iri + " (" + r.status + ")");
              }
              bytes.addAndGet(body.length);
            } catch (RequestFailed e) {
              synchronized (lock) {
                failed.put(iri, e.getMessage());
                published.remove(iri);
                log.accept("failed    " + iri + ": " + e.getMessage());
              }
            } catch (PublishException e) {
              refused.compareAndSet(null, e);
            } finally {
              waiting.release();
            }
            return null;
          }));
        }
        // The graphs published before, as the sends still running leave them: they change the map
        // under the lock, so it is copied under the lock (a copy without it failed now and then).
        List<String> before;
        synchronized (lock) {
          before = new ArrayList<>(published.keySet());
        }
        for (String iri : before) {
          if (refused.get() != null) {
            break;
          }
          if (present.contains(iri) || !isOurs(iri, iris)) {
            continue;
          }
          if (dryRun) {
            deleted.add(iri);
            log.accept("would delete " + iri);
            continue;
          }
          pending.add(pool.submit(() -> {
            try {
              if (refused.get() != null) {
                return null;
              }
              send("DELETE", iri, null, retried);
              synchronized (lock) {
                deleted.add(iri);
                published.remove(iri);
                log.accept("deleted   " + iri);
              }
            } catch (RequestFailed e) {
              synchronized (lock) {
                failed.put(iri, e.getMessage());
                log.accept("failed    " + iri + ": " + e.getMessage());
              }
            } catch (PublishException e) {
              refused.compareAndSet(null, e);
            }
            return null;
          }));
        }
        return null;
      });
      for (Future<?> f : pending) {
        await(f);
      }
      if (refused.get() != null) {
        throw refused.get();
      }
    } finally {
      pool.shutdownNow();
      if (!dryRun) {
        synchronized (lock) {
          writeState(stateFile, new State(targetForPeople, published));
        }
      }
    }
    sent.sort(null);
    deleted.sort(null);
    return new PublishReport(targetForPeople, credentials.toString(), counts[0], List.copyOf(sent),
        List.copyOf(deleted), counts[1], failed, retried.get(), bytes.get(), (System.nanoTime() - t0) / 1e9, dryRun);
  }

  /** Waits for one request; a refusal of the credentials (or a bug) in it ends the publish. */
  private static void await(Future<?> f) {
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PublishException("interrupted");
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static boolean isOurs(String iri, Iris iris) {
    return iri.startsWith(iris.issueGraphPrefix()) || iri.startsWith(iris.trendGraphPrefix())
        || iri.equals(iris.ontologyGraph().getURI())
        || iri.equals(iris.topicsGraph().getURI());
  }

  private record Result(int status) {}

  /** A request that failed for good (after its retries). */
  private static final class RequestFailed extends Exception {
    RequestFailed(String message) {
      super(message);
    }
  }

  private Result send(String method, String graphIri, byte[] body, AtomicInteger retried) throws RequestFailed {
    URI uri = graphUri(graphIri);
    String last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        retried.incrementAndGet();
        sleep(backoff.multipliedBy(1L << Math.min(attempt - 1, 16)));
      }
      var req = HttpRequest.newBuilder(uri).timeout(timeout);
      credentials.authorization().ifPresent(a -> req.header("Authorization", a));
      if (body != null) {
        req.header("Content-Type", "application/n-triples; charset=utf-8")
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
      } else {
        req.method(method, HttpRequest.BodyPublishers.noBody());
      }
      try {
        HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        int s = resp.statusCode();
        if (s / 100 == 2 || (method.equals("DELETE") && s == 404)) {
          return new Result(s);
        }
        if (s == 401 || s == 403) {
          throw new PublishException(targetForPeople + " refused the credentials (" + s + ", authentication: "
              + credentials + ")");
        }
        last = method + " answered " + s + brief(resp.body());
        if (!(s >= 500 || s == 408 || s == 429)) {
          throw new RequestFailed(last); // a client error: repeating it will not help
        }
      } catch (IOException e) {
        last = method + " failed: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RequestFailed("interrupted");
      }
    }
    throw new RequestFailed(last + " (after " + retries + " retries)");
  }

  private static String brief(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String b = body.strip().replaceAll("\\s+", " ");
    return ": " + (b.length() > 200 ? b.substring(0, 200) + "…" : b);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private URI graphUri(String graphIri) {
    String t = target.toString();
    return URI.create(t + (t.contains("?") ? "&" : "?") + "graph=" + URLEncoder.encode(graphIri, StandardCharsets.UTF_8));
  }

  /**
   * The graph as N-Triples, lines sorted: the body that is sent and the bytes that are hashed, so
   * the same content always has the same hash. Blank nodes keep the store's own labels, which are
   * stable as long as the graph is not rewritten.
   */
  static byte[] canonicalNTriples(Graph g) {
    var lines = new ArrayList<String>();
    g.find().forEach(t -> lines.add(NodeFmtLib.strNT(t.getSubject()) + " " + NodeFmtLib.strNT(t.getPredicate())
        + " " + NodeFmtLib.strNT(t.getObject()) + " .\n"));
    lines.sort(null);
    var sb = new StringBuilder(lines.size() * 120);
    lines.forEach(sb::append);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private State readState(Path file) {
    if (!Files.exists(file)) {
      return new State(targetForPeople, Map.of());
    }
    try {
      State s = new ObjectMapper().readValue(file.toFile(), State.class);
      return new State(s.target(), s.graphs() == null ? Map.of() : s.graphs());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the publish state " + file + " (delete it to publish everything again)", e);
    }
  }

  private static void writeState(Path file, State state) {
    try {
      Files.createDirectories(file.getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), state);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the publish state " + file, e);
    }
  }

  static String withoutUserInfo(URI uri) {
    if (uri.getRawUserInfo() == null) {
      return uri.toString();
    }
    try {
      return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
          uri.getFragment()).toString();
    } catch (URISyntaxException e) {
      return uri.getScheme() + "://" + uri.getHost();
    }
  }
}

package org.mlnews.server;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.fuseki.validation.DataValidator;
import org.apache.jena.fuseki.validation.IRIValidator;
import org.apache.jena.fuseki.validation.LangTagValidator;
import org.apache.jena.fuseki.validation.QueryValidator;
import org.apache.jena.fuseki.validation.UpdateValidator;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.mlnews.dump.Describer;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.QueryLibrary;
import org.mlnews.rdf.Iris;
import org.mlnews.server.pages.Browser;
import org.mlnews.server.pages.LocalPaths;
import org.mlnews.server.pages.QueryPages;
import org.mlnews.server.pages.SearchIndex;
import org.mlnews.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mlnews SPARQL server: Fuseki Main over the TDB2 store, read-only unless updates are allowed
 * with credentials, with a query timeout, a cap on result rows, CORS, ping, metrics, the Fuseki
 * UI at {@code /ui/}, the named queries at {@code /queries}, and the linked-data browser: the home
 * page at {@code /}, search at {@code /search} and every IRI of the graph at its path (see
 * {@link org.mlnews.server.pages.Browser}).
 *
 * <pre>{@code
 * MlnewsServer server = MlnewsServer.builder()
 *     .store(store).queries(QueryLibrary.load(Path.of("queries"))).binder(binder)
 *     .port(0).host("127.0.0.1").timeout(Duration.ofSeconds(10)).maxRows(10_000)
 *     .build();
 * server.start();
 * String endpoint = server.sparqlUrl();   // http://127.0.0.1:PORT/mlnews/sparql
 * server.stop();
 * }</pre>
 *
 * <p>Endpoints (dataset {@value #DATASET}): {@code /mlnews/sparql} and {@code /mlnews/query}
 * (SPARQL query), {@code /mlnews/get} and {@code /mlnews/data} (Graph Store Protocol, read; with
 * {@link Builder#allowUpdate} {@code /mlnews/data} is read-write and {@code /mlnews/update} takes
 * SPARQL Update, both behind HTTP basic authentication), {@code /queries}, {@code /$/ping},
 * {@code /$/metrics}, {@code /$/server}, the dataset's VoID/DCAT description at
 * {@code /.well-known/void} ({@link VoidServlet}), the UI at {@code /ui/}, and the browser's
 * pages everywhere else.
 */
public final class MlnewsServer {
  /** The dataset's path on the server. */
  public static final String DATASET = "/mlnews";

  /** Lifecycle of the server: start, stop, where it listens. */
  static final Logger LOG = LoggerFactory.getLogger("org.mlnews.server");

  private final Store store;
  private final QueryLibrary queries;
  private final ParamBinder binder;
  private final int requestedPort;
  private final String host;
  private final Duration timeout;
  private final long maxRows;
  private final boolean allowUpdate;
  private final Path passwordFile;
  private final boolean ui;
  private final Describer describer;
  private final Iris iris;
  private final boolean browser;
  private final int pageSize;
  private final long maxRequestBytes;
  private SearchIndex searchIndex;
  private final FusekiServer fuseki;

  private MlnewsServer(Builder b) {
    this.store = b.store;
    this.queries = b.queries;
    this.binder = b.binder;
    this.requestedPort = b.port;
    this.host = b.host;
    this.timeout = b.timeout;
    this.maxRows = b.maxRows;
    this.allowUpdate = b.allowUpdate;
    this.passwordFile = b.passwordFile;
    this.ui = b.ui;
    this.describer = b.describer != null ? b.describer
        : new Describer(new Iris(Iris.DEFAULT_BASE), org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
    this.iris = b.iris;
    this.browser = b.browser;
    this.pageSize = b.pageSize;
    this.maxRequestBytes = b.maxRequestBytes;
    this.fuseki = fuseki();
  }

  public static Builder builder() {
    return new Builder();
  }

  private FusekiServer fuseki() {
    // The server gets its own view of the store with its own context, so the timeout set here
    // does not leak into other users of the store (build, query). The union default graph flag
    // is copied from the store's context; TDB2 reads it from the query's context.
    Context cxt = store.datasetGraph().getContext().copy();
    // Fuseki reads ARQ.queryTimeout from the dataset's context for every query (SPARQL protocol
    // requests may ask for less with ?timeout=, never for more).
    cxt.set(ARQ.queryTimeout, Long.toString(timeout.toMillis()));
    // No SERVICE: a public endpoint must not fetch URLs of a client's choosing (internal hosts,
    // other sites) on its behalf; the data to query is all here.
    cxt.set(ARQ.httpServiceAllowed, false);
    DatasetGraph dsg = new UnionDefaultView(store.datasetGraph(), cxt);

    // The UI sends queries to the first endpoint listed, so the named one comes first.
    DataService.Builder data = DataService.newBuilder(dsg)
        .addEndpoint(Operation.Query, "sparql")
        .addEndpoint(Operation.Query, "query")
        .addEndpoint(Operation.Query, "")
        .addEndpoint(Operation.GSP_R, "get")
        .addEndpoint(Operation.GSP_R, "");
    if (allowUpdate) {
      // Only signed-in users may write; reads at /get and /sparql stay open.
      data.addEndpoint(Operation.Update, "update", Auth.ANY_USER)
          .addEndpoint(Operation.GSP_RW, "data", Auth.ANY_USER);
    } else {
      data.addEndpoint(Operation.GSP_R, "data");
    }

    ParamBinder issueBinder = binder.withIssues(ParamBinder.issuesIn(store.datasetGraph()));
    String cors = corsSettings();
    FusekiServer.Builder fb = FusekiServer.create()
        .port(requestedPort)
        // Every SPARQL query goes through the row cap; every graph sent whole, through the same cap.
        .registerOperation(Operation.Query, new CappedQueryService(maxRows))
        .addFilter("/*", new CappedGraphStore(dsg, DATASET, maxRows))
        .addFilter("/*", new ReadOnlyDefaultGraph(DATASET))
        .add(DATASET, data.build())
        .enableCors(true, cors)
        .enablePing(true)
        .enableMetrics(true)
        .enableStats(true)
        .addServlet("/queries/*", new NamedQueryServlet(queries, issueBinder, store.datasetGraph(), timeout, maxRows))
        .addServlet(VoidServlet.PATH, new VoidServlet(store, describer, DATASET,
            browser ? org.mlnews.server.pages.LocalPaths.DATASET : null))
        .addServlet(DumpServlet.PATH + "/*", new DumpServlet(store))
        // The UI lists datasets from /$/server: a read-only description, unlike /$/datasets.
        .addServlet("/$/server", new ActionServerStatus());
    deleteQuietly(cors); // read by enableCors already
    if (allowUpdate) {
      fb.passwordFile(passwordFile.toString()).auth(AuthScheme.BASIC).realm("mlnews");
    }
    if (browser) {
      // The home page, search, static files, the UI's files at /ui/, and every IRI of the graph;
      // everything else passes on to Fuseki.
      searchIndex = SearchIndex.open(store.dir().resolve("text-index"), store.datasetGraph(), iris.topicsGraph(),
          store::signature);
      fb.addFilter("/*", new Browser(store.datasetGraph(), new LocalPaths(iris), searchIndex, timeout.toMillis(),
          DATASET, pageSize, ui && uiFiles() != null, store::signature,
          new QueryPages(queries, issueBinder, maxRows, timeout.toMillis())));
    }
    if (ui) {
      String uiBase = uiFiles();
      if (uiBase != null) {
        // What FMod_UI does, without the admin work area it insists on (FUSEKI_BASE/run). The
        // UI's files are served at /ui/ by the browser filter; the UI's requests go to paths
        // under its own (/ui/$/server, /ui/mlnews/sparql) and are mapped back by UiPaths.
        fb.addServlet("/$/validate/query", new QueryValidator())
            .addServlet("/$/validate/update", new UpdateValidator())
            .addServlet("/$/validate/iri", new IRIValidator())
            .addServlet("/$/validate/langtag", new LangTagValidator())
            .addServlet("/$/validate/data", new DataValidator());
      } else {
        LOG.warn("Fuseki UI files (jena-fuseki-ui) not on the classpath; no UI at /ui/");
      }
    }
    FusekiServer server = fb.build();
    // Fuseki's builder only knows "all interfaces" or loopback; bind the connector ourselves.
    for (Connector c : server.getJettyServer().getConnectors()) {
      if (c instanceof ServerConnector sc) {
        sc.setHost(host);
        if (browser) {
          // IRIs minted from identifiers with a '/' (DOIs) hold %2F in one path segment; Jetty
          // refuses such paths by default. The browser reads the raw path and decodes it itself.
          HttpConnectionFactory http = sc.getConnectionFactory(HttpConnectionFactory.class);
          if (http != null) {
            http.getHttpConfiguration().setUriCompliance(UriCompliance.DEFAULT.with("mlnews",
                UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR));
          }
        }
      }
    }
    if (browser) {
      ServletContextHandler context = server.getJettyServer().getDescendant(ServletContextHandler.class);
      if (context != null) {
        context.getServletHandler().setDecodeAmbiguousURIs(true);
      }
    }
    if (ui) {
      var jetty = server.getJettyServer();
      jetty.setHandler(new UiPaths(jetty.getHandler(), DATASET));
    }
    // Outermost: security headers on every response, and the cap on request bodies.
    server.getJettyServer().setHandler(new Guard(server.getJettyServer().getHandler(), maxRequestBytes));
    return server;
  }

  /**
   * The Fuseki UI finds the server relative to the page it is loaded from: served at /ui/, it asks
   * for /ui/$/server and sends queries to /ui/mlnews/sparql. Those requests are given their real
   * paths (/$/server, /mlnews/sparql) before Fuseki sees them.
   */
  private static final class UiPaths extends Handler.Wrapper {
    private final String dataset;

    UiPaths(Handler handler, String dataset) {
      super(handler);
      this.dataset = dataset;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      String path = request.getHttpURI().getPath();
      if (path != null && path.startsWith("/ui/")) {
        String rest = path.substring(3);
        if (rest.startsWith("/$/") || rest.equals(dataset) || rest.startsWith(dataset + "/")) {
          HttpURI uri = HttpURI.build(request.getHttpURI()).path(rest).asImmutable();
          return super.handle(new Request.Wrapper(request) {
            @Override
            public HttpURI getHttpURI() {
              return uri;
            }
          }, response, callback);
        }
      }
      return super.handle(request, response, callback);
    }
  }

  /**
   * The store as the server shows it. TDB2 applies the union default graph to SPARQL only; the
   * Graph Store Protocol asks for {@code getDefaultGraph()} directly, so that is answered with the
   * union too ({@code GET /mlnews/get?default} returns the same triples as a query would see).
   */
  private static final class UnionDefaultView extends DatasetGraphWrapper {
    UnionDefaultView(DatasetGraph base, Context context) {
      super(base, context);
    }

    @Override
    public org.apache.jena.graph.Graph getDefaultGraph() {
      return getUnionGraph();
    }

    // The default graph is the union, which no write can change: a triple written to it would go
    // to TDB2's own default graph, where no query, dump or publish would ever see it. (Graph Store
    // writes to it are refused before they start, by ReadOnlyDefaultGraph.)
    @Override
    public void add(Quad quad) {
      refuseDefault(quad.getGraph());
      super.add(quad);
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
      refuseDefault(g);
      super.add(g, s, p, o);
    }

    @Override
    public void delete(Quad quad) {
      refuseDefault(quad.getGraph());
      super.delete(quad);
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
      refuseDefault(g);
      super.delete(g, s, p, o);
    }

    private static void refuseDefault(Node g) {
      if (g == null || Quad.isDefaultGraph(g)) {
        // Thrown inside SPARQL Update's streaming parse too, which passes a QueryParseException on
        // as it is; Fuseki answers that with 400 and its message.
        throw new org.apache.jena.query.QueryParseException(ReadOnlyDefaultGraph.MESSAGE, -1, -1);
      }
    }
  }

  /**
   * Fuseki's CORS filter as it is by default, but without credentials and with the headers a
   * linked-data client reads exposed. By default it answers any origin with
   * {@code Access-Control-Allow-Credentials: true}, which lets any site's script send the browser's
   * saved login along and read the answer. Fuseki takes the settings only from a file, which it
   * reads at once: written here and removed after ({@link #deleteQuietly}).
   */
  private static String corsSettings() {
    var props = new java.util.Properties();
    props.setProperty("allowedOrigins", "*");
    props.setProperty("allowedMethods", "GET,POST,DELETE,PUT,HEAD,OPTIONS,PATCH");
    props.setProperty("allowedHeaders", "X-Requested-With,Content-Type,Accept,Origin,Last-Modified,Authorization");
    props.setProperty("exposedHeaders", "Cache-Control,Content-Language,Content-Length,Content-Type,Expires,"
        + "Last-Modified,Pragma,ETag,Link,Location,Content-Location," + CappedQueryService.ROW_LIMIT_HEADER);
    props.setProperty("allowCredentials", "false");
    props.setProperty("chainPreflight", "false");
    try {
      java.nio.file.Path file = java.nio.file.Files.createTempFile("mlnews-cors", ".properties");
      try (var out = java.nio.file.Files.newOutputStream(file)) {
        props.store(out, null);
      }
      return file.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the CORS settings", e);
    }
  }

  private static void deleteQuietly(String file) {
    try {
      java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(file));
    } catch (java.io.IOException e) {
      LOG.debug("cannot delete {}: {}", file, e.toString());
    }
  }

  /** Where the UI's files are: the {@code webapp} folder of jena-fuseki-ui on the classpath. */
  private static String uiFiles() {
    var index = MlnewsServer.class.getClassLoader().getResource("webapp/index.html");
    if (index == null) {
      return null;
    }
    try {
      String s = index.toURI().toString();
      return s.substring(0, s.length() - "index.html".length());
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Starts listening; returns this server. */
  public MlnewsServer start() {
    try {
      fuseki.start();
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof java.net.BindException) { // Jetty's "Failed to bind" IOException wraps it
          throw new IllegalStateException("cannot listen on " + host + ":" + requestedPort
              + ": the port is in use or not allowed (stop what holds it, or choose another with --port)", e);
        }
      }
      throw e;
    }
    LOG.debug("listening on {}", baseUrl());
    return this;
  }

  /** Stops listening. The store stays open: it belongs to the caller. */
  public void stop() {
    fuseki.stop();
    if (searchIndex != null) {
      searchIndex.close();
    }
    LOG.debug("stopped");
  }

  /** The port listened on; the actual one once started with port 0. */
  public int port() {
    return fuseki.getHttpPort();
  }

  public String host() {
    return host;
  }

  /** {@code http://HOST:PORT/}, with a wildcard host shown as localhost. */
  public String baseUrl() {
    String h = host.equals("0.0.0.0") || host.equals("::") ? "localhost"
        : host.contains(":") ? "[" + host + "]" : host;
    return "http://" + h + ":" + port() + "/";
  }

  public String sparqlUrl() {
    return baseUrl() + DATASET.substring(1) + "/sparql";
  }

  public String queriesUrl() {
    return baseUrl() + "queries";
  }

  /** The UI's query page for our dataset. */
  public String uiUrl() {
    return baseUrl() + "ui/#/dataset" + DATASET + "/query";
  }

  public boolean hasUi() {
    return ui && uiFiles() != null;
  }

  /** Whether the browser (home page, resource pages, search) is served. */
  public boolean hasBrowser() {
    return browser;
  }

  /** The search page. */
  public String searchUrl() {
    return baseUrl() + "search";
  }

  public boolean allowsUpdate() {
    return allowUpdate;
  }

  public Duration timeout() {
    return timeout;
  }

  public long maxRows() {
    return maxRows;
  }

  /** Largest request body accepted, in bytes. */
  public long maxRequestBytes() {
    return maxRequestBytes;
  }

  /**
   * Builds a {@link MlnewsServer}; each setter checks its argument at once and says exactly what
   * is wrong.
   */
  public static final class Builder {
    private Store store;
    private QueryLibrary queries;
    private ParamBinder binder;
    private int port = 3030;
    private String host = "127.0.0.1";
    private Duration timeout = Duration.ofSeconds(10);
    private long maxRows = 10_000;
    private boolean allowUpdate;
    private Path passwordFile;
    private boolean ui = true;
    private Describer describer;
    private Iris iris = new Iris(Iris.DEFAULT_BASE);
    private boolean browser = true;
    private int pageSize = 50;
    private long maxRequestBytes = 1 << 20;

    private Builder() {}

    /** What {@code /.well-known/void} says about the dataset (base IRI, title, license...). */
    public Builder describer(Describer describer) {
      this.describer = Objects.requireNonNull(describer, "describer");
      return this;
    }

    public Builder store(Store store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    public Builder queries(QueryLibrary queries) {
      this.queries = Objects.requireNonNull(queries, "queries");
      return this;
    }

    public Builder binder(ParamBinder binder) {
      this.binder = Objects.requireNonNull(binder, "binder");
      return this;
    }

    /** The HTTP port, 0 for any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("Illegal port=" + port + " : Port must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /** The address to listen on: loopback by default; {@code 0.0.0.0} for all interfaces. */
    public Builder host(String host) {
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("Illegal host=" + host + " : Host must be an address or name");
      }
      this.host = host.strip();
      return this;
    }

    /** Time limit of one query, SPARQL or named. */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("Illegal timeout=" + timeout + " : Timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    /** Most rows a SELECT returns; a query asking for more gets the first {@code maxRows}. */
    public Builder maxRows(long maxRows) {
      if (maxRows < 1) {
        throw new IllegalArgumentException("Illegal maxRows=" + maxRows + " : Max rows must be at least 1");
      }
      this.maxRows = maxRows;
      return this;
    }

    /** Opens SPARQL Update and GSP write; needs {@link #passwordFile}. */
    public Builder allowUpdate(boolean allowUpdate) {
      this.allowUpdate = allowUpdate;
      return this;
    }

    /** A Jetty realm file ({@code user: password} lines) with the users who may update. */
    public Builder passwordFile(Path passwordFile) {
      if (passwordFile != null && !Files.isReadable(passwordFile)) {
        throw new IllegalArgumentException("Illegal passwordFile=" + passwordFile + " : File must exist and be readable");
      }
      this.passwordFile = passwordFile;
      return this;
    }

    /** Serves the Fuseki UI at {@code /ui/} (default true). */
    public Builder ui(boolean ui) {
      this.ui = ui;
      return this;
    }

    /** The base the data's IRIs were minted under; the browser answers for them at its own paths. */
    public Builder iris(Iris iris) {
      this.iris = Objects.requireNonNull(iris, "iris");
      return this;
    }

    /** Items on one page of the browser's long lists (default 50). */
    /**
     * Largest request body, in bytes (default 1 MiB): a larger POSTed query, update or upload is
     * refused with 413.
     */
    public Builder maxRequestBytes(long maxRequestBytes) {
      if (maxRequestBytes < 1024) {
        throw new IllegalArgumentException("Illegal maxRequestBytes=" + maxRequestBytes
            + " : Max request bytes must be at least 1024");
      }
      this.maxRequestBytes = maxRequestBytes;
      return this;
    }

    public Builder pageSize(int pageSize) {
      if (pageSize < 1) {
        throw new IllegalArgumentException("Illegal pageSize=" + pageSize + " : Page size must be at least 1");
      }
      this.pageSize = pageSize;
      return this;
    }

    /** Serves the linked-data browser: home page, resource pages, search (default true). */
    public Builder browser(boolean browser) {
      this.browser = browser;
      return this;
    }

    public MlnewsServer build() {
      if (store == null) {
        throw new IllegalStateException("No store : call store(...)");
      }
      if (queries == null) {
        throw new IllegalStateException("No queries : call queries(...)");
      }
      if (binder == null) {
        throw new IllegalStateException("No binder : call binder(...)");
      }
      if (allowUpdate && passwordFile == null) {
        throw new IllegalStateException(
            "Updates need credentials : allowUpdate requires passwordFile(...) (a file of 'user: password' lines)");
      }
      return new MlnewsServer(this);
    }
  }
}

package org.mlnews.server.pages;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.riot.RDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.mlnews.query.Param;
import org.mlnews.rdf.Vocab;
import org.mlnews.server.Conneg;
import org.mlnews.server.pages.Pages.Rendered;
import org.mlnews.server.pages.View.Link;
import org.mlnews.store.Store;
import org.mlnews.time.Period;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The linked-data browser, a servlet filter in front of Fuseki: it answers the home page
 * ({@code /}), search ({@code /search}), its static files ({@code /static/}), the Fuseki UI's
 * files ({@code /ui/}) and every IRI of the graph at its server path (see {@link LocalPaths}),
 * and passes every other request on (SPARQL, named queries, admin).
 *
 * <p>A resource's IRI answers with HTML or RDF by content negotiation (200, {@code Vary: Accept},
 * {@code Content-Location} naming the format's own URL); {@code ?format=html|ttl|jsonld|nt|rdf}
 * wins over {@code Accept}; 406 when nothing acceptable can be made; 404 when the data does not
 * know the IRI.
 *
 * <pre>{@code
 * Browser browser = new Browser(store.datasetGraph(), new LocalPaths(iris), searchIndex, 10_000, "/mlnews");
 * FusekiServer.create().addFilter("/*", browser)...;
 * }</pre>
 */
public final class Browser implements Filter {
  private static final Logger LOG = LoggerFactory.getLogger("org.mlnews.server.pages");

  /** No inline script or style, nothing from elsewhere, no framing. */
  public static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
      + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

  /**
   * The Fuseki UI's files: its scripts and styles (some inline) from here, its requests to this
   * server, nothing from elsewhere, no framing. Without it, the outermost handler's policy for
   * data ({@code default-src 'none'}) would stop the UI's scripts and leave a blank page.
   */
  static final String UI_CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
      + "script-src 'self'; connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'self'; "
      + "frame-ancestors 'none'; form-action 'self'";

  /** First path segments that are resources of the graph: unknown IRIs under them get our 404. */
  private static final Set<String> RESOURCE_ROOTS = Set.of("issue", "paper", "article", "topic", "time", "graph",
      "ontology", "dataset");

  private final DatasetGraph dsg;
  private final LocalPaths paths;
  private final SearchIndex search;
  private final long timeoutMillis;
  private final String datasetPath;
  private final Templates templates = new Templates();
  private final StaticFiles staticFiles = new StaticFiles("browser/static/");
  private final StaticFiles uiFiles;
  private final Describer describer;
  private final int pageSize;
  /** The named queries as pages, or null. */
  private final QueryPages queryPages;
  /** The HTML pages of the store as it is, or null to render every request. */
  private final PageCache cache;

  public Browser(DatasetGraph dsg, LocalPaths paths, SearchIndex search, long timeoutMillis, String datasetPath) {
    this(dsg, paths, search, timeoutMillis, datasetPath, Pages.PAGE_SIZE, true, null, null);
  }

  /**
   * {@code pageSize}: items on one page of a long list (entries of a period, papers of a topic,
   * search hits...); {@code ui}: whether to serve the Fuseki UI's files at {@code /ui/};
   * {@code signature}: the store's ({@link Store#signature}), to keep rendered pages while it is
   * unchanged ({@link PageCache}), or null to render every request; {@code queries}: the named
   * queries' pages at {@code /queries}, or null to leave that path to the named query servlet.
   */
  public Browser(DatasetGraph dsg, LocalPaths paths, SearchIndex search, long timeoutMillis, String datasetPath,
      int pageSize, boolean ui, Supplier<Store.Signature> signature, QueryPages queries) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("Illegal pageSize=" + pageSize + " : Page size must be at least 1");
    }
    this.pageSize = pageSize;
    this.uiFiles = ui ? new StaticFiles("webapp/") : null;
    this.dsg = Objects.requireNonNull(dsg, "dsg");
    this.paths = Objects.requireNonNull(paths, "paths");
    this.search = search;
    this.timeoutMillis = timeoutMillis;
    this.datasetPath = datasetPath;
    this.describer = new Describer(paths);
    this.cache = signature == null ? null : new PageCache(signature, CACHE_BYTES, Clock.systemUTC());
    this.queryPages = queries;
  }

  /** A paper's path whose identifier has a '/' left unencoded (DOIs, old-style arXiv ids). */
  private static final Pattern SPLIT_ID = Pattern.compile("(/paper/[a-z]+/)([^/]+/.+)");

  /** What the page cache may hold: hundreds of pages (a topic's at 10,000 issues is about 40 KB). */
  private static final long CACHE_BYTES = 32L << 20;

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var req = (HttpServletRequest) request;
    var resp = (HttpServletResponse) response;
    String path = req.getRequestURI().substring(req.getContextPath().length());
    String method = req.getMethod();
    boolean read = method.equals("GET") || method.equals("HEAD");
    try {
      if (path.equals("/") || path.isEmpty()) {
        if (!read) {
          notAllowed(resp);
        } else if (Format.negotiate(req.getHeader("Accept")).filter(f -> f != Format.HTML).isPresent()) {
          // The home page is the dataset's landing page: an RDF client is sent to the dataset,
          // whose IRI answers with its VoID/DCAT description in the format asked for.
          Conneg.varyOnAccept(resp);
          resp.setStatus(303);
          resp.setHeader("Location", req.getContextPath() + LocalPaths.DATASET);
        } else {
          Conneg.varyOnAccept(resp);
          send(req, resp, 200, cached("/", () -> render(Txn.calculateRead(dsg, () -> pages().home()))));
        }
      } else if (path.equals("/search")) {
        if (!read) {
          notAllowed(resp);
        } else {
          search(req, resp);
        }
      } else if (path.startsWith("/static/") && read) {
        file(req, resp, staticFiles, path.substring("/static/".length()), true);
      } else if (uiFiles != null && path.equals("/ui") && read) {
        resp.setStatus(302);
        resp.setHeader("Location", req.getContextPath() + "/ui/");
      } else if (uiFiles != null && path.startsWith("/ui/") && read && !isFusekiPath(path.substring(3))) {
        String rest = path.substring("/ui/".length());
        file(req, resp, uiFiles, rest.isEmpty() ? "index.html" : rest, false);
      } else if (read && path.equals(datasetPath + "/sparql") && req.getQueryString() == null) {
        if (String.valueOf(req.getHeader("Accept")).contains("text/html")) {
          // The endpoint's address, followed as a link: a person, not a SPARQL client, and there
          // is no query to answer. Show where to write one.
          resp.setStatus(303);
          resp.setHeader("Location", req.getContextPath()
              + (uiFiles != null ? "/ui/#/dataset" + datasetPath + "/query" : "/queries"));
        } else {
          // A client's GET with no query: its mistake (Fuseki would say 404, as if there were no endpoint).
          text(resp, 400, "Bad request: no query; give it as ?query=… (SPARQL 1.1 Protocol), or POST it.");
        }
      } else if (queryPages != null && read && (path.equals("/queries") || path.startsWith("/queries/"))
          && QueryPages.wantsPage(req.getParameter("format"), req.getHeader("Accept"))) {
        queryPage(req, resp, path);
      } else if (read && path.equals("/topic")) {
        resp.setStatus(301);
        resp.setHeader("Location", req.getContextPath() + "/topic/");
      } else if (isResourcePath(path)) {
        if (!read) {
          notAllowed(resp);
        } else {
          resource(req, resp, path);
        }
      } else {
        chain.doFilter(request, response);
      }
    } catch (QueryCancelledException e) {
      LOG.warn("{} stopped: over the time limit", path);
      text(resp, 503, "The page took longer than the time limit of " + timeoutMillis + " ms.");
    }
  }

  private Pages pages() {
    return new Pages(dsg, paths, timeoutMillis, pageSize);
  }

  /** Fuseki's own paths (SPARQL, admin, named queries) are never resources. */
  private boolean isFusekiPath(String path) {
    return path.startsWith("/$/") || path.equals(datasetPath) || path.startsWith(datasetPath + "/")
        || path.equals("/queries") || path.startsWith("/queries/");
  }

  private boolean isResourcePath(String path) {
    if (isFusekiPath(path)) {
      return false;
    }
    String first = path.substring(1).split("/", 2)[0];
    if (RESOURCE_ROOTS.contains(first)) {
      return true;
    }
    // Any other IRI under the base that the data knows (a resource kind added later).
    String canonical = LocalPaths.canonical(path);
    if (canonical == null) {
      return false;
    }
    Node n = NodeFactory.createURI(paths.toIri(canonical));
    return Txn.calculateRead(dsg, () -> dsg.getUnionGraph().contains(n, Node.ANY, Node.ANY));
  }

  // ---------------------------------------------------------------------------------------------

  private void resource(HttpServletRequest req, HttpServletResponse resp, String rawPath) throws IOException {
    Conneg.varyOnAccept(resp);
    String path = LocalPaths.canonical(rawPath);
    if (path == null) {
      text(resp, 400, "Bad request: the path does not decode as UTF-8.");
      return;
    }
    Matcher split = SPLIT_ID.matcher(path);
    if (split.matches()) {
      // "/paper/doi/10.1101/2020.06.16.154542", a DOI written as it is: the paper's IRI holds it
      // in one segment, its '/' encoded.
      resp.setStatus(301);
      resp.setHeader("Location", req.getContextPath() + split.group(1) + split.group(2).replace("/", "%2F"));
      return;
    }
    String requested = req.getParameter("format");
    Optional<Format> chosen = requested != null ? Format.byToken(requested) : Format.negotiate(req.getHeader("Accept"));
    StringBuilder alternates = new StringBuilder();
    for (Format f : Format.values()) {
      if (alternates.length() > 0) {
        alternates.append(", ");
      }
      alternates.append('<').append(path).append("?format=").append(f.token()).append(">; rel=\"alternate\"; type=\"")
          .append(f.mediaType()).append('"');
    }
    resp.setHeader("Link", alternates.toString());
    if (chosen.isEmpty()) {
      var sb = new StringBuilder("Not acceptable: this resource is available as\n");
      for (Format f : Format.values()) {
        sb.append("  ").append(f.mediaType()).append("  ").append(path).append("?format=").append(f.token()).append('\n');
      }
      text(resp, 406, sb.toString());
      return;
    }
    Format format = chosen.get();
    if (requested == null) {
      resp.setHeader("Content-Location", path + "?format=" + format.token());
    }
    Node node = NodeFactory.createURI(paths.toIri(path));
    int page = pageParam(req);
    if (format == Format.HTML) {
      byte[] body = cached(path + "?page=" + page, () -> {
        Rendered r = Txn.calculateRead(dsg, () -> page(node, path, page));
        if (r == null) {
          return null;
        }
        r.model().put("iri", node.getURI());
        r.model().put("path", path);
        r.model().put("data", dataLinks(path));
        if (queryPages != null) {
          // The named queries that ask about this topic or issue, its key or slug filled in.
          if (r.template().equals("topic")) {
            r.model().put("queryLinks", queryPages.about(Param.Type::isTopic, Labels.fallback(node)));
          } else if (r.template().equals("issue")) {
            r.model().put("queryLinks", queryPages.about(t -> t == Param.Type.ISSUE, Labels.fallback(node)));
          }
        }
        return render(r);
      });
      if (body == null) {
        resp.setHeader("Content-Location", null); // a 404 is no representation of the resource
        html(req, resp, 404, notFound(path, node));
      } else {
        send(req, resp, 200, body);
      }
      return;
    }
    if (node.equals(paths.iris().dataset())) {
      // The dataset's IRI as data is its whole VoID/DCAT description, which the server computes
      // at /.well-known/void: handed over inside the server, so the IRI answers 200 itself.
      var dispatcher = req.getServletContext().getRequestDispatcher(LocalPaths.VOID);
      if (dispatcher != null) {
        try {
          dispatcher.forward(req, resp);
          return;
        } catch (ServletException e) {
          throw new IOException(e);
        }
      }
    }
    Graph g = Txn.calculateRead(dsg, () -> describer.describe(dsg, node));
    if (g.isEmpty()) {
      resp.setHeader("Content-Location", null);
      text(resp, 404, "Not found: " + node.getURI() + " is not in this dataset.");
      return;
    }
    var out = new ByteArrayOutputStream();
    RDFWriter.source(g).format(format.rdfFormat()).output(out);
    byte[] body = out.toByteArray();
    securityHeaders(resp);
    resp.setStatus(200);
    resp.setContentType(format.mediaType() + (format == Format.RDFXML ? "" : "; charset=utf-8"));
    resp.setContentLength(body.length);
    if (!req.getMethod().equals("HEAD")) {
      resp.getOutputStream().write(body);
    }
  }

  /** The HTML page of a resource by its kind, or null if the data does not know it. */
  private Rendered page(Node node, String path, int page) {
    Pages pages = pages();
    String iri = node.getURI();
    if (describer.isOntology(dsg, node)) {
      Graph ontology = dsg.getGraph(paths.iris().ontologyGraph());
      return ontology.isEmpty() ? null : pages.ontology(ontology);
    }
    if (node.equals(paths.iris().dataset())) {
      return pages.home();
    }
    if (path.startsWith("/time/")) {
      String key = path.substring(path.lastIndexOf('/') + 1);
      Period p = Period.parse(key);
      if (p != null && pages.exists(node) && iri.equals(paths.iris().period(p.key()).getURI())) {
        return pages.period(node, p, path, page);
      }
    }
    if (path.startsWith("/graph/") && dsg.containsGraph(node)) {
      return pages.graph(node, path, page);
    }
    if (!pages.exists(node)) {
      return null;
    }
    if (pages.hasType(node, Vocab.ISSUE)) {
      return pages.issue(node);
    }
    if (pages.hasType(node, Vocab.PAPER) || pages.hasType(node, Vocab.ARTICLE) || pages.hasType(node, Vocab.WORK)) {
      return pages.work(node);
    }
    if (iri.equals(Vocab.TOPIC)) {
      return pages.topicScheme(node);
    }
    if (pages.hasType(node, Vocab.SKOS_CONCEPT) && iri.startsWith(Vocab.TOPIC)) {
      return pages.topic(node, path, page);
    }
    return pages.generic(node, path, page);
  }

  /** Links to the resource's description in each RDF format. */
  private static List<Map<String, String>> dataLinks(String path) {
    return Format.rdf().stream().map(f -> Map.of("href", path + "?format=" + f.token(), "text", f.label(),
        "type", f.mediaType())).toList();
  }

  private Rendered notFound(String path, Node node) {
    var m = new LinkedHashMap<String, Object>();
    m.put("title", "Not found");
    m.put("iri", node == null ? null : node.getURI());
    m.put("path", path);
    return new Rendered("notfound", m);
  }

  private void search(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    Conneg.varyOnAccept(resp);
    // Search results are a page, not data: a client asking for RDF is told so, not sent HTML.
    if (Format.negotiate(req.getHeader("Accept")).filter(f -> f == Format.HTML).isEmpty()) {
      text(resp, 406, "Not acceptable: search results are an HTML page (text/html); for data, ask the "
          + "SPARQL endpoint " + req.getContextPath() + datasetPath + "/sparql\n");
      return;
    }
    String q = Optional.ofNullable(req.getParameter("q")).orElse("").strip();
    if (q.length() > 200) {
      q = q.substring(0, 200);
    }
    List<SearchIndex.Match> matches = q.isEmpty() || search == null ? List.of() : search.search(q, 1000);
    String query = q;
    int page = pageParam(req);
    Rendered r = Txn.calculateRead(dsg, () -> pages().search(query, matches, page));
    r.model().put("searchAvailable", search != null);
    html(req, resp, 200, r);
  }

  /**
   * The list of named queries, or one with its form and answer. An unknown query is a 404 page, a
   * refused value a 400 with the form and the reason; an answer is cached with the store's pages.
   */
  private void queryPage(HttpServletRequest req, HttpServletResponse resp, String path) throws IOException {
    Conneg.varyOnAccept(resp);
    if (path.equals("/queries") || path.equals("/queries/")) {
      send(req, resp, 200, cached("/queries", () -> render(queryPages.list())));
      return;
    }
    String name;
    try {
      name = URLDecoder.decode(path.substring("/queries/".length()).replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      name = null;
    }
    if (name == null || !queryPages.exists(name)) {
      html(req, resp, 404, notFound(path, null));
      return;
    }
    String query = name;
    int page = pageParam(req);
    Supplier<Rendered> run = () -> Txn.calculateRead(dsg,
        () -> queryPages.query(pages(), dsg, query, req.getParameterMap(), page));
    // Keyed by the query string as sent: two requests share a page only when they asked the same.
    byte[] body = cached("/queries/" + name + "?" + req.getQueryString(), () -> {
      Rendered r = run.get();
      return r.model().containsKey("error") ? null : render(r);
    });
    if (body == null) {
      html(req, resp, 400, run.get()); // refused before it ran: cheap to do again
    } else {
      send(req, resp, 200, body);
    }
  }

  private static int pageParam(HttpServletRequest req) {
    try {
      return Math.max(1, Integer.parseInt(Optional.ofNullable(req.getParameter("page")).orElse("1")));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  // ---------------------------------------------------------------------------------------------

  private void html(HttpServletRequest req, HttpServletResponse resp, int status, Rendered r) throws IOException {
    send(req, resp, status, render(r));
  }

  /** A page from the cache while the store is unchanged, else rendered (null: not found). */
  private byte[] cached(String key, Supplier<byte[]> render) {
    return cache == null ? render.get() : cache.get(key, render);
  }

  private byte[] render(Rendered r) {
    Map<String, Object> model = r.model();
    model.put("sparql", datasetPath + "/sparql");
    model.put("ui", "/ui/#/dataset" + datasetPath + "/query");
    model.put("template", r.template());
    model.putIfAbsent("q", "");
    return templates.render(r.template(), model).getBytes(StandardCharsets.UTF_8);
  }

  private void send(HttpServletRequest req, HttpServletResponse resp, int status, byte[] body) throws IOException {
    securityHeaders(resp);
    resp.setStatus(status);
    resp.setContentType("text/html; charset=utf-8");
    resp.setContentLength(body.length);
    if (!req.getMethod().equals("HEAD")) {
      resp.getOutputStream().write(body);
    }
  }

  static void securityHeaders(HttpServletResponse resp) {
    resp.setHeader("Content-Security-Policy", CSP);
    resp.setHeader("X-Content-Type-Options", "nosniff");
    resp.setHeader("Referrer-Policy", "same-origin");
    resp.setHeader("X-Frame-Options", "DENY");
  }

  private void file(HttpServletRequest req, HttpServletResponse resp, StaticFiles files, String rest, boolean ours)
      throws IOException {
    var f = files.find(rest);
    if (f.isEmpty()) {
      text(resp, 404, "Not found.");
      return;
    }
    securityHeaders(resp);
    if (!ours) {
      resp.setHeader("Content-Security-Policy", UI_CSP);
    }
    resp.setStatus(200);
    resp.setContentType(f.get().contentType());
    resp.setHeader("Cache-Control", "public, max-age=3600");
    resp.setContentLength(f.get().bytes().length);
    if (!req.getMethod().equals("HEAD")) {
      resp.getOutputStream().write(f.get().bytes());
    }
  }

  private static void notAllowed(HttpServletResponse resp) throws IOException {
    resp.setHeader("Allow", "GET, HEAD");
    text(resp, 405, "Method not allowed: this path answers GET and HEAD.");
  }

  private static void text(HttpServletResponse resp, int status, String message) throws IOException {
    securityHeaders(resp);
    resp.setStatus(status);
    resp.setContentType("text/plain; charset=utf-8");
    byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(body.length);
    resp.getOutputStream().write(body);
  }
}

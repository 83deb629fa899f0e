package org.mlnews.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.mlnews.query.NamedQuery;
import org.mlnews.query.Param;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.ParamException;
import org.mlnews.query.QueryLibrary;
import org.mlnews.query.QueryRunner;
import org.mlnews.query.ResultFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The named queries over HTTP.
 * <ul>
 *   <li>{@code GET /queries}: the list, as JSON;
 *   <li>{@code GET /queries/NAME?param=value}: runs one, parameters bound by {@link ParamBinder}
 *       as RDF terms; the format comes from {@code ?format=} or else {@code Accept}.
 * </ul>
 * A client that prefers HTML (a browser) gets the browser's pages for these paths instead
 * ({@link org.mlnews.server.pages.QueryPages}): the list, and each query's form and answer.
 * An unknown query answers 404, a bad parameter or a format that does not fit the query 400 with
 * the reason, a query over the time limit 503.
 *
 * <pre>{@code
 * FusekiServer.create().addServlet("/queries/*",
 *     new NamedQueryServlet(library, binder, dsg, Duration.ofSeconds(10), 10_000));
 * }</pre>
 */
public final class NamedQueryServlet extends ReadOnlyServlet {
  private static final long serialVersionUID = 1L;
  /** Requests for named queries and what became of them. */
  private static final Logger LOG = LoggerFactory.getLogger("org.mlnews.server.queries");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * The path of a named query's URL: its name as one percent-encoded path segment under
   * {@code /queries/}, where the servlet and the browser's page both answer.
   */
  public static String path(String name) {
    return "/queries/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private final transient QueryLibrary library;
  private final transient ParamBinder binder;
  private final transient DatasetGraph dsg;
  private final Duration timeout;
  private final long maxRows;

  public NamedQueryServlet(QueryLibrary library, ParamBinder binder, DatasetGraph dsg, Duration timeout,
      long maxRows) {
    this.library = library;
    this.binder = binder;
    this.dsg = dsg;
    this.timeout = timeout;
    this.maxRows = maxRows;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    // Every answer here, errors included, depends on Accept: a browser gets pages for these URLs.
    Conneg.varyOnAccept(resp);
    String path = req.getPathInfo();
    if (path == null || path.equals("/")) {
      list(req, resp);
      return;
    }
    String name = path.substring(1);
    Optional<NamedQuery> named = library.get(name);
    if (named.isEmpty()) {
      text(resp, HttpServletResponse.SC_NOT_FOUND, "no named query '" + name + "'; known: "
          + String.join(", ", library.all().stream().map(NamedQuery::name).toList()));
      return;
    }
    run(named.get(), req, resp);
  }

  private void run(NamedQuery named, HttpServletRequest req, HttpServletResponse resp) throws IOException {
    var values = new LinkedHashMap<String, String>();
    for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
      if (NamedQuery.RESERVED.contains(e.getKey())) { // the answer's format; the page of the browser's table
        continue;
      }
      if (e.getValue().length > 1) {
        text(resp, HttpServletResponse.SC_BAD_REQUEST, "parameter '" + e.getKey() + "' given "
            + e.getValue().length + " times; give it once");
        return;
      }
      values.put(e.getKey(), e.getValue()[0]);
    }
    Query query;
    try {
      Query bound = binder.bind(named, values);
      query = CappedQueryService.cap(bound, maxRows);
      if (query != bound) {
        resp.setHeader(CappedQueryService.ROW_LIMIT_HEADER, Long.toString(maxRows));
      }
    } catch (ParamException e) {
      text(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
      return;
    }
    boolean graphResult = query.isConstructType() || query.isDescribeType();
    ResultFormat format;
    String requested = req.getParameter("format");
    if (requested != null) {
      try {
        format = ResultFormat.parse(requested);
      } catch (IllegalArgumentException e) {
        text(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
        return;
      }
    } else {
      format = negotiate(req.getHeader("Accept"), graphResult);
    }
    // The result is buffered (it is capped at maxRows) so a timeout or error still gets a proper
    // status instead of a truncated 200.
    var buffer = new ByteArrayOutputStream();
    long start = System.nanoTime();
    try {
      QueryRunner.run(dsg, query, format, buffer, timeout.toMillis());
    } catch (IllegalArgumentException e) {
      text(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage().replace("--format", "format"));
      return;
    } catch (QueryCancelledException e) {
      LOG.warn("{} stopped after {}: over the time limit", named.name(), timeout);
      text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "query '" + named.name()
          + "' stopped: over the time limit of " + timeout.toMillis() + " ms");
      return;
    }
    LOG.debug("{} {} -> {} bytes in {} ms", named.name(), values, buffer.size(),
        (System.nanoTime() - start) / 1_000_000);
    resp.setStatus(HttpServletResponse.SC_OK);
    resp.setContentType(contentType(format));
    resp.setCharacterEncoding("UTF-8");
    resp.setContentLength(buffer.size());
    buffer.writeTo(resp.getOutputStream());
  }

  private static final Conneg<ResultFormat> TABLES = new Conneg<>(offers(
      "application/sparql-results+json", ResultFormat.JSON, "application/json", ResultFormat.JSON,
      "application/sparql-results+xml", ResultFormat.XML, "application/xml", ResultFormat.XML,
      "text/csv", ResultFormat.CSV, "text/tab-separated-values", ResultFormat.TSV,
      "text/plain", ResultFormat.TABLE));
  private static final Conneg<ResultFormat> GRAPHS = new Conneg<>(offers(
      "text/turtle", ResultFormat.TURTLE, "application/ld+json", ResultFormat.JSONLD,
      "application/n-triples", ResultFormat.NTRIPLES, "application/rdf+xml", ResultFormat.RDFXML,
      "application/json", ResultFormat.JSONLD, "application/xml", ResultFormat.RDFXML,
      "text/plain", ResultFormat.NTRIPLES));

  private static Map<String, ResultFormat> offers(Object... pairs) {
    var m = new LinkedHashMap<String, ResultFormat>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (ResultFormat) pairs[i + 1]);
    }
    return m;
  }

  /** The acceptable format that suits the query form; JSON or Turtle when none is. */
  static ResultFormat negotiate(String accept, boolean graphResult) {
    return (graphResult ? GRAPHS : TABLES).choose(accept)
        .orElse(graphResult ? ResultFormat.TURTLE : ResultFormat.JSON);
  }

  static String contentType(ResultFormat f) {
    return switch (f) {
      case JSON -> "application/sparql-results+json";
      case XML -> "application/sparql-results+xml";
      case CSV -> "text/csv";
      case TSV -> "text/tab-separated-values";
      case TURTLE -> "text/turtle";
      case JSONLD -> "application/ld+json";
      case NTRIPLES -> "application/n-triples";
      case RDFXML -> "application/rdf+xml";
      case TABLE -> "text/plain";
    };
  }

  private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    resp.setStatus(HttpServletResponse.SC_OK);
    resp.setCharacterEncoding("UTF-8");
    resp.setContentType("application/json");
    var list = new ArrayList<Map<String, Object>>();
    for (NamedQuery q : library.all()) {
      var m = new LinkedHashMap<String, Object>();
      m.put("name", q.name());
      m.put("title", q.title());
      m.put("description", q.description());
      var params = new ArrayList<Map<String, Object>>();
      for (Param p : q.params()) {
        var pm = new LinkedHashMap<String, Object>();
        pm.put("name", p.name());
        pm.put("type", p.typeToken());
        pm.put("required", p.required());
        pm.put("description", p.description());
        params.add(pm);
      }
      m.put("params", params);
      m.put("url", req.getContextPath() + path(q.name()));
      m.put("sparql", q.sparql());
      list.add(m);
    }
    resp.getWriter().write(JSON.writeValueAsString(Map.of("queries", list)));
  }
}

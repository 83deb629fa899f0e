package org.mlnews.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;

/**
 * Refuses, with {@code 400}, a Graph Store Protocol write to the default graph
 * ({@code PUT}, {@code POST}, {@code DELETE} or {@code PATCH} with {@code ?default}, or triples
 * sent to the whole dataset). The served
 * default graph is the union of the named graphs: Fuseki would clear it for a {@code PUT} by
 * deleting what it lists, which the union lists again for ever, holding the write lock (every
 * later write waited); and triples added to it would go to TDB2's own default graph, where no
 * query, dump or publish sees them. SPARQL Update's writes to it are refused by the dataset view.
 *
 * <pre>{@code
 * FusekiServer.create().addFilter("/*", new ReadOnlyDefaultGraph("/mlnews"));
 * }</pre>
 */
final class ReadOnlyDefaultGraph implements Filter {
  /** Why; ASCII only, as Fuseki sizes its error bodies in characters. */
  static final String MESSAGE = "The default graph is the read-only union of the named graphs: write into a"
      + " named graph (?graph=IRI, or GRAPH <IRI> { ... } in SPARQL Update).";

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private final Set<String> paths;

  /** {@code dataset}: the dataset's path, such as {@code /mlnews}. */
  ReadOnlyDefaultGraph(String dataset) {
    this.paths = Set.of(dataset, dataset + "/data");
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var req = (HttpServletRequest) request;
    String path = req.getRequestURI().substring(req.getContextPath().length());
    if (!READS.contains(req.getMethod()) && paths.contains(path) && isDefaultGraph(req)) {
      // Read what was sent (Guard bounds it), so that the connection can carry the next request.
      req.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      ReadOnlyServlet.text((HttpServletResponse) response, 400, MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether a write is to the default graph: {@code ?default}, or triples (not quads) sent to the
   * whole dataset, which go to the default graph.
   */
  private static boolean isDefaultGraph(HttpServletRequest req) {
    if (req.getParameter("default") != null) {
      return true;
    }
    if (req.getParameter("graph") != null || req.getParameter("query") != null
        || req.getParameter("update") != null || req.getContentType() == null) {
      return false;
    }
    Lang lang = RDFLanguages.contentTypeToLang(req.getContentType().split(";", 2)[0].strip());
    return lang != null && RDFLanguages.isTriples(lang) && !RDFLanguages.isQuads(lang);
  }
}

package org.mlnews.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * A cap on what a Graph Store Protocol GET sends: a graph of more than {@code max} triples, or a
 * whole dataset of more quads, is refused with {@code 403} and a message saying where the data
 * is, before Fuseki starts on it. Fuseki sends a graph whole, and in Turtle holds it in memory to
 * write it: at 10,000 issues one GET of the default graph (the union, 3.5 million triples) ran a
 * server with {@code -Xmx512m} out of heap. A graph cannot be cut short the way query results are
 * ({@link CappedQueryService}) without sending a graph that is not the one asked for, so it is
 * refused instead; an issue's graph, the ontology and the topic scheme are far below the cap.
 *
 * <pre>{@code
 * FusekiServer.create().addFilter("/mlnews/*", new CappedGraphStore(dsg, "/mlnews", 10_000));
 * }</pre>
 */
final class CappedGraphStore implements Filter {
  private final DatasetGraph dsg;
  private final Set<String> paths;
  private final String dataset;
  private final long max;

  /** {@code dsg}: the dataset as served (its default graph the union); {@code dataset}: its path. */
  CappedGraphStore(DatasetGraph dsg, String dataset, long max) {
    if (max < 1) {
      throw new IllegalArgumentException("Illegal max=" + max + " : Max triples must be at least 1");
    }
    this.dsg = dsg;
    this.dataset = dataset;
    this.paths = Set.of(dataset, dataset + "/get", dataset + "/data");
    this.max = max;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var req = (HttpServletRequest) request;
    String path = req.getRequestURI().substring(req.getContextPath().length());
    // A GET of a Graph Store endpoint; on the dataset's own path, a query is not one.
    if (req.getMethod().equals("GET") && paths.contains(path)
        && !(path.equals(dataset) && (req.getParameter("query") != null || req.getParameter("update") != null))) {
      String graph = req.getParameter("graph");
      boolean whole = graph == null && req.getParameter("default") == null;
      boolean over = Txn.calculateRead(dsg, () -> {
        Iterator<?> it = whole ? dsg.find()
            : (graph == null ? dsg.getDefaultGraph() : dsg.getGraph(NodeFactory.createURI(graph))).find();
        return Iter.count(Iter.limit(it, max + 1)) > max;
      });
      if (over) {
        String what = whole ? "The dataset has more than " + max + " quads"
            : (graph == null ? "The default graph" : "The graph <" + graph + ">") + " has more than " + max + " triples";
        ReadOnlyServlet.text((HttpServletResponse) response, 403, what + ", more than this server sends in one"
            + " response. Ask for one issue's graph (?graph=…), page through the data with SPARQL (LIMIT and"
            + " OFFSET), or use a dump (mlnews dump).");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}

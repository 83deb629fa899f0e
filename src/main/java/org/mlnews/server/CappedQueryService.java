package org.mlnews.server;

import org.apache.jena.atlas.lib.Pair;
import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * Fuseki's query service with a cap on solutions: a query without a LIMIT, or with a larger one,
 * runs as if it said {@code LIMIT maxRows}. Fuseki has no such setting of its own, and capping
 * the query (rather than cutting the output) lets the engine stop early and keeps every result
 * format well-formed. A capped answer says so in the header {@value #ROW_LIMIT_HEADER}: with
 * that many rows, it may have been cut.
 *
 * <pre>{@code
 * FusekiServer.create().registerOperation(Operation.Query, new CappedQueryService(10_000));
 * }</pre>
 */
public final class CappedQueryService extends SPARQL_QueryDataset {
  /** Set, to the cap, on an answer whose query's LIMIT the cap lowered or added. */
  public static final String ROW_LIMIT_HEADER = "Mlnews-Row-Limit";

  private final long maxRows;

  public CappedQueryService(long maxRows) {
    if (maxRows < 1) {
      throw new IllegalArgumentException("Illegal maxRows=" + maxRows + " : Max rows must be at least 1");
    }
    this.maxRows = maxRows;
  }

  @Override
  protected Pair<DatasetGraph, Query> decideDataset(HttpAction action, Query query, String queryStringLog) {
    Pair<DatasetGraph, Query> p = super.decideDataset(action, query, queryStringLog);
    Query q = p.getRight() == null ? query : p.getRight();
    Query capped = cap(q, maxRows);
    if (capped != q) {
      action.setResponseHeader(ROW_LIMIT_HEADER, Long.toString(maxRows));
    }
    return Pair.create(p.getLeft(), capped);
  }

  /** The query itself if within the cap, else a copy limited to {@code maxRows} solutions. */
  public static Query cap(Query query, long maxRows) {
    if (query.isAskType() || (query.hasLimit() && query.getLimit() <= maxRows)) {
      return query;
    }
    Query copy = query.cloneQuery();
    copy.setLimit(maxRows);
    return copy;
  }
}

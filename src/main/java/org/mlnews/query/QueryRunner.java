package org.mlnews.query;

import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;

/**
 * Runs a query on a dataset inside a read transaction and writes the result in a chosen format.
 *
 * <pre>{@code
 * QueryRunner.run(store.datasetGraph(), query, ResultFormat.CSV, System.out, 10_000);
 * }</pre>
 */
public final class QueryRunner {
  private QueryRunner() {}

  /**
   * @param timeoutMillis overall time limit; 0 or less for none
   * @throws IllegalArgumentException when the format does not suit the query form
   */
  public static void run(DatasetGraph dsg, Query query, ResultFormat format, OutputStream out,
      long timeoutMillis) {
    boolean rdfResult = query.isConstructType() || query.isDescribeType();
    if (rdfResult && !format.isRdf() && format != ResultFormat.TABLE) {
      throw new IllegalArgumentException("a " + (query.isConstructType() ? "CONSTRUCT" : "DESCRIBE")
          + " query gives a graph: use --format turtle, jsonld, ntriples or rdfxml");
    }
    if (!rdfResult && format.isRdf()) {
      throw new IllegalArgumentException("a SELECT or ASK query gives a table: use --format "
          + "table, csv, tsv, json or xml");
    }
    Txn.executeRead(dsg, () -> {
      var builder = QueryExecution.dataset(org.apache.jena.query.DatasetFactory.wrap(dsg)).query(query);
      if (timeoutMillis > 0) {
        builder = builder.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      }
      try (QueryExecution qe = builder.build()) {
        if (rdfResult) {
          var model = query.isConstructType() ? qe.execConstruct() : qe.execDescribe();
          model.setNsPrefixes(query.getPrefixMapping());
          RDFDataMgr.write(out, model, format.isRdf() ? format.rdfLang : org.apache.jena.riot.Lang.TURTLE);
        } else if (query.isAskType()) {
          boolean b = qe.execAsk();
          if (format == ResultFormat.TABLE) {
            ResultSetFormatter.out(out, b);
          } else {
            ResultSetMgr.write(out, b, format.resultLang);
          }
        } else {
          var rs = qe.execSelect();
          if (format == ResultFormat.TABLE) {
            ResultSetFormatter.out(out, rs, query.getPrefixMapping());
          } else {
            ResultSetMgr.write(out, rs, format.resultLang == null ? ResultSetLang.RS_Text : format.resultLang);
          }
        }
      }
    });
  }
}

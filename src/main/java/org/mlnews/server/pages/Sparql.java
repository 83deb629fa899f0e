package org.mlnews.server.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;

/**
 * The pages' SPARQL: queries with the vocabulary prefixes, {@code ?this} (and other variables)
 * bound by substitution, never by pasting text, under the server's time limit. Call inside a read
 * transaction.
 */
final class Sparql {
  static final String PREFIXES = """
      PREFIX ml:      <https://mlnews.example.org/ontology#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
      PREFIX schema:  <https://schema.org/>
      PREFIX time:    <http://www.w3.org/2006/time#>
      PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
      PREFIX rdf:     <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
      PREFIX prov:    <http://www.w3.org/ns/prov#>
      PREFIX foaf:    <http://xmlns.com/foaf/0.1/>
      PREFIX bibo:    <http://purl.org/ontology/bibo/>
      PREFIX xsd:     <http://www.w3.org/2001/XMLSchema#>
      """;

  private final DatasetGraph dsg;
  private final long timeoutMillis;

  Sparql(DatasetGraph dsg, long timeoutMillis) {
    this.dsg = dsg;
    this.timeoutMillis = timeoutMillis;
  }

  List<Binding> select(String query, Map<String, Node> bindings) {
    var exec = QueryExec.dataset(dsg).query(PREFIXES + query);
    exec.timeout(timeoutMillis, TimeUnit.MILLISECONDS);
    bindings.forEach((k, v) -> exec.substitution(Var.alloc(k), v));
    var rows = new ArrayList<Binding>();
    exec.select().forEachRemaining(rows::add);
    return rows;
  }

  List<Binding> select(String query, Node self) {
    return select(query, Map.of("this", self));
  }

  List<Binding> select(String query) {
    return select(query, Map.of());
  }

  long count(String query, Node self) {
    var rows = self == null ? select(query) : select(query, self);
    if (rows.isEmpty()) {
      return 0;
    }
    Node n = rows.get(0).get(Var.alloc("n"));
    return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
  }

  static Node get(Binding b, String var) {
    return b.get(Var.alloc(var));
  }

  static String str(Binding b, String var) {
    Node n = b.get(Var.alloc(var));
    return n == null ? null : n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
  }

  static int integer(Binding b, String var, int dflt) {
    String s = str(b, var);
    try {
      return s == null ? dflt : Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return dflt;
    }
  }
}

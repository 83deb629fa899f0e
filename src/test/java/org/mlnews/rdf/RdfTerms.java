package org.mlnews.rdf;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIx;
import org.apache.jena.riot.system.Checker;
import org.apache.jena.riot.system.ErrorHandler;

/**
 * Checks every term of a graph the way a strict parser would, without writing and reading it:
 * IRIs absolute and free of violations, literals valid for their datatype, language tags well
 * formed, no lone surrogates. A cheap stand-in for {@link StrictRoundTrip} in loops.
 */
public final class RdfTerms {
  /** IRIs already found valid (vocabulary, periods, common links): checked once. */
  private static final java.util.Set<String> VALID = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private RdfTerms() {}

  public static List<String> problems(Graph g) {
    var problems = new ArrayList<String>();
    ErrorHandler collect = new ErrorHandler() {
      @Override
      public void warning(String message, long line, long col) {
        problems.add(message);
      }

      @Override
      public void error(String message, long line, long col) {
        problems.add(message);
      }

      @Override
      public void fatal(String message, long line, long col) {
        problems.add(message);
      }
    };
    var seen = new java.util.HashSet<Node>();
    g.find().forEachRemaining(t -> {
      for (Node n : new Node[] {t.getSubject(), t.getPredicate(), t.getObject()}) {
        if (problems.size() > 5 || !seen.add(n)) {
          continue;
        }
        if (n.isURI()) {
          if (VALID.contains(n.getURI())) {
            continue;
          }
          try {
            IRIx iri = IRIx.create(n.getURI());
            if (iri.scheme() == null || iri.hasViolations()) {
              problems.add("bad IRI <" + n.getURI() + ">");
            } else if (VALID.size() < 100_000) {
              VALID.add(n.getURI());
            }
          } catch (RuntimeException e) {
            problems.add("bad IRI <" + n.getURI() + ">: " + e.getMessage());
          }
        } else if (n.isLiteral()) {
          String lex = n.getLiteralLexicalForm();
          for (int i = 0; i < lex.length(); i++) {
            char c = lex.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < lex.length() && Character.isLowSurrogate(lex.charAt(i + 1))) {
              i++;
            } else if (Character.isSurrogate(c)) {
              problems.add("lone surrogate in literal " + n);
            }
          }
          Checker.checkLiteral(n, collect, -1, -1);
        } else {
          problems.add("unexpected term " + n);
        }
      }
    });
    return problems;
  }
}

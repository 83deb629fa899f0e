package org.mlnews.rdf;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Writes a graph as Turtle and as N-Triples and reads each back with a parser that fails on any
 * warning (a bad IRI is only a warning to Jena's default parser, and an error to most others).
 * Returns the problems, empty when both round trips give back an isomorphic graph.
 */
public final class StrictRoundTrip {
  private StrictRoundTrip() {}

  public static List<String> problems(Graph g) {
    var problems = new ArrayList<String>();
    for (Lang lang : new Lang[] {Lang.TURTLE, Lang.NTRIPLES}) {
      var text = new StringWriter();
      RDFDataMgr.write(text, g, lang);
      var messages = new ArrayList<String>();
      ErrorHandler strict = new ErrorHandler() {
        @Override
        public void warning(String message, long line, long col) {
          messages.add(lang.getName() + " warning at " + line + ":" + col + ": " + message);
        }

        @Override
        public void error(String message, long line, long col) {
          messages.add(lang.getName() + " error at " + line + ":" + col + ": " + message);
        }

        @Override
        public void fatal(String message, long line, long col) {
          messages.add(lang.getName() + " fatal at " + line + ":" + col + ": " + message);
          throw new IllegalStateException(message);
        }
      };
      Graph back = GraphFactory.createDefaultGraph();
      try {
        RDFParser.fromString(text.toString(), lang).errorHandler(strict).parse(back);
      } catch (RuntimeException e) {
        messages.add(lang.getName() + " does not parse back: " + e.getMessage());
      }
      problems.addAll(messages);
      if (messages.isEmpty() && !back.isIsomorphicWith(g)) {
        problems.add(lang.getName() + " round trip changed the graph (" + g.size() + " -> " + back.size() + " triples)");
      }
    }
    return problems;
  }
}

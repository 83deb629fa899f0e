package org.mlnews.dump;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

/**
 * Turtle, and TriG graph by graph: the fixed {@link Prefixes}, then one block per subject in line
 * order, {@code a} first, then the predicates in IRI order, each object on its own line when there
 * are several (so a change is a one-line diff), blank nodes nested as {@code [ ... ]} and lists as
 * {@code ( ... )} where {@link Nesting} allows, else written with their stable label.
 */
final class TurtleWriter implements SubjectWriter {
  private static final String STEP = "    ";
  private static final int ONE_LINE = 100;
  private static final Node TYPE = RDF.type.asNode();
  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9]*\\.[0-9]+");

  private final Writer out;
  private final boolean trig;
  private Nesting nesting;
  private String indent = "";
  private boolean firstInGraph;

  /** A Turtle writer over the union of graphs, with the nesting of its blank nodes. */
  TurtleWriter(Writer out, Nesting nesting) {
    this.out = out;
    this.trig = false;
    this.nesting = nesting;
  }

  /** A TriG writer; each graph brings its own nesting ({@link #startGraph}). */
  TurtleWriter(Writer out) {
    this.out = out;
    this.trig = true;
  }

  @Override
  public void start() throws IOException {
    for (var e : Prefixes.ALL.entrySet()) {
      out.write("@prefix " + e.getKey() + ": <" + e.getValue() + "> .\n");
    }
  }

  void startGraph(Node graph, Nesting graphNesting) throws IOException {
    if (!trig) {
      throw new IllegalStateException("Turtle has no graphs");
    }
    this.nesting = graphNesting;
    out.write("\n" + iri(graph.getURI()) + " {\n");
    indent = STEP;
    firstInGraph = true;
  }

  void endGraph() throws IOException {
    out.write("}\n");
    indent = "";
  }

  @Override
  public void subject(Node subject, List<Triple> triples) throws IOException {
    if (nesting.nests(subject)) {
      return; // written inside the triple that refers to it
    }
    var sb = new StringBuilder();
    if (!trig || !firstInGraph) {
      sb.append('\n'); // a blank line between subjects (and after the prefixes)
    }
    firstInGraph = false;
    sb.append(indent).append(subjectTerm(subject)).append('\n');
    block(sb, triples, indent + STEP);
    sb.append(" .\n");
    out.write(sb.toString());
  }

  @Override
  public void finish() throws IOException {
    out.flush();
  }

  private String subjectTerm(Node s) {
    return s.isBlank() ? "_:" + s.getBlankNodeLabel() : iri(s.getURI());
  }

  /** The predicate-object list of one subject, each predicate on a line starting with {@code ind}. */
  private void block(StringBuilder sb, List<Triple> triples, String ind) {
    block(sb, triples, ind, false);
  }

  /** ... or, with {@code flat}, all on one line ({@code p o ; p o , o}). */
  private void block(StringBuilder sb, List<Triple> triples, String ind, boolean flat) {
    // Triples are in line order, so each predicate's triples are adjacent; rdf:type goes first.
    var groups = new ArrayList<List<Triple>>();
    for (Triple t : triples) {
      if (groups.isEmpty() || !groups.get(groups.size() - 1).get(0).getPredicate().equals(t.getPredicate())) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(t);
    }
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).get(0).getPredicate().equals(TYPE) && i > 0) {
        groups.add(0, groups.remove(i));
        break;
      }
    }
    for (int g = 0; g < groups.size(); g++) {
      List<Triple> group = groups.get(g);
      Node p = group.get(0).getPredicate();
      sb.append(flat ? "" : ind).append(p.equals(TYPE) ? "a" : iri(p.getURI()));
      if (group.size() == 1) {
        sb.append(' ').append(object(group.get(0).getObject(), ind));
      } else {
        var objects = new ArrayList<String>();
        for (Triple t : group) {
          objects.add(object(t.getObject(), ind + STEP));
        }
        objects.sort(Terms.CODE_POINT_ORDER);
        for (int i = 0; i < objects.size(); i++) {
          sb.append(flat ? " " : "\n" + ind + STEP).append(objects.get(i)).append(i < objects.size() - 1 ? " ," : "");
        }
      }
      if (g < groups.size() - 1) {
        sb.append(flat ? " ; " : " ;\n");
      }
    }
  }

  /** An object as it starts on a line indented by {@code ind}. */
  private String object(Node o, String ind) {
    if (o.isURI()) {
      return iri(o.getURI());
    } else if (o.isLiteral()) {
      return literal(o);
    } else if (o.isBlank()) {
      if (!nesting.nests(o)) {
        return "_:" + o.getBlankNodeLabel();
      }
      var items = nesting.list(o);
      if (items.isPresent()) {
        var sb = new StringBuilder("(");
        for (Node item : items.get()) {
          sb.append(' ').append(object(item, ind));
        }
        return sb.append(" )").toString();
      }
      List<Triple> inner = nesting.triples(o);
      if (inner.isEmpty()) {
        return "[]";
      }
      var one = new StringBuilder();
      block(one, inner, ind, true);
      String flat = one.toString();
      if (!flat.contains("\n") && flat.length() + ind.length() <= ONE_LINE) {
        return "[ " + flat + " ]";
      }
      var multi = new StringBuilder("[\n");
      block(multi, inner, ind + STEP);
      return multi.append('\n').append(ind).append(']').toString();
    }
    throw new IllegalArgumentException("Cannot write " + o + " in Turtle");
  }

  static String iri(String iri) {
    var prefixed = Prefixes.prefixed(iri);
    if (prefixed.isPresent()) {
      return prefixed.get();
    }
    var sb = new StringBuilder();
    Terms.appendIri(sb, iri);
    return sb.toString();
  }

  static String literal(Node n) {
    String lex = n.getLiteralLexicalForm();
    String lang = n.getLiteralLanguage();
    String dt = n.getLiteralDatatypeURI();
    var sb = new StringBuilder();
    if (lang != null && !lang.isEmpty()) {
      Terms.appendString(sb, lex);
      return sb.append('@').append(lang).toString();
    }
    if (XSD.integer.getURI().equals(dt) && INTEGER.matcher(lex).matches()
        || XSD.xboolean.getURI().equals(dt) && (lex.equals("true") || lex.equals("false"))
        || XSD.decimal.getURI().equals(dt) && DECIMAL.matcher(lex).matches()) {
      return lex;
    }
    Terms.appendString(sb, lex);
    if (!XSD.xstring.getURI().equals(dt)) {
      sb.append("^^").append(iri(dt));
    }
    return sb.toString();
  }
}

package org.mlnews.dump;

import static org.mlnews.Hashes.sha256;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;

/**
 * A graph's triples in a stable form: blank nodes relabelled from their content and position
 * (so the same graph gives the same labels in any store, whatever labels the store made up), and
 * the triples sorted by their N-Triples line in code point order.
 *
 * <p>Labels come from colour refinement (the Weisfeiler–Lehman method): every blank node starts
 * with the same colour; each round, a node's new colour is a hash of its colour and of the sorted
 * triples it is in, with other blank nodes written as their colour; rounds stop when the number of
 * colours stops growing. A node's label is {@code b} plus 16 hex digits of a hash of its colour
 * and a salt (the graph's name, so blank nodes of different graphs never share a label). Nodes
 * that still share a colour are interchangeable in practice (for example two {@code []} with the
 * same description hanging off the same subject), and get the suffixes {@code _1}, {@code _2}...
 * Graphs without blank nodes (every issue graph) skip all of this.
 *
 * <pre>{@code
 * List<Canonical.Row> rows = Canonical.rows(graph.find(), graphName.getURI());
 * rows.forEach(r -> out.println(r.line()));   // sorted N-Triples with stable blank nodes
 * }</pre>
 */
final class Canonical {
  private Canonical() {}

  /** A triple and its N-Triples line. */
  record Row(String line, Triple triple) {}

  /** The triples, blank nodes relabelled, sorted by line, duplicates dropped. */
  static List<Row> rows(Iterator<Triple> triples, String salt) {
    List<Triple> all = new ArrayList<>();
    triples.forEachRemaining(all::add);
    Map<Node, Node> relabel = labels(all, salt);
    var rows = new ArrayList<Row>(all.size());
    for (Triple t : all) {
      Triple c = relabel.isEmpty() ? t : Triple.create(map(relabel, t.getSubject()),
          t.getPredicate(), map(relabel, t.getObject()));
      rows.add(new Row(Terms.line(c), c));
    }
    rows.sort((a, b) -> Terms.compareCodePoints(a.line(), b.line()));
    var distinct = new ArrayList<Row>(rows.size());
    for (Row r : rows) {
      if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).line().equals(r.line())) {
        distinct.add(r);
      }
    }
    return distinct;
  }

  private static Node map(Map<Node, Node> relabel, Node n) {
    return n.isBlank() ? relabel.get(n) : n;
  }

  /** New, stable blank nodes for the blank nodes of {@code triples}; empty when there are none. */
  static Map<Node, Node> labels(List<Triple> triples, String salt) {
    Map<Node, List<Triple>> touching = new LinkedHashMap<>();
    for (Triple t : triples) {
      if (t.getSubject().isBlank()) {
        touching.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
      }
      if (t.getObject().isBlank() && !t.getObject().equals(t.getSubject())) {
        touching.computeIfAbsent(t.getObject(), k -> new ArrayList<>()).add(t);
      }
    }
    if (touching.isEmpty()) {
      return Map.of();
    }
    Map<Node, String> colour = new HashMap<>();
    for (Node b : touching.keySet()) {
      colour.put(b, "");
    }
    int classes = 1;
    for (int round = 0; round <= touching.size(); round++) {
      Map<Node, String> next = new HashMap<>();
      for (var e : touching.entrySet()) {
        Node b = e.getKey();
        var parts = new ArrayList<String>();
        for (Triple t : e.getValue()) {
          parts.add(term(t.getSubject(), b, colour) + " " + Terms.nt(t.getPredicate()) + " "
              + term(t.getObject(), b, colour));
        }
        parts.sort(Terms.CODE_POINT_ORDER);
        next.put(b, sha256(colour.get(b) + "\n" + String.join("\n", parts)));
      }
      int nextClasses = new HashSet<>(next.values()).size();
      colour = next;
      if (nextClasses == classes && round > 0) {
        break;
      }
      classes = nextClasses;
    }
    // Group by colour, then name each group's members.
    Map<String, List<Node>> byColour = new TreeMap<>();
    for (Node b : touching.keySet()) {
      byColour.computeIfAbsent(colour.get(b), k -> new ArrayList<>()).add(b);
    }
    Map<Node, Node> labels = new HashMap<>();
    Set<String> used = new HashSet<>();
    for (var e : byColour.entrySet()) {
      String label = "b" + sha256(salt + "\n" + e.getKey()).substring(0, 16);
      while (!used.add(label)) {
        label = label + "x"; // two colours with the same 64-bit prefix: never seen, but stay distinct
      }
      List<Node> members = e.getValue();
      for (int i = 0; i < members.size(); i++) {
        labels.put(members.get(i), NodeFactory.createBlankNode(members.size() == 1 ? label : label + "_" + (i + 1)));
      }
    }
    return labels;
  }

  private static String term(Node n, Node self, Map<Node, String> colour) {
    if (n.equals(self)) {
      return "*";
    }
    return n.isBlank() ? "_:" + colour.get(n) : Terms.nt(n);
  }
}

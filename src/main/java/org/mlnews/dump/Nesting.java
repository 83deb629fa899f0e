package org.mlnews.dump;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;

/**
 * Which blank nodes Turtle writes nested ({@code [ ... ]}, or {@code ( ... )} for a list) rather
 * than as {@code _:label}: those that are the object of exactly one triple and are reached from a
 * subject that is written at the top. Fed with the triples that involve blank nodes (the only ones
 * it keeps), so it stays small however large the data.
 */
final class Nesting {
  private static final Node FIRST = RDF.first.asNode();
  private static final Node REST = RDF.rest.asNode();
  private static final Node NIL = RDF.nil.asNode();

  private final Map<Node, List<Triple>> bySubject = new HashMap<>();
  private final Map<Node, Integer> references = new HashMap<>();
  private final Map<Node, Node> referrer = new HashMap<>();
  private Set<Node> nested;
  private final Map<Node, Boolean> lists = new HashMap<>();

  /** Takes note of a triple (those without blank nodes are ignored). Triples must come in line order. */
  void accept(Triple t) {
    if (nested != null) {
      throw new IllegalStateException("Nesting already sealed");
    }
    if (t.getSubject().isBlank()) {
      bySubject.computeIfAbsent(t.getSubject(), k -> new ArrayList<>()).add(t);
    }
    Node o = t.getObject();
    if (o.isBlank()) {
      references.merge(o, 1, Integer::sum);
      referrer.put(o, t.getSubject());
    }
  }

  /** Decides which blank nodes nest; call once, after the last {@link #accept}. */
  Nesting seal() {
    Set<Node> candidates = new HashSet<>();
    references.forEach((b, n) -> {
      if (n == 1 && !referrer.get(b).equals(b)) {
        candidates.add(b);
      }
    });
    // A candidate nests only if following its referrers leads to a top-level subject; in a cycle of
    // candidates, the one with the smallest label goes to the top, which frees the rest.
    var byLabel = java.util.Comparator.comparing(Node::getBlankNodeLabel, Terms.CODE_POINT_ORDER);
    boolean changed = true;
    while (changed) {
      changed = false;
      var ordered = new ArrayList<>(candidates);
      ordered.sort(byLabel);
      for (Node node : ordered) {
        var seen = new HashSet<Node>();
        Node r = node;
        while (candidates.contains(r) && seen.add(r)) {
          r = referrer.get(r);
        }
        if (candidates.contains(r)) {
          candidates.remove(seen.stream().min(byLabel).orElseThrow());
          changed = true;
          break;
        }
      }
    }
    nested = candidates;
    return this;
  }

  /** Whether {@code b} is written inside the one triple that refers to it. */
  boolean nests(Node b) {
    return b.isBlank() && nested.contains(b);
  }

  /** The triples of a blank subject, in line order. */
  List<Triple> triples(Node b) {
    return bySubject.getOrDefault(b, List.of());
  }

  /** The items of the list {@code b} heads, if it is a well-formed list that nests entirely. */
  Optional<List<Node>> list(Node b) {
    if (!isList(b)) {
      return Optional.empty();
    }
    var items = new ArrayList<Node>();
    for (Node n = b; !n.equals(NIL); n = rest(n)) {
      items.add(first(n));
    }
    return Optional.of(items);
  }

  private boolean isList(Node b) {
    if (!nests(b)) {
      return false;
    }
    Boolean known = lists.get(b);
    if (known != null) {
      return known;
    }
    lists.put(b, false); // cycles are not lists
    List<Triple> ts = triples(b);
    boolean ok = ts.size() == 2 && first(b) != null && rest(b) != null
        && (rest(b).equals(NIL) || isList(rest(b)));
    lists.put(b, ok);
    return ok;
  }

  private Node first(Node b) {
    return value(b, FIRST);
  }

  private Node rest(Node b) {
    return value(b, REST);
  }

  private Node value(Node b, Node p) {
    Node v = null;
    for (Triple t : triples(b)) {
      if (t.getPredicate().equals(p)) {
        if (v != null) {
          return null;
        }
        v = t.getObject();
      }
    }
    return v;
  }
}

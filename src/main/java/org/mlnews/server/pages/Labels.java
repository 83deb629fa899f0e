package org.mlnews.server.pages;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.mlnews.rdf.Vocab;

/**
 * Human-readable names for resources: the first of skos:prefLabel, rdfs:label, dcterms:title,
 * ml:headline, preferring English, then Chinese, then any; else the IRI's last segment.
 *
 * <pre>{@code
 * Labels.label(unionGraph, topicNode);   // "Generative adversarial network"
 * }</pre>
 */
public final class Labels {
  /** The properties that name a resource, in order of preference. */
  public static final List<Node> PROPERTIES = List.of(Vocab.SKOS_PREF_LABEL, Vocab.RDFS_LABEL, Vocab.DC_TITLE,
      Vocab.HEADLINE);

  private Labels() {}

  /** The label of {@code n} in the preferred language ("en" or "zh"). */
  public static String label(Graph g, Node n, String lang) {
    Node lit = labelNode(g, n, lang);
    return lit != null ? lit.getLiteralLexicalForm() : fallback(n);
  }

  public static String label(Graph g, Node n) {
    return label(g, n, "en");
  }

  /** The label literal of {@code n}, or null. */
  public static Node labelNode(Graph g, Node n, String lang) {
    if (!n.isURI() && !n.isBlank()) {
      return null;
    }
    for (Node p : PROPERTIES) {
      List<Node> values = g.find(n, p, Node.ANY).mapWith(Triple::getObject).filterKeep(Node::isLiteral).toList();
      if (values.isEmpty()) {
        continue;
      }
      Node best = null;
      int bestRank = Integer.MAX_VALUE;
      for (Node v : values) {
        String l = v.getLiteralLanguage();
        int rank = l.equalsIgnoreCase(lang) ? 0 : l.equalsIgnoreCase("en") ? 1 : l.equalsIgnoreCase("zh") ? 2
            : l.isEmpty() ? 3 : 4;
        // Among equals, the shortest lexical form, then alphabetical: stable across runs.
        if (rank < bestRank || (rank == bestRank && compare(v, best) < 0)) {
          best = v;
          bestRank = rank;
        }
      }
      return best;
    }
    return null;
  }

  private static int compare(Node a, Node b) {
    String x = a.getLiteralLexicalForm();
    String y = b.getLiteralLexicalForm();
    return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
  }

  /** Text for a node that has no label: a literal's text, an IRI's last segment, decoded. */
  public static String fallback(Node n) {
    if (n.isLiteral()) {
      return n.getLiteralLexicalForm();
    }
    if (!n.isURI()) {
      return "_:" + n.getBlankNodeLabel();
    }
    String iri = n.getURI();
    int cut = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/', iri.length() - 2));
    String last = cut >= 0 && cut < iri.length() - 1 ? iri.substring(cut + 1) : iri;
    try {
      return URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return last;
    }
  }
}

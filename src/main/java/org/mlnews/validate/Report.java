package org.mlnews.validate;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.mlnews.dump.Prefixes;

/**
 * What a validation found: the findings sorted by focus node, path and message (so the same data
 * gives the same report), the SHACL report graph, and what was checked.
 *
 * @param source   what was validated ("store store", "file mlnews.nt.gz")
 * @param triples  triples checked
 * @param findings sorted
 * @param graph    the SHACL validation report (sh:ValidationReport) as RDF
 */
public record Report(String source, long triples, List<Finding> findings, Graph graph) {
  /** Shape IRIs are shown with this prefix too. */
  static final Map<String, String> SHOWN;

  static {
    var m = new TreeMap<String, String>(Prefixes.ALL);
    m.put("mlsh", "https://mlnews.example.org/shapes#");
    SHOWN = m;
  }

  /** True when there is no violation (warnings and infos do not count). */
  public boolean conforms() {
    return violations() == 0;
  }

  public long violations() {
    return findings.stream().filter(Finding::isViolation).count();
  }

  /**
   * The report for a reader:
   * <pre>
   * Violation  &lt;https://mlnews.example.org/issue/x/entry/arxiv-2010.00554&gt;
   *   path     ml:headline
   *   message  An entry has exactly one headline.
   *   check    sh:MinCountConstraintComponent
   * </pre>
   * then one summary line.
   */
  public void print(PrintWriter out) {
    for (Finding f : findings) {
      out.println(String.format("%-10s %s", f.severity(), show(f.focus())));
      if (f.path() != null) {
        out.println("  path     " + f.path());
      }
      out.println("  message  " + f.message());
      if (f.value() != null) {
        out.println("  value    " + show(f.value()));
      }
      if (f.constraint() != null || (f.shape() != null && f.shape().isURI())) {
        // Property shapes are mostly blank nodes: name the shape only when it has a name.
        out.println("  check    " + (f.constraint() == null ? "" : show(f.constraint()))
            + (f.shape() != null && f.shape().isURI() ? " of " + show(f.shape()) : ""));
      }
      out.println();
    }
    long v = violations();
    long others = findings.size() - v;
    out.println((v == 0 ? "conforms: " : v + (v == 1 ? " violation" : " violations") + ": ")
        + source + ", " + triples + " triples checked against the shapes"
        + (others == 0 ? "" : "; " + others + (others == 1 ? " warning or note" : " warnings or notes")));
    out.flush();
  }

  /** A term as Turtle, with the dump prefixes and {@code mlsh:}. */
  static String show(Node n) {
    if (n == null) {
      return "-";
    }
    if (n.isURI()) {
      String iri = n.getURI();
      for (var e : SHOWN.entrySet()) {
        String local = iri.startsWith(e.getValue()) ? iri.substring(e.getValue().length()) : null;
        if (local != null && local.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
          return e.getKey() + ":" + local;
        }
      }
      return "<" + iri + ">";
    }
    if (n.isBlank()) {
      return "[]";
    }
    String s = n.toString(); // Jena's display form: "lex"@lang, "lex"^^xsd:type
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }
}

package org.mlnews.dump;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.mlnews.rdf.Vocab;

/**
 * The prefixes every dump declares, always the same ones in the same order (sorted), so that the
 * header of a dump never changes with the data. Data IRIs are written in full.
 */
public final class Prefixes {
  private Prefixes() {}

  public static final String VOID = "http://rdfs.org/ns/void#";
  public static final String DCAT = "http://www.w3.org/ns/dcat#";
  public static final String SPDX = "http://spdx.org/rdf/terms#";

  /** Prefix to namespace, sorted by prefix. */
  public static final Map<String, String> ALL;

  static {
    var m = new TreeMap<String, String>();
    m.put("bibo", Vocab.BIBO);
    m.put("dcat", DCAT);
    m.put("dcterms", Vocab.DCTERMS);
    m.put("fabio", Vocab.FABIO);
    m.put("foaf", Vocab.FOAF);
    m.put("ml", Vocab.ML);
    m.put("owl", Vocab.OWL);
    m.put("prov", Vocab.PROV);
    m.put("qb", Vocab.QB);
    m.put("rdf", Vocab.RDF);
    m.put("rdfs", Vocab.RDFS);
    m.put("schema", Vocab.SCHEMA);
    m.put("sh", "http://www.w3.org/ns/shacl#");
    m.put("skos", Vocab.SKOS);
    m.put("spdx", SPDX);
    m.put("time", Vocab.TIME);
    m.put("topic", Vocab.TOPIC);
    m.put("vann", "http://purl.org/vocab/vann/");
    m.put("void", VOID);
    m.put("xsd", Vocab.XSD);
    ALL = Collections.unmodifiableMap(m);
  }

  /**
   * Local names written as prefixed names: ASCII letters, digits, '_' and '-', starting with a
   * letter or '_'. Turtle allows more, but this much every Turtle parser (rapper's too) reads, and
   * it is also a valid XML name for RDF/XML.
   */
  private static final Pattern LOCAL = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  /** {@code ml:Issue} for {@code https://mlnews.example.org/ontology#Issue}; empty if no prefix fits. */
  public static Optional<String> prefixed(String iri) {
    String best = null;
    String bestNs = "";
    for (var e : ALL.entrySet()) {
      String ns = e.getValue();
      if (iri.startsWith(ns) && ns.length() > bestNs.length() && LOCAL.matcher(iri.substring(ns.length())).matches()) {
        best = e.getKey();
        bestNs = ns;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best + ":" + iri.substring(bestNs.length()));
  }

  /** Whether {@code local} is a name {@link #prefixed} would write. */
  static boolean isLocalName(String local) {
    return LOCAL.matcher(local).matches();
  }
}

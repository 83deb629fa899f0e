package org.mlnews.query;

import java.util.Arrays;
import java.util.Locale;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.resultset.ResultSetLang;

/** Output formats of {@code query}: result formats for SELECT/ASK, RDF syntaxes for CONSTRUCT/DESCRIBE. */
public enum ResultFormat {
  TABLE(null, null),
  CSV(ResultSetLang.RS_CSV, null),
  TSV(ResultSetLang.RS_TSV, null),
  JSON(ResultSetLang.RS_JSON, null),
  XML(ResultSetLang.RS_XML, null),
  TURTLE(null, Lang.TURTLE),
  JSONLD(null, Lang.JSONLD),
  NTRIPLES(null, Lang.NTRIPLES),
  RDFXML(null, Lang.RDFXML);

  final Lang resultLang;
  final Lang rdfLang;

  ResultFormat(Lang resultLang, Lang rdfLang) {
    this.resultLang = resultLang;
    this.rdfLang = rdfLang;
  }

  /** Accepts the enum name in any case, and {@code json-ld}, {@code ttl}, {@code nt}, {@code rdf}. */
  public static ResultFormat parse(String s) {
    String t = s.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    return switch (t) {
      case "ttl" -> TURTLE;
      case "nt", "ntriples" -> NTRIPLES;
      case "rdf", "rdfxml" -> RDFXML;
      default -> Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(t))
          .findFirst().orElseThrow(() -> new IllegalArgumentException("unknown format '" + s
              + "' (expected table, csv, tsv, json, xml, turtle, jsonld, ntriples or rdfxml)"));
    };
  }

  public boolean isRdf() {
    return rdfLang != null;
  }
}

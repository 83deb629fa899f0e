package org.mlnews.server.pages;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;

/**
 * What a resource's IRI can answer with, in the server's order of preference, and the choice
 * among them: {@code ?format=} wins over {@code Accept}; among the media types a client accepts
 * with the same quality the more specific one wins, then the server's order (HTML first, so a
 * browser, and a client sending {@code *}{@code /*}, gets the page).
 *
 * <pre>{@code
 * Format.negotiate("text/turtle;q=0.9, application/ld+json");   // Optional[JSONLD]
 * Format.negotiate("image/png");                               // Optional.empty(): 406
 * Format.byToken("ttl");                                       // Optional[TURTLE]
 * }</pre>
 */
public enum Format {
  HTML("html", "text/html", "HTML", null, null),
  TURTLE("ttl", "text/turtle", "Turtle", Lang.TURTLE, RDFFormat.TURTLE_PRETTY),
  JSONLD("jsonld", "application/ld+json", "JSON-LD", Lang.JSONLD, RDFFormat.JSONLD11_PRETTY),
  NTRIPLES("nt", "application/n-triples", "N-Triples", Lang.NTRIPLES, RDFFormat.NTRIPLES_UTF8),
  RDFXML("rdf", "application/rdf+xml", "RDF/XML", Lang.RDFXML, RDFFormat.RDFXML_PLAIN);

  private final String token;
  private final String mediaType;
  private final String label;
  private final Lang lang;
  private final RDFFormat rdfFormat;

  Format(String token, String mediaType, String label, Lang lang, RDFFormat rdfFormat) {
    this.token = token;
    this.mediaType = mediaType;
    this.label = label;
    this.lang = lang;
    this.rdfFormat = rdfFormat;
  }

  /** The {@code ?format=} value: html, ttl, jsonld, nt, rdf. */
  public String token() {
    return token;
  }

  public String mediaType() {
    return mediaType;
  }

  public String label() {
    return label;
  }

  public Lang lang() {
    return lang;
  }

  public RDFFormat rdfFormat() {
    return rdfFormat;
  }

  public boolean isRdf() {
    return lang != null;
  }

  /** The RDF formats, for "this resource as data" links. */
  public static List<Format> rdf() {
    return List.of(TURTLE, JSONLD, NTRIPLES, RDFXML);
  }

  /** A {@code ?format=} value; also the long names (turtle, ntriples, rdfxml, json). */
  public static Optional<Format> byToken(String token) {
    String t = token.strip().toLowerCase(Locale.ROOT);
    return Optional.ofNullable(switch (t) {
      case "html", "htm" -> HTML;
      case "ttl", "turtle" -> TURTLE;
      case "jsonld", "json-ld", "json" -> JSONLD;
      case "nt", "ntriples", "n-triples" -> NTRIPLES;
      case "rdf", "rdfxml", "xml", "owl" -> RDFXML;
      default -> null;
    });
  }

  /** Which formats a media type names (a range like {@code text/*} names several). */
  private static List<Format> matching(String range) {
    var out = new ArrayList<Format>();
    switch (range) {
      case "*/*" -> out.addAll(List.of(values()));
      case "text/*" -> out.addAll(List.of(HTML, TURTLE));
      case "application/*" -> out.addAll(List.of(JSONLD, NTRIPLES, RDFXML));
      case "text/html", "application/xhtml+xml" -> out.add(HTML);
      case "text/turtle", "application/x-turtle" -> out.add(TURTLE);
      case "application/ld+json", "application/json" -> out.add(JSONLD);
      case "application/n-triples", "text/plain" -> out.add(NTRIPLES);
      case "application/rdf+xml", "application/xml", "text/xml" -> out.add(RDFXML);
      default -> { }
    }
    return out;
  }

  /**
   * The best format for an {@code Accept} header; HTML when there is none; empty when nothing
   * acceptable can be produced.
   */
  public static Optional<Format> negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(HTML);
    }
    record Range(String type, double q, int specificity) {}
    var ranges = new ArrayList<Range>();
    for (String part : accept.split(",")) {
      String[] bits = part.split(";");
      String type = bits[0].strip().toLowerCase(Locale.ROOT);
      if (type.isEmpty()) {
        continue;
      }
      double q = 1.0;
      for (int i = 1; i < bits.length; i++) {
        String b = bits[i].strip();
        if (b.startsWith("q=")) {
          try {
            q = Double.parseDouble(b.substring(2).strip());
          } catch (NumberFormatException e) {
            q = 0;
          }
        }
      }
      int specificity = type.equals("*/*") ? 0 : type.endsWith("/*") ? 1 : 2;
      ranges.add(new Range(type, q, specificity));
    }
    // Each format takes the quality of the most specific range that names it (RFC 9110 12.5.1).
    Format best = null;
    double bestQ = 0;
    int bestSpec = -1;
    for (Format f : values()) {
      Range r = ranges.stream().filter(x -> matching(x.type()).contains(f))
          .max(Comparator.comparingInt(Range::specificity)).orElse(null);
      if (r == null || r.q() <= 0) {
        continue;
      }
      if (r.q() > bestQ || (r.q() == bestQ && r.specificity() > bestSpec)) {
        best = f;
        bestQ = r.q();
        bestSpec = r.specificity();
      }
    }
    return Optional.ofNullable(best);
  }
}

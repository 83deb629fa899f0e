package org.mlnews.server.pages;

import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFFormat;
import org.mlnews.server.Conneg;

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


  /** The media types a resource is offered in, HTML first: the answer to no or any preference. */
  private static final Conneg<Format> CONNEG = new Conneg<>(offers());

  private static Map<String, Format> offers() {
    var m = new LinkedHashMap<String, Format>();
    m.put("text/html", HTML);
    m.put("text/turtle", TURTLE);
    m.put("application/ld+json", JSONLD);
    m.put("application/n-triples", NTRIPLES);
    m.put("application/rdf+xml", RDFXML);
    // Aliases after the canonical types, so a wildcard picks a canonical one.
    m.put("application/x-turtle", TURTLE);
    m.put("application/json", JSONLD);
    m.put("text/plain", NTRIPLES);
    m.put("application/xml", RDFXML);
    m.put("text/xml", RDFXML);
    m.put("application/xhtml+xml", HTML);
    return m;
  }

  /**
   * The best format for an {@code Accept} header; HTML when there is none; empty when nothing
   * acceptable can be produced.
   */
  public static Optional<Format> negotiate(String accept) {
    return CONNEG.choose(accept);
  }
}

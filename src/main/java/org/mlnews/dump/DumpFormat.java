package org.mlnews.dump;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.jena.riot.Lang;

/**
 * The dump formats. Triple formats (Turtle, N-Triples, JSON-LD, RDF/XML) hold the union of the
 * named graphs, each triple once; quad formats (N-Quads, TriG) keep one named graph per issue.
 * Line-based formats (N-Triples, N-Quads) stream.
 */
public enum DumpFormat {
  TURTLE("turtle", "ttl", "text/turtle", Lang.TURTLE, false, "Turtle", "ttl"),
  NTRIPLES("ntriples", "nt", "application/n-triples", Lang.NTRIPLES, false, "N-Triples", "nt", "n-triples"),
  NQUADS("nquads", "nq", "application/n-quads", Lang.NQUADS, true, "N-Quads", "nq", "n-quads"),
  TRIG("trig", "trig", "application/trig", Lang.TRIG, true, "TriG"),
  JSONLD("jsonld", "jsonld", "application/ld+json", Lang.JSONLD, false, "JSON-LD", "json-ld"),
  RDFXML("rdfxml", "rdf", "application/rdf+xml", Lang.RDFXML, false, "RDF_XML", "rdf", "xml", "rdf/xml");

  private final String token;
  private final String extension;
  private final String mediaType;
  private final Lang lang;
  private final boolean quads;
  private final String w3cName;
  private final List<String> aliases;

  DumpFormat(String token, String extension, String mediaType, Lang lang, boolean quads, String w3cName,
      String... aliases) {
    this.token = token;
    this.extension = extension;
    this.mediaType = mediaType;
    this.lang = lang;
    this.quads = quads;
    this.w3cName = w3cName;
    this.aliases = List.of(aliases);
  }

  /** The name on the command line: {@code turtle}, {@code ntriples}... */
  public String token() {
    return token;
  }

  /** The file extension, without dot: {@code ttl}, {@code nt}... */
  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }

  public Lang lang() {
    return lang;
  }

  /** Whether the format keeps named graphs. */
  public boolean quads() {
    return quads;
  }

  /** Whether the format is written line by line, streamed. */
  public boolean lineBased() {
    return this == NTRIPLES || this == NQUADS;
  }

  /** The W3C format IRI ({@code http://www.w3.org/ns/formats/Turtle}), for VoID's {@code void:feature}. */
  public String formatIri() {
    return "http://www.w3.org/ns/formats/" + w3cName;
  }

  /**
   * A format by token, alias or extension, case-insensitively.
   *
   * @throws IllegalArgumentException naming the known formats
   */
  public static DumpFormat parse(String name) {
    String n = name.strip().toLowerCase(Locale.ROOT);
    for (DumpFormat f : values()) {
      if (f.token.equals(n) || f.extension.equals(n) || f.aliases.contains(n)) {
        return f;
      }
    }
    throw new IllegalArgumentException("Unknown format '" + name + "' : expected one of "
        + String.join(", ", Arrays.stream(values()).map(DumpFormat::token).toList()));
  }

  /** The format of a file name by its extension ({@code .gz} aside): {@code dump.nt.gz} is N-Triples. */
  public static Optional<DumpFormat> forFileName(String fileName) {
    String n = fileName.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String ext = n.substring(dot + 1);
    for (DumpFormat f : values()) {
      if (f.extension.equals(ext) || (f == RDFXML && ext.equals("owl")) || (f == JSONLD && ext.equals("json"))) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}

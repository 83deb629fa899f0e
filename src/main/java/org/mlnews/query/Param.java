package org.mlnews.query;

import java.util.Locale;
import java.util.Objects;

/**
 * A parameter of a named query, declared in the query file's header:
 * <pre>
 * # @param topic topic required  A topic key or label (GAN, 甘, VAE); narrower topics included
 * # @param year  integer optional  Year, e.g. 2020
 * </pre>
 * The value binds the SPARQL variable of the same name.
 *
 * @param name        variable name without '?'
 * @param type        how a value is turned into an RDF term
 * @param required    whether the query needs it
 * @param description one line for users
 */
public record Param(String name, Type type, boolean required, String description) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Illegal parameter name=" + name + " : must be a SPARQL variable name");
    }
    description = description == null ? "" : description;
  }

  /** Parameter types. */
  public enum Type {
    /** A topic key or label; binds the topic and all its narrower topics. */
    TOPIC,
    /** An issue slug or IRI. */
    ISSUE,
    /** A period key: 2020-W41, 2020-10, 2020-Q4 or 2020. */
    PERIOD,
    INTEGER,
    STRING,
    IRI;

    public static Type parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown parameter type '" + s
            + "' (expected topic, issue, period, integer, string or iri)");
      }
    }

    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}

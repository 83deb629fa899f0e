package org.mlnews.query;

import java.util.Locale;
import java.util.Objects;

/**
 * A parameter of a named query, declared in the query file's header:
 * <pre>
 * # @param topic topic required  A topic key or label (GAN, 甘, VAE); narrower topics included
 * # @param year  integer optional  Year, e.g. 2020
 * # @param quarter integer(1..4) optional  Quarter of that year
 * </pre>
 * The value binds the SPARQL variable of the same name. An integer may be bounded, both ends
 * inclusive: a value outside is refused, where it would only have matched nothing.
 *
 * @param name        variable name without '?'
 * @param type        how a value is turned into an RDF term
 * @param required    whether the query needs it
 * @param description one line for users
 * @param min         least value of a bounded integer, else null
 * @param max         greatest value of a bounded integer, else null
 */
public record Param(String name, Type type, boolean required, String description, Long min, Long max) {
  public Param {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException("Illegal parameter name=" + name + " : must be a SPARQL variable name");
    }
    if ((min == null) != (max == null) || (min != null && (type != Type.INTEGER || min > max))) {
      throw new IllegalArgumentException("Illegal bounds " + min + ".." + max + " of parameter " + name
          + " : only an integer has bounds, the least first");
    }
    description = description == null ? "" : description;
  }

  /** An unbounded parameter. */
  public Param(String name, Type type, boolean required, String description) {
    this(name, type, required, description, null, null);
  }

  private static final java.util.regex.Pattern TYPE =
      java.util.regex.Pattern.compile("([A-Za-z]+)(?:\\((-?\\d{1,18})\\.\\.(-?\\d{1,18})\\))?");

  /** A parameter from its header's type token: {@code topic}, {@code integer}, {@code integer(1..4)}... */
  public static Param of(String name, String typeToken, boolean required, String description) {
    var m = TYPE.matcher(typeToken);
    if (!m.matches()) {
      throw new IllegalArgumentException("unknown parameter type '" + typeToken
          + "' (expected topic, concept, issue, period, integer, integer(MIN..MAX), string or iri)");
    }
    return new Param(name, Type.parse(m.group(1)), required, description,
        m.group(2) == null ? null : Long.parseLong(m.group(2)), m.group(3) == null ? null : Long.parseLong(m.group(3)));
  }

  /** The type as the header writes it: {@code integer(1..4)}. */
  public String typeToken() {
    return type.token() + (min == null ? "" : "(" + min + ".." + max + ")");
  }

  /** Parameter types. */
  public enum Type {
    /** A topic key or label; binds the topic and all its narrower topics. */
    TOPIC,
    /**
     * A topic key or label; binds that topic alone, for data that already counts a topic's
     * narrower topics in (the trend statistics).
     */
    CONCEPT,
    /** An issue slug or IRI. */
    ISSUE,
    /** A period key: 2020-W41, 2020-10, 2020-Q4 or 2020. */
    PERIOD,
    INTEGER,
    STRING,
    IRI;

    /** Whether a value names a topic of the scheme ({@link #TOPIC} or {@link #CONCEPT}). */
    public boolean isTopic() {
      return this == TOPIC || this == CONCEPT;
    }

    public static Type parse(String s) {
      try {
        return valueOf(s.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown parameter type '" + s
            + "' (expected topic, concept, issue, period, integer, string or iri)");
      }
    }

    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}

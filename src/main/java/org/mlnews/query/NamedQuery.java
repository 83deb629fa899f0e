package org.mlnews.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;

/**
 * A SPARQL query from {@code queries/NAME.rq}. Its leading comment lines are its documentation:
 * the first is the title, following plain lines the description, {@code @param} lines the
 * parameters.
 *
 * <pre>{@code
 * NamedQuery q = NamedQuery.parse("topic-trend", Files.readString(path));
 * q.params();   // [Param[name=topic, type=TOPIC, required=true, ...]]
 * }</pre>
 *
 * @param name        file name without {@code .rq}
 * @param title       the first comment line
 * @param description the other plain comment lines, joined
 * @param params      declared parameters
 * @param sparql      the query text
 * @param query       the parsed query, never mutated (bind copies it)
 */
public record NamedQuery(String name, String title, String description, List<Param> params,
    String sparql, Query query) {

  public NamedQuery {
    Objects.requireNonNull(name, "name");
    params = List.copyOf(params);
  }

  public Optional<Param> param(String paramName) {
    return params.stream().filter(p -> p.name().equals(paramName)).findFirst();
  }

  /**
   * Parses a query file's text.
   *
   * @throws IllegalArgumentException with the query name and line when the header or the SPARQL
   *                                  is invalid
   */
  public static NamedQuery parse(String name, String text) {
    return parse(name, name + ".rq", text);
  }

  /**
   * Parses a query's text; {@code source} names it in error messages (a file's path as given, or
   * {@code --sparql}).
   */
  public static NamedQuery parse(String name, String source, String text) {
    String title = null;
    var description = new StringBuilder();
    var params = new ArrayList<Param>();
    int lineNo = 0;
    for (String line : text.split("\\R")) {
      lineNo++;
      String t = line.strip();
      if (!t.startsWith("#")) {
        if (t.isEmpty()) {
          continue;
        }
        break;
      }
      String c = t.substring(1).strip();
      if (c.startsWith("@param")) {
        String[] parts = c.substring("@param".length()).strip().split("\\s+", 4);
        if (parts.length < 3 || !(parts[2].equals("required") || parts[2].equals("optional"))) {
          throw new IllegalArgumentException(source + ":" + lineNo
              + ": expected '# @param NAME TYPE required|optional DESCRIPTION'");
        }
        if (RESERVED.contains(parts[0])) {
          throw new IllegalArgumentException(source + ":" + lineNo + ": '" + parts[0]
              + "' cannot be a parameter: the URL of a named query uses it (?format=, ?page=)");
        }
        try {
          params.add(Param.of(parts[0], parts[1], parts[2].equals("required"), parts.length > 3 ? parts[3] : ""));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + ":" + lineNo + ": " + e.getMessage(), e);
        }
      } else if (title == null) {
        if (!c.isEmpty()) {
          title = c;
        }
      } else if (!c.isEmpty()) {
        description.append(description.length() == 0 ? "" : " ").append(c);
      }
    }
    Query query;
    try {
      query = QueryFactory.create(text);
    } catch (QueryParseException e) {
      throw new IllegalArgumentException(source + position(e) + ": " + withoutExpectations(e.getMessage()), e);
    }
    var mentioned = query.getQueryPattern() == null ? List.<String>of()
        : org.apache.jena.sparql.syntax.PatternVars.vars(query.getQueryPattern()).stream()
            .map(v -> v.getVarName()).toList();
    for (Param p : params) {
      if (!mentioned.contains(p.name())) {
        throw new IllegalArgumentException(source + ": parameter '" + p.name()
            + "' is not a variable of the query's WHERE clause");
      }
    }
    return new NamedQuery(name, title == null ? name : title, description.toString(), params,
        text, query);
  }

  /** Names a query's URL takes for itself: the answer's format, the page of the browser's table. */
  public static final java.util.Set<String> RESERVED = java.util.Set.of("format", "page");

  private static final java.util.regex.Pattern AT =
      java.util.regex.Pattern.compile("line (\\d+), column (\\d+)");

  /**
   * A parser's message without the list of every token it would have taken (thirty lines for a
   * missing object), which says less than the token it names as found.
   */
  static String withoutExpectations(String message) {
    if (message == null) {
      return "syntax error";
    }
    int at = message.indexOf("\nWas expecting");
    return (at < 0 ? message : message.substring(0, at)).strip();
  }

  /**
   * ":line:column" of a syntax error, or "" when it has none. The parser's message names the
   * token it could not take; the exception's own line and column are the last token it took.
   */
  private static String position(QueryParseException e) {
    var m = AT.matcher(String.valueOf(e.getMessage()));
    if (m.find()) {
      return ":" + m.group(1) + ":" + m.group(2);
    }
    return e.getLine() > 0 ? ":" + e.getLine() + ":" + Math.max(1, e.getColumn()) : "";
  }
}

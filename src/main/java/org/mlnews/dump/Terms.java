package org.mlnews.dump;

import java.util.Comparator;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.tokens.Token;
import org.apache.jena.riot.tokens.Tokenizer;
import org.apache.jena.riot.tokens.TokenizerText;
import org.apache.jena.vocabulary.XSD;

/**
 * RDF terms in N-Triples syntax, the one form every writer sorts by. Literals escape only what
 * they must ({@code \\ \" \n \r \t \b \f} and other control characters as {@code \\u00XX}) and
 * keep every other character as it is (UTF-8); IRIs escape the characters an IRI may not hold.
 * Blank nodes are written with their label, which {@link Canonical} has made stable. Shared with
 * the change log ({@link org.mlnews.changes.PatchBody}), whose lines are terms in this form too.
 *
 * <pre>{@code
 * String s = Terms.nt(NodeFactory.createLiteralLang("摘要", "zh"));   // "摘要"@zh
 * }</pre>
 */
public final class Terms {
  private Terms() {}

  /** Orders strings by Unicode code point, which is the byte order of their UTF-8 form ({@code LC_ALL=C sort}). */
  public static final Comparator<String> CODE_POINT_ORDER = Terms::compareCodePoints;

  public static int compareCodePoints(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        // Surrogates (supplementary characters) sort above all other UTF-16 units, as in UTF-8.
        boolean sx = Character.isSurrogate(x);
        boolean sy = Character.isSurrogate(y);
        if (sx != sy) {
          return sx ? 1 : -1;
        }
        return Character.compare(x, y);
      }
    }
    return Integer.compare(a.length(), b.length());
  }

  public static String nt(Node n) {
    var sb = new StringBuilder();
    appendNt(sb, n);
    return sb.toString();
  }

  /** {@code S P O .} */
  static String line(Triple t) {
    var sb = new StringBuilder(128);
    appendNt(sb, t.getSubject());
    sb.append(' ');
    appendNt(sb, t.getPredicate());
    sb.append(' ');
    appendNt(sb, t.getObject());
    return sb.append(" .").toString();
  }

  /** {@code S P O G .} from a triple's line. */
  static String quadLine(String tripleLine, Node graph) {
    return tripleLine.substring(0, tripleLine.length() - 1) + nt(graph) + " .";
  }

  public static void appendNt(StringBuilder sb, Node n) {
    if (n.isURI()) {
      appendIri(sb, n.getURI());
    } else if (n.isBlank()) {
      sb.append("_:").append(n.getBlankNodeLabel());
    } else if (n.isLiteral()) {
      appendString(sb, n.getLiteralLexicalForm());
      String lang = n.getLiteralLanguage();
      if (lang != null && !lang.isEmpty()) {
        sb.append('@').append(lang);
      } else if (!XSD.xstring.getURI().equals(n.getLiteralDatatypeURI())) {
        sb.append("^^");
        appendIri(sb, n.getLiteralDatatypeURI());
      }
    } else {
      throw new IllegalArgumentException("Cannot write " + n + " : only IRIs, blank nodes and literals are dumped");
    }
  }

  /** {@code <iri>}, with characters an IRI may not contain written as {@code \\u00XX}. */
  static void appendIri(StringBuilder sb, String iri) {
    sb.append('<');
    int clean = 0;
    while (clean < iri.length() && !escapedInIri(iri.charAt(clean))) {
      clean++;
    }
    // Almost every IRI needs no escape, and is appended whole: on a first build's change set
    // that is several times faster than a character at a time.
    if (clean == iri.length()) {
      sb.append(iri).append('>'); // whole: a bulk copy, where a range is copied a char at a time
      return;
    }
    sb.append(iri, 0, clean);
    for (int i = clean; i < iri.length(); i++) {
      char c = iri.charAt(i);
      if (escapedInIri(c)) {
        sb.append(String.format("\\u%04X", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('>');
  }

  private static boolean escapedInIri(char c) {
    return c <= ' ' || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' || c == '^'
        || c == '`' || c == '\\';
  }

  /** A quoted string literal with the escapes N-Triples and Turtle share. */
  static void appendString(StringBuilder sb, String s) {
    sb.append('"');
    int clean = 0;
    while (clean < s.length() && !escapedInString(s.charAt(clean))) {
      clean++;
    }
    if (clean == s.length()) {
      sb.append(s).append('"');
      return;
    }
    sb.append(s, 0, clean);
    for (int i = clean; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04X", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** Whether {@link #appendString} writes the character other than as itself. */
  private static boolean escapedInString(char c) {
    return c < 0x20 || c == 0x7f || c == '"' || c == '\\';
  }

  /** Reads back a line written by {@link #line}; blank node labels are kept as written. */
  static Triple parseLine(String line) {
    Tokenizer tok = TokenizerText.fromString(line);
    Node s = node(tok, line);
    Node p = node(tok, line);
    Node o = node(tok, line);
    return Triple.create(s, p, o);
  }

  private static Node node(Tokenizer tok, String line) {
    if (!tok.hasNext()) {
      throw new IllegalStateException("short N-Triples line: " + line);
    }
    Token t = tok.next();
    if (!t.isNode()) {
      throw new IllegalStateException("not an RDF term (" + t + ") in: " + line);
    }
    return t.asNode();
  }
}

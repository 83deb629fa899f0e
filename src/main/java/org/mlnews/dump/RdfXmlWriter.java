package org.mlnews.dump;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.XSD;

/**
 * RDF/XML in its plainest form: one {@code rdf:Description} per subject in line order, one
 * property element per triple, objects as {@code rdf:resource}, {@code rdf:nodeID} or text with
 * {@code xml:lang} or {@code rdf:datatype}. The fixed {@link Prefixes} are declared on the root; a
 * predicate outside them declares its namespace on its own element, so nothing needs to be known
 * before the first subject is written (it streams).
 *
 * @throws IllegalArgumentException (from {@link #subject}) for what RDF/XML cannot carry: a
 *     predicate IRI that does not end in an XML name, a character XML 1.0 does not allow
 */
final class RdfXmlWriter implements SubjectWriter {
  private static final Pattern NAME_SUFFIX = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*$");
  private final Writer out;

  RdfXmlWriter(Writer out) {
    this.out = out;
  }

  @Override
  public void start() throws IOException {
    var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF");
    for (var e : Prefixes.ALL.entrySet()) {
      sb.append("\n    xmlns:").append(e.getKey()).append("=\"").append(attr(e.getValue())).append('"');
    }
    out.write(sb.append(">\n").toString());
  }

  @Override
  public void subject(Node subject, List<Triple> triples) throws IOException {
    var sb = new StringBuilder("  <rdf:Description ");
    sb.append(subject.isBlank() ? "rdf:nodeID=\"" + subject.getBlankNodeLabel() + "\""
        : "rdf:about=\"" + attr(subject.getURI()) + "\"").append(">\n");
    for (Triple t : triples) {
      String p = t.getPredicate().getURI();
      String name;
      String xmlns = "";
      var prefixed = Prefixes.prefixed(p);
      if (prefixed.isPresent()) {
        name = prefixed.get();
      } else {
        Matcher m = NAME_SUFFIX.matcher(p);
        if (!m.find() || m.start() == 0) {
          throw new IllegalArgumentException("Cannot write predicate <" + p + "> in RDF/XML : "
              + "it does not end in an XML name");
        }
        name = "ns0:" + m.group();
        xmlns = " xmlns:ns0=\"" + attr(p.substring(0, m.start())) + "\"";
      }
      sb.append("    <").append(name).append(xmlns);
      Node o = t.getObject();
      if (o.isURI()) {
        sb.append(" rdf:resource=\"").append(attr(o.getURI())).append("\"/>\n");
      } else if (o.isBlank()) {
        sb.append(" rdf:nodeID=\"").append(o.getBlankNodeLabel()).append("\"/>\n");
      } else {
        String lang = o.getLiteralLanguage();
        if (lang != null && !lang.isEmpty()) {
          sb.append(" xml:lang=\"").append(attr(lang)).append('"');
        } else if (!XSD.xstring.getURI().equals(o.getLiteralDatatypeURI())) {
          sb.append(" rdf:datatype=\"").append(attr(o.getLiteralDatatypeURI())).append('"');
        }
        sb.append('>').append(text(o.getLiteralLexicalForm())).append("</").append(name).append(">\n");
      }
    }
    sb.append("  </rdf:Description>\n");
    out.write(sb.toString());
  }

  @Override
  public void finish() throws IOException {
    out.write("</rdf:RDF>\n");
    out.flush();
  }

  static String attr(String s) {
    return escape(s, true);
  }

  static String text(String s) {
    return escape(s, false);
  }

  private static String escape(String s, boolean attribute) {
    var sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append(attribute ? "&quot;" : "\"");
        // XML parsers turn a raw CR into LF, and tabs and line feeds in attributes into spaces.
        case '\r' -> sb.append("&#13;");
        case '\n' -> sb.append(attribute ? "&#10;" : "\n");
        case '\t' -> sb.append(attribute ? "&#9;" : "\t");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            throw new IllegalArgumentException(String.format("Cannot write U+%04X in RDF/XML : "
                + "XML 1.0 does not allow it (in \"%s\")", (int) c, s.length() > 60 ? s.substring(0, 60) + "…" : s));
          }
          sb.append(c);
        }
      }
    }
    return sb.toString();
  }
}

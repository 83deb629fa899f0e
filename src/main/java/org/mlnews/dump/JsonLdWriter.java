package org.mlnews.dump;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.XSD;

/**
 * JSON-LD: a {@code @context} that maps the fixed {@link Prefixes}, and a {@code @graph} of node
 * objects, one per subject in line order, properties as compact IRIs ({@code "dcterms:title"}), a
 * single value as it is and several as an array with one value per line, blank nodes as
 * {@code "_:label"} node references (no nesting). Literals keep their exact lexical form
 * ({@code {"@value": "12", "@type": "xsd:integer"}}); plain strings are JSON strings. Indented with
 * two spaces and {@code \n}, whatever the platform.
 */
final class JsonLdWriter implements SubjectWriter {
  private static final Node TYPE = RDF.type.asNode();
  private final JsonGenerator json;

  JsonLdWriter(Writer out) throws IOException {
    var indenter = new DefaultIndenter("  ", "\n");
    var pretty = new DefaultPrettyPrinter()
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
    this.json = new JsonFactory().createGenerator(out);
    this.json.setPrettyPrinter(pretty);
  }

  @Override
  public void start() throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("@context");
    for (var e : Prefixes.ALL.entrySet()) {
      json.writeStringField(e.getKey(), e.getValue());
    }
    json.writeEndObject();
    json.writeArrayFieldStart("@graph");
  }

  @Override
  public void subject(Node subject, List<Triple> triples) throws IOException {
    json.writeStartObject();
    json.writeStringField("@id", id(subject));
    var types = new ArrayList<String>();
    var rest = new ArrayList<Triple>();
    for (Triple t : triples) {
      if (t.getPredicate().equals(TYPE) && !t.getObject().isLiteral()) {
        types.add(quote(id(t.getObject())));
      } else {
        rest.add(t);
      }
    }
    if (!types.isEmpty()) {
      field("@type", types);
    }
    // In line order, each predicate's triples are adjacent.
    var values = new ArrayList<String>();
    for (int i = 0; i < rest.size(); i++) {
      values.add(value(rest.get(i).getObject()));
      Node p = rest.get(i).getPredicate();
      if (i == rest.size() - 1 || !rest.get(i + 1).getPredicate().equals(p)) {
        field(id(p), values);
        values = new ArrayList<>();
      }
    }
    json.writeEndObject();
  }

  /** One value as it is; several as an array, one per line. */
  private void field(String name, List<String> values) throws IOException {
    json.writeFieldName(name);
    if (values.size() == 1) {
      json.writeRawValue(values.get(0));
    } else {
      json.writeStartArray();
      for (String v : values) {
        json.writeRawValue(v);
      }
      json.writeEndArray();
    }
  }

  /** A value as compact JSON on one line: {@code {"@id": "..."}}, a string, or a value object. */
  private static String value(Node o) {
    if (o.isURI() || o.isBlank()) {
      return "{\"@id\": " + quote(id(o)) + "}";
    }
    String lang = o.getLiteralLanguage();
    String dt = o.getLiteralDatatypeURI();
    String lex = quote(o.getLiteralLexicalForm());
    if (lang != null && !lang.isEmpty()) {
      return "{\"@value\": " + lex + ", \"@language\": " + quote(lang) + "}";
    }
    if (XSD.xstring.getURI().equals(dt)) {
      return lex;
    }
    return "{\"@value\": " + lex + ", \"@type\": " + quote(Prefixes.prefixed(dt).orElse(dt)) + "}";
  }

  private static String quote(String s) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(s)) + "\"";
  }

  /** A compact IRI where a prefix fits, else the IRI; {@code _:label} for a blank node. */
  private static String id(Node n) {
    if (n.isBlank()) {
      return "_:" + n.getBlankNodeLabel();
    }
    return Prefixes.prefixed(n.getURI()).orElse(n.getURI());
  }

  @Override
  public void finish() throws IOException {
    json.writeEndArray();
    json.writeEndObject();
    json.flush();
  }
}

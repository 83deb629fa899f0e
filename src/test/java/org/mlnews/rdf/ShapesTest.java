package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.lib.ShLib;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SHACL shapes accept a hand-written graph of the mapping's form and catch broken ones. */
class ShapesTest {
  static Shapes shapes;

  @BeforeAll
  static void load() {
    shapes = Shapes.parse(RDFParser.source(Path.of("ontology/shapes.ttl")).toGraph());
  }

  static ValidationReport validate(String resource) {
    // As the validator sees a store: the data with the topic scheme its subjects point into.
    Graph data = RDFParser.source(Path.of("src/test/resources/shapes", resource)).toGraph();
    RDFParser.source(Path.of("ontology/topics.ttl")).parse(data);
    return ShaclValidator.get().validate(shapes, data);
  }

  @Test
  void validGraphConforms() {
    ValidationReport r = validate("valid.ttl");
    if (!r.conforms()) {
      ShLib.printReport(r);
    }
    assertTrue(r.conforms());
  }

  @Test
  void topicsFileConforms() {
    ValidationReport r = ShaclValidator.get().validate(shapes,
        RDFParser.source(Path.of("ontology/topics.ttl")).toGraph());
    if (!r.conforms()) {
      ShLib.printReport(r);
    }
    assertTrue(r.conforms());
  }

  @Test
  void brokenGraphHasExactlyTheExpectedViolations() {
    ValidationReport r = validate("broken.ttl");
    assertFalse(r.conforms());
    Set<String> got = new TreeSet<>();
    r.getEntries().forEach(e -> {
      assertFalse(e.message() == null || e.message().isBlank(), "violation without message: " + e);
      got.add(local(e.focusNode()) + " " + (e.resultPath() == null ? "-" : local(
          org.apache.jena.graph.NodeFactory.createURI(e.resultPath().toString().replaceAll("[<>]", "")))));
    });
    Set<String> expected = new TreeSet<>(Set.of(
        "2010.00554 arxivId",                       // "2010.554v2" is not an arXiv id
        "2010.00554 -",                             // nor the one its IRI names
        "1 sectionKind",                           // ml:newspapers is not a section kind
        "2 sourceLine",                            // "104" is a string
        "2 headline",                              // entry without headline
        "2020-W41 weekNumber",                     // 61 > 54
        "akiras-ml-news-week41-2020-ff1938c74adf language", // two languages
        "akiras-ml-news-week41-2020-ff1938c74adf contentHash", // on the graph IRI: not sha-256 hex
        "1 warningCode",                           // not a lower-case hyphenated token
        "2020-10 startDate",                       // starts after it ends
        "2 subject",                               // not a topic concept
        "1 subject",                               // topic:NoSuchTopic: no concept of the scheme
        "1 -",                                     // a German headline in a zh/en issue
        "akiras-ml-news-week41-2020-ff1938c74adf -", // ml:period W48, but ml:week W41
        "2020-W41 -"));                            // its IRI says week 41, its number 61
    assertEquals(expected, got);
  }

  /** The last path segment (or fragment) of an IRI, for readable assertions. */
  static String local(Node n) {
    String s = n.isURI() ? n.getURI() : n.toString();
    return s.substring(Math.max(s.lastIndexOf('/'), s.lastIndexOf('#')) + 1);
  }
}

package org.mlnews.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Every format round-trips awkward data: escapes, datatypes, blank node shapes, several graphs. */
class WritersTest {
  static final String TRIG = """
      @prefix ex: <https://example.org/> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
      @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      @prefix ml: <https://mlnews.example.org/ontology#> .
      ex:g1 {
        ex:s a ml:Issue , ex:Thing ;
          rdfs:label "quote \\" backslash \\\\ newline \\n cr \\r tab \\t"@en , "漢字 😀"@zh , "plain" ;
          ex:int 7 , "007"^^xsd:integer , -3 ; ex:dec .5 , 1.50 ; ex:bool true , "1"^^xsd:boolean ;
          ex:date "2020-10-04"^^xsd:date ; ex:dbl 1.0e3 ;
          ex:list ( ex:a "b" ( ex:c ) [ ex:p 1 ] ) ; ex:empty () ;
          ex:nested [ ex:q [ ex:r "deep" ] ; ex:q2 ex:x ] ;
          ex:shared _:shared ; ex:shared2 _:shared ;
          ex:cycle _:c1 ;
          <https://example.org/weird#local.name> "dotted" ;
          ex:iri <https://example.org/a%20b?x=1&y=2#frag> .
        _:shared ex:v 1 .
        _:c1 ex:next _:c2 . _:c2 ex:next _:c1 .
        _:loop ex:self _:loop .
        _:lone ex:only "x" .
      }
      ex:g2 {
        ex:s rdfs:label "plain" .
        ex:t ex:u [ ex:v 2 ] .
      }
      """;

  static DatasetGraph dataset() {
    return RDFParser.fromString(TRIG, Lang.TRIG).toDatasetGraph();
  }

  static String write(DatasetGraph dsg, DumpFormat f, int runLines) {
    var out = new ByteArrayOutputStream();
    Dumper.write(dsg, f, out, runLines);
    return out.toString(StandardCharsets.UTF_8);
  }

  static Graph union(DatasetGraph dsg) {
    Graph u = GraphFactory.createDefaultGraph();
    dsg.listGraphNodes().forEachRemaining(g -> dsg.getGraph(g).find().forEach(u::add));
    return u;
  }

  @ParameterizedTest
  @EnumSource(DumpFormat.class)
  void roundTrips(DumpFormat f) {
    DatasetGraph dsg = dataset();
    String text = write(dsg, f, 1000);
    if (f.quads()) {
      DatasetGraph back = RDFParser.fromString(text, f.lang()).toDatasetGraph();
      dsg.listGraphNodes().forEachRemaining(g -> assertIsomorphic(dsg.getGraph(g), back.getGraph(g), text));
      assertEquals(2, back.size(), text);
    } else {
      assertIsomorphic(union(dsg), RDFParser.fromString(text, f.lang()).toGraph(), text);
    }
  }

  @ParameterizedTest
  @EnumSource(DumpFormat.class)
  void sameDataSameBytesWhateverTheRunSize(DumpFormat f) {
    String once = write(dataset(), f, 1000);
    assertEquals(once, write(dataset(), f, 1000), "a second parse (new blank node labels) writes the same");
    assertEquals(once, write(dataset(), f, 3), "spilled sort runs write the same");
  }

  @Test
  void turtleNestsWhatItCan() {
    String ttl = write(dataset(), DumpFormat.TURTLE, 1000);
    assertTrue(ttl.contains("<https://example.org/list> ( <https://example.org/a> \"b\" ( <https://example.org/c> ) "
        + "[ <https://example.org/p> 1 ] ) ;\n"), ttl);
    assertTrue(ttl.contains("<https://example.org/empty> rdf:nil ;\n"), ttl);
    assertTrue(ttl.contains("\n<https://example.org/s>\n    a\n        <https://example.org/Thing> ,\n        ml:Issue ;\n"), ttl);
    assertTrue(ttl.contains("\n        -3 ,\n        007 ,\n        7 ;\n"), ttl);
    // Referred to twice: a label, not nested.
    assertTrue(ttl.contains("<https://example.org/shared> _:b"), ttl);
    // A cycle of blank nodes: one goes to the top, the other nests in it.
    assertTrue(ttl.contains("    <https://example.org/next> [ <https://example.org/next> _:b"), ttl);
  }

  @Test
  void rdfXmlRefusesWhatXmlCannotHold() {
    DatasetGraph dsg = RDFParser.fromString("<https://example.org/g> { <https://example.org/s> <https://example.org/p> \"bell \\u0007\" }",
        Lang.TRIG).toDatasetGraph();
    var e = assertThrows(IllegalArgumentException.class, () -> write(dsg, DumpFormat.RDFXML, 10));
    assertTrue(e.getMessage().startsWith("Cannot write U+0007 in RDF/XML"), e.getMessage());
    // The other formats carry it.
    assertTrue(write(dsg, DumpFormat.NTRIPLES, 10).contains("\\u0007"));
  }

  @Test
  void aSingleGraphInATripleFormat() {
    Graph g = union(dataset());
    var out = new ByteArrayOutputStream();
    Dumper.write(g, DumpFormat.TURTLE, out);
    assertIsomorphic(g, RDFParser.fromString(out.toString(StandardCharsets.UTF_8), Lang.TURTLE).toGraph(), out.toString());
    assertThrows(IllegalArgumentException.class, () -> Dumper.write(g, DumpFormat.NQUADS, new ByteArrayOutputStream()));
  }

  static void assertIsomorphic(Graph expected, Graph actual, String text) {
    if (!expected.isIsomorphicWith(actual)) {
      var e = new ByteArrayOutputStream();
      RDFDataMgr.write(e, expected, Lang.NTRIPLES);
      var a = new ByteArrayOutputStream();
      RDFDataMgr.write(a, actual, Lang.NTRIPLES);
      throw new AssertionError("not isomorphic\nexpected:\n" + e + "\nactual:\n" + a + "\nwritten:\n" + text);
    }
  }

  static Node uri(String s) {
    return org.apache.jena.graph.NodeFactory.createURI(s);
  }
}

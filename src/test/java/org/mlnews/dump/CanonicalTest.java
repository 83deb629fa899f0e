package org.mlnews.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

class CanonicalTest {
  static final String ONTOLOGY_LIKE = """
      @prefix ex: <https://example.org/> .
      @prefix owl: <http://www.w3.org/2002/07/owl#> .
      ex:a ex:domain [ a owl:Class ; owl:unionOf ( ex:X ex:Y ) ] .
      ex:b ex:domain [ a owl:Class ; owl:unionOf ( ex:X ex:Y ) ] .
      ex:c ex:twins [ ex:v 1 ] , [ ex:v 1 ] .
      """;

  static Graph parse(String turtle) {
    return RDFParser.fromString(turtle, Lang.TURTLE).toGraph();
  }

  static List<String> lines(Graph g, String salt) {
    return Canonical.rows(g.find(), salt).stream().map(Canonical.Row::line).toList();
  }

  @Test
  void theSameGraphParsedTwiceGetsTheSameLines() {
    // Each parse makes up new blank node labels.
    assertEquals(lines(parse(ONTOLOGY_LIKE), "g"), lines(parse(ONTOLOGY_LIKE), "g"));
  }

  @Test
  void alikeBlankNodesInDifferentPlacesStayDistinct() {
    Graph g = parse(ONTOLOGY_LIKE);
    var rows = Canonical.rows(g.find(), "g");
    assertEquals(g.size(), rows.size(), "no two blank nodes merged");
    Graph back = parse(String.join("\n", lines(g, "g")));
    assertTrue(g.isIsomorphicWith(back));
    String a = rows.stream().filter(r -> r.line().startsWith("<https://example.org/a>")).findFirst().orElseThrow().line();
    String b = rows.stream().filter(r -> r.line().startsWith("<https://example.org/b>")).findFirst().orElseThrow().line();
    assertNotEquals(a.substring(a.indexOf("_:")), b.substring(b.indexOf("_:")));
  }

  @Test
  void theSaltSeparatesGraphs() {
    Graph g = parse(ONTOLOGY_LIKE);
    assertNotEquals(lines(g, "graph1"), lines(g, "graph2"));
  }

  @Test
  void linesAreSortedAndDistinct() {
    List<String> lines = lines(parse(ONTOLOGY_LIKE), "");
    var sorted = new java.util.ArrayList<>(lines);
    sorted.sort(Terms.CODE_POINT_ORDER);
    assertEquals(sorted, lines);
    assertEquals(lines.size(), new java.util.HashSet<>(lines).size());
  }
}

package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every Turtle file under {@code ontology/} parses strictly (a syntax error fails the build, not a deploy). */
class OntologyFilesTest {
  static Stream<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("ontology"))) {
      List<Path> l = s.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
      assertTrue(l.size() >= 1, "no ontology/*.ttl found");
      return l.stream();
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void parses(Path file) {
    Graph g = RDFParser.source(file).strict(true).toGraph();
    assertFalse(g.isEmpty(), file + " is empty");
  }
}

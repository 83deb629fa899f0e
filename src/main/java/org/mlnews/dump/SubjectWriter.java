package org.mlnews.dump;

import java.io.IOException;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;

/**
 * A writer of one of the subject-grouped formats (Turtle, JSON-LD, RDF/XML): it is given the
 * triples subject by subject, in line order, and writes each group as it comes, so it holds no
 * more than one subject's triples (and the blank nodes that nest, see {@link Nesting}).
 */
interface SubjectWriter {
  void start() throws IOException;

  /** All triples of {@code subject}, sorted by line. */
  void subject(Node subject, List<Triple> triples) throws IOException;

  void finish() throws IOException;
}

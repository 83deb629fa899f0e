package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.SectionKind;

/**
 * Keeps {@link Vocab} and {@code ontology/mlnews.ttl} in step: the mapping may only use ml: terms
 * the ontology declares, and the ontology declares nothing nobody uses without saying who uses it
 * (a {@code vann:usageNote}).
 */
class VocabTest {
  static final Path ONTOLOGY = Path.of("ontology/mlnews.ttl");
  static final Node USAGE_NOTE = NodeFactory.createURI("http://purl.org/vocab/vann/usageNote");
  static Graph graph;

  @BeforeAll
  static void load() {
    graph = RDFParser.source(ONTOLOGY).toGraph();
  }

  /** Every ml: Node constant of Vocab, by field name, plus the section-kind individuals. */
  static TreeMap<String, Node> vocabTerms() throws IllegalAccessException {
    var terms = new TreeMap<String, Node>();
    for (Field f : Vocab.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == Node.class) {
        Node n = (Node) f.get(null);
        if (n.isURI() && n.getURI().startsWith(Vocab.ML)) {
          terms.put(f.getName(), n);
        }
      }
    }
    for (SectionKind k : SectionKind.values()) {
      terms.put("sectionKind(" + k + ")", Vocab.sectionKind(k));
    }
    return terms;
  }

  @Test
  void vocabHasTermsToCheck() throws Exception {
    // Guards against the reflection silently finding nothing (e.g. fields made private).
    assertTrue(vocabTerms().size() > 40, "found only " + vocabTerms().size() + " ml: terms in Vocab");
  }

  @Test
  void everyVocabTermIsDeclaredWithTypeLabelAndComment() throws Exception {
    List<String> missing = new ArrayList<>();
    vocabTerms().forEach((name, node) -> {
      if (!graph.contains(node, Vocab.RDF_TYPE, Node.ANY)) {
        missing.add(name + " <" + node.getURI() + ">: no rdf:type");
      }
      if (!hasLang(node, Vocab.RDFS_LABEL, "en")) {
        missing.add(name + " <" + node.getURI() + ">: no rdfs:label@en");
      }
      if (!graph.contains(node, Vocab.RDFS_COMMENT, Node.ANY)) {
        missing.add(name + " <" + node.getURI() + ">: no rdfs:comment");
      }
    });
    assertEquals(List.of(), missing);
  }

  @Test
  void sectionKindsAreIndividualsOfSectionKind() {
    for (SectionKind k : SectionKind.values()) {
      assertTrue(graph.contains(Vocab.sectionKind(k), Vocab.RDF_TYPE, Vocab.SECTION_KIND),
          k + " is not typed ml:SectionKind");
      assertTrue(hasLang(Vocab.sectionKind(k), Vocab.RDFS_LABEL, "zh"), k + " has no Chinese label");
    }
  }

  @Test
  void everyDeclaredTermIsUsedByVocabOrDocumented() throws Exception {
    Set<Node> used = new java.util.HashSet<>(vocabTerms().values());
    Set<String> undocumented = new TreeSet<>();
    graph.find(Node.ANY, Vocab.RDF_TYPE, Node.ANY).forEachRemaining((Triple t) -> {
      Node s = t.getSubject();
      if (s.isURI() && s.getURI().startsWith(Vocab.ML) && !used.contains(s)
          && !graph.contains(s, USAGE_NOTE, Node.ANY)) {
        undocumented.add(s.getURI());
      }
    });
    assertEquals(Set.of(), undocumented,
        "declared in the ontology but neither in Vocab nor carrying a vann:usageNote");
  }

  @Test
  void everyMlTermMentionedIsDeclared() {
    // A typo in the ontology (ml:inSecton as a domain, say) would otherwise go unnoticed.
    Set<String> undeclared = new TreeSet<>();
    graph.find().forEachRemaining(t -> {
      for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
        if (n.isURI() && n.getURI().startsWith(Vocab.ML)
            && !graph.contains(n, Vocab.RDF_TYPE, Node.ANY)) {
          undeclared.add(n.getURI());
        }
      }
    });
    assertEquals(Set.of(), undeclared);
  }

  static boolean hasLang(Node s, Node p, String lang) {
    return graph.find(s, p, Node.ANY).toList().stream()
        .anyMatch(t -> t.getObject().isLiteral() && lang.equals(t.getObject().getLiteralLanguage()));
  }
}

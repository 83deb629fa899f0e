package org.mlnews.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

class TopicSchemeTest {
  static final Path FILE = Path.of("ontology/topics.ttl");
  static final TopicScheme SCHEME = TopicScheme.load(FILE);
  static final String SKOS = "http://www.w3.org/2004/02/skos/core#";

  @Test
  void hasEnoughConceptsWithBothLanguages() {
    assertTrue(SCHEME.topics().size() >= 40, "only " + SCHEME.topics().size() + " topics");
    for (Topic t : SCHEME.topics()) {
      assertTrue(t.prefLabels().containsKey("en"), t.key() + " lacks an English prefLabel");
      assertTrue(t.prefLabels().containsKey("zh"), t.key() + " lacks a Chinese prefLabel");
      assertEquals("https://mlnews.example.org/topic/" + t.key(), t.iri(), "key and IRI disagree");
    }
  }

  @Test
  void requiredConceptsAndHierarchy() {
    for (String k : List.of("GAN", "StyleGAN", "BigGAN", "VAE", "DiffusionModel", "PCA",
        "DimensionalityReduction", "GenerativeModel", "Transformer", "VisionTransformer",
        "SelfSupervisedLearning", "ContrastiveLearning", "ReinforcementLearning", "ObjectDetection",
        "GPT3", "BERT", "NeRF", "Deepfake", "AdversarialAttack", "Explainability", "Fairness",
        "AnomalyDetection", "DataAugmentation", "Pruning", "ModelCompression",
        "KnowledgeDistillation", "NormalizingFlow", "GraphNeuralNetwork", "MLPMixer",
        "SpeechRecognition", "Covid19")) {
      assertTrue(SCHEME.topic(k).isPresent(), "missing " + k);
    }
    assertEquals(Set.of("GAN", "StyleGAN", "BigGAN"), SCHEME.narrowerOrSelf("GAN"));
    assertTrue(SCHEME.narrowerOrSelf("GenerativeModel").containsAll(
        Set.of("GAN", "BigGAN", "StyleGAN", "VAE", "DiffusionModel", "NormalizingFlow")));
    assertEquals(Set.of("DimensionalityReduction", "PCA"), SCHEME.narrowerOrSelf("DimensionalityReduction"));
    assertEquals(List.of("GAN"), SCHEME.topic("BigGAN").orElseThrow().broader());
    assertThrows(IllegalArgumentException.class, () -> SCHEME.narrowerOrSelf("NoSuchTopic"));
  }

  @Test
  void resolveByKeyPrefOrAltLabelInEitherLanguage() {
    assertEquals(Optional.of("GAN"), SCHEME.resolve("gan").map(Topic::key));
    assertEquals(Optional.of("GAN"), SCHEME.resolve("Generative Adversarial Network").map(Topic::key));
    assertEquals(Optional.of("GAN"), SCHEME.resolve("生成对抗网络").map(Topic::key));
    assertEquals(Optional.of("GAN"), SCHEME.resolve("甘斯").map(Topic::key));
    assertEquals(Optional.of("BigGAN"), SCHEME.resolve("比根").map(Topic::key));
    assertEquals(Optional.of("Transformer"), SCHEME.resolve("变形金刚").map(Topic::key));
    assertEquals(Optional.of("GPT3"), SCHEME.resolve("GPT 3").map(Topic::key));
    // The translation's errors are hidden labels: never shown as names, still found.
    assertEquals(Optional.of("VisionTransformer"), SCHEME.resolve("视觉变压器").map(Topic::key));
    assertTrue(SCHEME.topic("GAN").orElseThrow().hiddenLabels().contains("氮化镓"));
    assertFalse(SCHEME.topic("GAN").orElseThrow().altLabels().contains("氮化镓"));
    assertEquals(Optional.empty(), SCHEME.resolve("organ"));
    assertEquals(Optional.empty(), SCHEME.resolve(" "));
  }

  @Test
  void fileIsConsistentSkos() {
    // The loader tolerates one-sided links; the shipped file should still state both sides.
    Graph g = RDFParser.source(FILE).toGraph();
    Node broader = NodeFactory.createURI(SKOS + "broader");
    Node narrower = NodeFactory.createURI(SKOS + "narrower");
    Node top = NodeFactory.createURI(SKOS + "topConceptOf");
    Node hasTop = NodeFactory.createURI(SKOS + "hasTopConcept");
    Node scheme = NodeFactory.createURI("https://mlnews.example.org/topic/");
    List<String> problems = new ArrayList<>();
    g.find(Node.ANY, broader, Node.ANY).forEachRemaining(t -> {
      if (!g.contains(t.getObject(), narrower, t.getSubject())) {
        problems.add(t.getObject() + " lacks skos:narrower " + t.getSubject());
      }
    });
    g.find(Node.ANY, narrower, Node.ANY).forEachRemaining(t -> {
      if (!g.contains(t.getObject(), broader, t.getSubject())) {
        problems.add(t.getObject() + " lacks skos:broader " + t.getSubject());
      }
    });
    for (Topic t : SCHEME.topics()) {
      Node c = NodeFactory.createURI(t.iri());
      boolean isTop = t.broader().isEmpty();
      if (isTop != g.contains(c, top, scheme) || isTop != g.contains(scheme, hasTop, c)) {
        problems.add(t.key() + ": top-concept statements disagree with its broader links");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void noLabelIsSharedByTwoTopics() {
    // A shared label would make resolve() and the tagger ambiguous.
    var seen = new java.util.HashMap<String, String>();
    List<String> clashes = new ArrayList<>();
    for (Topic t : SCHEME.topics()) {
      var labels = new ArrayList<>(t.prefLabels().values());
      labels.addAll(t.altLabels());
      labels.addAll(t.hiddenLabels());
      labels.add(t.key());
      for (String l : new java.util.HashSet<>(labels.stream().map(TopicScheme::compact).toList())) {
        String other = seen.putIfAbsent(l, t.key());
        if (other != null && !other.equals(t.key())) {
          clashes.add(l + ": " + other + " / " + t.key());
        }
      }
    }
    assertEquals(List.of(), clashes);
    assertFalse(SCHEME.topics().isEmpty());
  }
}

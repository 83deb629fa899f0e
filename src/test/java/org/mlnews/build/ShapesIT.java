package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.lib.ShLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;

/** What the mapping produces from real issues conforms to {@code ontology/shapes.ttl}. */
class ShapesIT {
  @TempDir Path tmp;

  static final Shapes SHAPES = Shapes.parse(RDFParser.source("ontology/shapes.ttl").toGraph());

  /** Builds {@code dataDir} and validates the issue graphs together with the topics. */
  void assertConforms(Path dataDir) {
    var iris = new Iris(Iris.DEFAULT_BASE);
    try (Store store = Store.open(tmp.resolve("store"))) {
      var report = new Builder(dataDir, Path.of("ontology"), iris).build(store);
      assertTrue(report.ok(), report.failed().toString());
      Graph data = store.read(() -> {
        Graph g = GraphFactory.createDefaultGraph();
        for (var name : store.graphNames(iris.issueGraphPrefix())) {
          store.datasetGraph().getGraph(name).find().forEachRemaining(g::add);
        }
        store.datasetGraph().getGraph(iris.topicsGraph()).find().forEachRemaining(g::add);
        return g;
      });
      var result = ShaclValidator.get().validate(SHAPES, data);
      if (!result.conforms()) {
        var out = new ByteArrayOutputStream();
        ShLib.printReport(out, result);
        throw new AssertionError(result.getEntries().size() + " violations:\n" + out);
      }
    }
  }

  @Test
  void bundledIssuesConform() {
    assertConforms(Path.of("data"));
  }

  @Test
  void wholeCorpusConforms() throws Exception {
    Path corpus = Path.of(System.getProperty("mlnews.corpus", "../shared/corpus/zh"));
    Assumptions.assumeTrue(Files.isDirectory(corpus), "corpus not present: " + corpus);
    Path data = Files.createDirectories(tmp.resolve("data"));
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        Files.copy(f, data.resolve(f.getFileName()));
      }
    }
    Files.copy(Path.of("data/akiras-ml-news-week41-2020-ff1938c74adf.md"), data.resolve("akiras-ml-news-week41-2020-ff1938c74adf.md"));
    assertConforms(data);
  }
}

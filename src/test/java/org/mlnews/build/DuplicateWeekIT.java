package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.issue.Warning;
import org.mlnews.rdf.Vocab;

/**
 * Two files claiming the same week: both load, each with a duplicate-week warning naming the
 * other; the warning follows the other file as it comes and goes, and the build stays incremental.
 */
class DuplicateWeekIT {
  static final String W41 = BuilderIT.W41;
  static final String COPY = "copy-of-week41";

  @TempDir Path tmp;
  Path data;
  Path store;

  @BeforeEach
  void setUp() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    for (String slug : List.of(BuilderIT.W41, BuilderIT.W48)) {
      Files.copy(Path.of("data", slug + ".md"), data.resolve(slug + ".md"));
    }
    store = tmp.resolve("store");
  }

  BuildReport build() {
    try (var s = org.mlnews.store.Store.open(store)) {
      return new Builder(data, Path.of("ontology"), BuilderIT.IRIS).build(s);
    }
  }

  static List<String> duplicateWarnings(Graph g) {
    return g.find(Node.ANY, Vocab.WARNING_CODE, NodeFactory.createLiteralString("duplicate-week")).toList().stream()
        .map(t -> g.find(t.getSubject(), Vocab.RDFS_COMMENT, Node.ANY).next().getObject().getLiteralLexicalForm())
        .toList();
  }

  @Test
  void bothLoadEachNamingTheOther() throws Exception {
    build();
    Files.copy(data.resolve(W41 + ".md"), data.resolve(COPY + ".md"));
    BuildReport r = build();
    assertTrue(r.ok(), "warnings only: the build succeeds");
    assertEquals(List.of(COPY), r.added());
    assertEquals(List.of(W41), r.updated(), "the unchanged file gets the warning too");
    assertEquals(3, r.issues());
    List<Warning> copyWarnings = r.warnings().get(COPY).stream().filter(w -> w.code().equals("duplicate-week")).toList();
    assertEquals(List.of(new Warning("duplicate-week", "Week 41 of 2020 is also claimed by "
        + W41 + ".md" + "; both are loaded.", 1)), copyWarnings, "at the title's line");
    assertEquals(List.of("Week 41 of 2020 is also claimed by " + COPY + ".md" + "; both are loaded."),
        duplicateWarnings(BuilderIT.graph(store, W41)));
    assertEquals(List.of("Week 41 of 2020 is also claimed by " + W41 + ".md" + "; both are loaded."),
        duplicateWarnings(BuilderIT.graph(store, COPY)));
    assertTrue(duplicateWarnings(BuilderIT.graph(store, BuilderIT.W48)).isEmpty());

    BuildReport again = build();
    assertEquals(List.of(COPY, W41, BuilderIT.W48).stream().sorted().toList(), again.unchanged(),
        "idempotent: nothing to do the second time");

    Files.delete(data.resolve(COPY + ".md"));
    BuildReport gone = build();
    assertEquals(List.of(COPY), gone.removed());
    assertEquals(List.of(W41), gone.updated(), "its warning goes with the other file");
    assertTrue(duplicateWarnings(BuilderIT.graph(store, W41)).isEmpty());
  }

  @Test
  void threeClaimsAndTheCommandLineExitsZero() throws Exception {
    Files.copy(data.resolve(W41 + ".md"), data.resolve("a-" + COPY + ".md"));
    Files.copy(data.resolve(W41 + ".md"), data.resolve("b-" + COPY + ".md"));
    var out = new java.io.StringWriter();
    var err = new java.io.StringWriter();
    int code = org.mlnews.cli.Cli.commandLine(new java.io.PrintWriter(out), new java.io.PrintWriter(err)).execute(
        "build", "-v", "--data", data.toString(), "--store", store.toString());
    assertEquals(0, code, err.toString());
    assertTrue(out.toString().contains("[duplicate-week] Week 41 of 2020 is also claimed by "
        + W41 + ".md" + ", " + "b-" + COPY + ".md" + "; all 3 are loaded."), out.toString());
    assertTrue(out.toString().contains("4 issues in store (4 added"), out.toString());
  }
}

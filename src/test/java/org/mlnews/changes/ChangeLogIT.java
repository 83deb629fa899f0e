package org.mlnews.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.build.BuildReport;
import org.mlnews.build.Builder;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/** Each build that changes the store records exactly what it added and removed as an RDF Patch. */
class ChangeLogIT {
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";
  static final String W48 = "akiras-ml-news-week48-2020-150accbf126e";
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  @TempDir Path tmp;
  Path data;
  Path storeDir;

  @BeforeEach
  void copyData() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    for (String slug : List.of(W41, W48)) {
      Files.copy(Path.of("data", slug + ".md"), data.resolve(slug + ".md"));
    }
    storeDir = tmp.resolve("store");
  }

  BuildReport build(String time) {
    try (Store store = Store.open(storeDir)) {
      return new Builder(data, Path.of("ontology"), IRIS,
          Clock.fixed(Instant.parse(time), ZoneOffset.UTC)).build(store);
    }
  }

  /** The quads a patch adds ("A") or deletes ("D"). */
  static List<Quad> quads(org.apache.jena.rdfpatch.RDFPatch patch, boolean adds) {
    var quads = new ArrayList<Quad>();
    patch.apply(new RDFChangesBase() {
      @Override
      public void add(Node g, Node s, Node p, Node o) {
        if (adds) {
          quads.add(Quad.create(g, s, p, o));
        }
      }

      @Override
      public void delete(Node g, Node s, Node p, Node o) {
        if (!adds) {
          quads.add(Quad.create(g, s, p, o));
        }
      }
    });
    return quads;
  }

  void editW41() throws Exception {
    Path f = data.resolve(W41 + ".md");
    Files.writeString(f, Files.readString(f).replace("# 可怕的人工智能", "# 可怕的人工智能（修订）"));
  }

  @Test
  void firstBuildRecordsEverythingItAdded() {
    BuildReport r = build("2020-12-05T00:00:00Z");
    var log = ChangeLog.of(storeDir);
    assertEquals(1, log.entries().size());
    var e = log.entries().get(0);
    assertEquals(1, e.build());
    assertEquals(Instant.parse("2020-12-05T00:00:00Z"), e.time());
    assertEquals(0, e.removed());
    assertTrue(e.graphs().contains(IRIS.issueGraph(W41).getURI()), e.graphs().toString());
    assertTrue(e.graphs().contains(IRIS.ontologyGraph().getURI()), e.graphs().toString());
    assertTrue(Files.exists(log.patchFile(1)));
    assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("change set 1: +")), r.notes().toString());
    // The patch holds every quad of the store, once.
    try (Store store = Store.open(storeDir)) {
      long quads = store.read(() -> (long) store.datasetGraph().stream().count());
      assertEquals(quads, e.added());
      assertEquals(quads, quads(log.readPatch(1), true).size());
    }
  }

  @Test
  void aBuildThatChangesNothingRecordsNothing() {
    build("2020-12-05T00:00:00Z");
    build("2020-12-06T00:00:00Z");
    assertEquals(1, ChangeLog.of(storeDir).entries().size());
  }

  @Test
  void editingOneIssueRecordsOnlyThatIssuesTriples() throws Exception {
    build("2020-12-05T00:00:00Z");
    editW41();
    build("2020-12-12T00:00:00Z");
    var log = ChangeLog.of(storeDir);
    var e = log.entry(2).orElseThrow();
    assertEquals(List.of(IRIS.issueGraph(W41).getURI()), e.graphs());
    var patch = log.readPatch(2);
    List<Quad> added = quads(patch, true);
    List<Quad> deleted = quads(patch, false);
    assertEquals(e.added(), added.size());
    assertEquals(e.removed(), deleted.size());
    Node g = IRIS.issueGraph(W41);
    assertTrue(added.stream().allMatch(q -> q.getGraph().equals(g)), added.toString());
    assertTrue(deleted.stream().allMatch(q -> q.getGraph().equals(g)), deleted.toString());
    // The new headline in, the old one out, the build time and source hash replaced; nothing else.
    assertTrue(added.stream().anyMatch(q -> q.getPredicate().equals(Vocab.HEADLINE)
        && q.getObject().getLiteralLexicalForm().equals("可怕的人工智能（修订）")), added.toString());
    assertTrue(deleted.stream().anyMatch(q -> q.getPredicate().equals(Vocab.HEADLINE)
        && q.getObject().getLiteralLexicalForm().equals("可怕的人工智能")), deleted.toString());
    assertTrue(added.stream().anyMatch(q -> q.getPredicate().equals(Vocab.PROV_GENERATED_AT_TIME)));
    assertTrue(added.size() <= 5 && deleted.size() <= 5, "a small patch: +" + added + "\n-" + deleted);
    assertEquals(patch.getPrevious(), log.readPatch(1).getId(), "patch 2 names patch 1 as its previous");
  }

  @Test
  void removingAFileRecordsItsTriplesAsRemoved() throws Exception {
    build("2020-12-05T00:00:00Z");
    long w48;
    try (Store store = Store.open(storeDir)) {
      w48 = store.read(() -> store.datasetGraph().getGraph(IRIS.issueGraph(W48)).size());
    }
    Files.delete(data.resolve(W48 + ".md"));
    build("2020-12-12T00:00:00Z");
    var e = ChangeLog.of(storeDir).entry(2).orElseThrow();
    // Its year's trend statistics are counted again without it.
    assertEquals(List.of(IRIS.issueGraph(W48).getURI(), IRIS.trendGraph(2020).getURI()), e.graphs());
    try (Store store = Store.open(storeDir)) {
      assertEquals(0, store.read(() -> store.datasetGraph().getGraph(IRIS.issueGraph(W48)).size()));
    }
    var patch = Files.readAllLines(ChangeLog.of(storeDir).patchFile(2));
    assertEquals(w48, patch.stream().filter(l -> l.startsWith("D ") && l.endsWith(
        "<" + IRIS.issueGraph(W48).getURI() + "> .")).count());
    assertTrue(patch.stream().filter(l -> l.startsWith("A ")).allMatch(l -> l.endsWith(
        "<" + IRIS.trendGraph(2020).getURI() + "> .")), "only the year's new figures are added");
  }

  @Test
  void replayingTheChangeSetsRebuildsTheStore() throws Exception {
    build("2020-12-05T00:00:00Z");
    editW41();
    build("2020-12-12T00:00:00Z");
    Files.delete(data.resolve(W48 + ".md"));
    build("2020-12-19T00:00:00Z");
    var log = ChangeLog.of(storeDir);
    assertEquals(3, log.entries().size());
    DatasetGraph replay = DatasetGraphFactory.createTxnMem();
    for (var e : log.entries()) {
      RDFPatchOps.applyChange(replay, log.readPatch(e.build()));
    }
    // "since 1" as one patch, applied to the state after build 1, also gives the latest state.
    DatasetGraph fromOne = DatasetGraphFactory.createTxnMem();
    RDFPatchOps.applyChange(fromOne, log.readPatch(1));
    var out = new ByteArrayOutputStream();
    log.writeSince(1, out);
    var since = RDFPatchOps.read(new java.io.ByteArrayInputStream(out.toByteArray()));
    RDFPatchOps.applyChange(fromOne, since);
    String text = out.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("H prev"), text.lines().limit(5).toList().toString());
    try (Store store = Store.open(storeDir)) {
      store.read(() -> {
        var names = new java.util.TreeSet<String>();
        store.datasetGraph().listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
        for (String n : names) {
          Node g = org.apache.jena.graph.NodeFactory.createURI(n);
          var expected = store.datasetGraph().getGraph(g);
          assertTrue(expected.isIsomorphicWith(replay.getGraph(g)), "replayed graph " + n);
          assertTrue(expected.isIsomorphicWith(fromOne.getGraph(g)), "since-1 graph " + n);
        }
        assertTrue(replay.getGraph(IRIS.issueGraph(W48)).isEmpty());
        return null;
      });
    }
  }

  @Test
  void sinceTheLatestBuildIsEmptyAndBeyondItIsAnError() {
    build("2020-12-05T00:00:00Z");
    var log = ChangeLog.of(storeDir);
    var out = new ByteArrayOutputStream();
    log.writeSince(1, out);
    var patch = RDFPatchOps.read(new java.io.ByteArrayInputStream(out.toByteArray()));
    assertTrue(quads(patch, true).isEmpty() && quads(patch, false).isEmpty());
    var e = assertThrows(IllegalArgumentException.class, () -> log.writeSince(2, new ByteArrayOutputStream()));
    assertEquals("Illegal build=2 : the change sets run from 0 to 1", e.getMessage());
    assertFalse(log.entry(2).isPresent());
  }

  /**
   * A build killed between its commit and its change set leaves the change set pending; the next
   * build's recovery decides from the store whether that build committed. Simulated here step by
   * step: the changes are prepared, then applied (or not), and the "process" stops there.
   */
  @Test
  void aChangeSetLeftPendingIsRecordedIfItsBuildCommittedAndDroppedIfNot() throws Exception {
    build("2020-12-05T00:00:00Z");
    var log = ChangeLog.of(storeDir);
    Node graph = IRIS.issueGraph(W41);
    Node issue = IRIS.issue(W41);
    Instant time = Instant.parse("2020-12-06T00:00:00Z");
    try (Store store = Store.open(storeDir)) {
      DatasetGraph dsg = store.datasetGraph();
      Quad existing = store.read(() -> dsg.find(graph, issue, Node.ANY, Node.ANY).next());
      Quad note = Quad.create(graph, issue, Vocab.DC_DESCRIPTION,
          org.apache.jena.graph.NodeFactory.createLiteralString("pending"));
      var changes = new ChangeSet();
      changes.delete(existing.getGraph(), existing.getSubject(), existing.getPredicate(), existing.getObject());
      changes.add(note.getGraph(), note.getSubject(), note.getPredicate(), note.getObject());

      // Killed before the commit: the store holds none of it.
      log.prepare(changes, time);
      assertEquals(List.of("change set 2 belonged to a build that did not commit; dropped it"),
          log.recover(dsg));
      assertEquals(1, log.entries().size());

      // Killed after the commit.
      log.prepare(changes, time);
      store.write(() -> {
        dsg.delete(existing);
        dsg.add(note);
      });
      assertTrue(log.recover(dsg).get(0).contains("the store holds it, so it is recorded now"));
      var recorded = log.entry(2).orElseThrow();
      assertEquals(List.of(1L, 1L, List.of(graph.getURI())),
          List.of(recorded.added(), recorded.removed(), recorded.graphs()));
      assertEquals(time, recorded.time());
      assertEquals(List.of(note), quads(log.readPatch(2), true));
      assertEquals(List.of(existing), quads(log.readPatch(2), false));
      assertEquals(List.of(), log.recover(dsg), "nothing left to recover");

      // Killed after the patch was moved into place, before the index line.
      var back = new ChangeSet();
      back.delete(note.getGraph(), note.getSubject(), note.getPredicate(), note.getObject());
      back.add(existing.getGraph(), existing.getSubject(), existing.getPredicate(), existing.getObject());
      var pending = log.prepare(back, time.plusSeconds(60));
      store.write(() -> {
        dsg.delete(note);
        dsg.add(existing);
      });
      Files.move(storeDir.resolve("changes").resolve("000003.rdfp.pending"), log.patchFile(3));
      assertEquals(List.of("change set 3 was in place but not indexed; indexed it"), log.recover(dsg));
      assertEquals(pending.entry(), log.entry(3).orElseThrow());

      // Only part of it in the store: no build makes that, so it is set aside, and said so.
      var two = new ChangeSet();
      two.add(note.getGraph(), note.getSubject(), note.getPredicate(), note.getObject());
      Quad other = Quad.create(graph, issue, Vocab.DC_DESCRIPTION,
          org.apache.jena.graph.NodeFactory.createLiteralString("other"));
      two.add(other.getGraph(), other.getSubject(), other.getPredicate(), other.getObject());
      log.prepare(two, time);
      store.write(() -> dsg.add(note));
      assertTrue(log.recover(dsg).get(0).contains("only partly in the store (1 of 2 changes)"));
      assertTrue(Files.exists(storeDir.resolve("changes").resolve("000004.rdfp.unresolved")));
      assertEquals(3, log.entries().size());
      store.write(() -> dsg.delete(note));

      // Killed while writing the pending patch: only its temporary file is there, and it goes.
      Path folder = storeDir.resolve("changes");
      Files.writeString(folder.resolve("000004.rdfp.pending.tmp"), "H id <urn:uuid:1> .\nTX .\nA <a");
      assertEquals(List.of("change set 4 was cut off while being written, before its build's commit;"
          + " removed it"), log.recover(dsg));
      assertFalse(Files.exists(folder.resolve("000004.rdfp.pending.tmp")));
      // A pending file that is not a whole patch (none this log writes) is set aside, not fatal.
      Files.writeString(folder.resolve("000004.rdfp.pending"), "H id <urn:uuid:1> .\nTX .\nA <a");
      assertTrue(log.recover(dsg).get(0).startsWith("change set 4 cannot be read"));
      assertEquals(3, log.entries().size());
    }
    // The next build numbers its change set after the recovered ones.
    editW41();
    var report = build("2020-12-12T00:00:00Z");
    assertEquals(4, log.entries().size(), report.notes().toString());
  }
}

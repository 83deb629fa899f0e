package org.mlnews.changes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patch bodies: the same changes give the same bytes whether they come from a {@link ChangeSet}
 * (any order of adds) or from blocks built per graph, and the text is RDF Patch that Jena reads.
 */
class PatchBodyTest {
  static final Node G1 = NodeFactory.createURI("https://x.example/g1");
  static final Node G2 = NodeFactory.createURI("https://x.example/g2");
  static final Node P = NodeFactory.createURI("https://x.example/p");

  @TempDir Path tmp;

  static List<Triple> triples(String prefix, int n) {
    var out = new ArrayList<Triple>();
    for (int i = 0; i < n; i++) {
      // Lines that differ first in a supplementary character (a surrogate pair in UTF-16) or in
      // one above the surrogates: code-point order and UTF-16 order disagree on those.
      out.add(Triple.create(NodeFactory.createURI("https://x.example/" + prefix + (i % 5 == 1 ? "" : i)), P,
          i % 3 == 0 ? NodeFactory.createLiteralLang("摘要 \"" + i + "\"\n", "zh")
              : i % 5 == 1 ? NodeFactory.createLiteralString((i % 2 == 0 ? "\uD83D\uDE00" : "\uFF21") + i)
              : NodeFactory.createLiteralDT(Integer.toString(i), org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)));
    }
    return out;
  }

  @Test
  void aChangeSetAndBlocksPerGraphGiveTheSameBytesAndJenaReadsThem() throws Exception {
    var changes = new ChangeSet();
    var g1 = triples("a", 50);
    var g2 = triples("b", 30);
    // Added in a scrambled order, across graphs.
    for (int i = 49; i >= 0; i--) {
      changes.add(G1, g1.get(i).getSubject(), P, g1.get(i).getObject());
      if (i < 30) {
        changes.add(G2, g2.get(i).getSubject(), P, g2.get(i).getObject());
      }
    }
    changes.delete(G2, NodeFactory.createURI("https://x.example/old"), P, NodeFactory.createLiteralString("gone"));
    var fromSet = new ByteArrayOutputStream();
    changes.writePatch(fromSet, Map.of());

    var fromBlocks = new ByteArrayOutputStream();
    try (PatchBody body = PatchBody.to(fromBlocks)) {
      body.write(PatchBody.Block.of(G2, false, List.of(Triple.create(NodeFactory.createURI("https://x.example/old"), P,
          NodeFactory.createLiteralString("gone")))));
      var backwards = new ArrayList<>(g1);
      java.util.Collections.reverse(backwards);
      body.write(PatchBody.Block.of(G1, true, backwards));
      body.write(PatchBody.Block.of(G2, true, g2));
      body.finish();
      assertEquals(80, body.added());
      assertEquals(1, body.removed());
      assertEquals(List.of(G1.getURI(), G2.getURI()), body.graphs());
    }
    assertArrayEquals(fromSet.toByteArray(), fromBlocks.toByteArray());

    var collected = new RDFChangesCollector();
    RDFPatchOps.read(new ByteArrayInputStream(fromSet.toByteArray())).apply(collected);
    var counter = new int[2];
    collected.getRDFPatch().apply(new org.apache.jena.rdfpatch.changes.RDFChangesBase() {
      @Override
      public void add(Node g, Node s, Node p, Node o) {
        counter[0]++;
      }

      @Override
      public void delete(Node g, Node s, Node p, Node o) {
        counter[1]++;
      }
    });
    assertEquals(80, counter[0]);
    assertEquals(1, counter[1]);
  }

  @Test
  void aBlocksLinesAreInCodePointOrder() {
    var block = PatchBody.Block.of(G1, true, triples("a", 50));
    var lines = List.of(new String(block.text(), java.nio.charset.StandardCharsets.UTF_8).split("\n"));
    var sorted = new ArrayList<>(lines);
    sorted.sort(org.mlnews.dump.Terms.CODE_POINT_ORDER);
    assertEquals(sorted, lines);
    // The case where UTF-16 order would differ: a supplementary character above U+FF21.
    assertTrue(lines.stream().anyMatch(l -> l.contains("\uD83D\uDE00")));
    assertTrue(lines.indexOf(lines.stream().filter(l -> l.contains("\uFF21")).findFirst().orElseThrow())
        < lines.indexOf(lines.stream().filter(l -> l.contains("\uD83D\uDE00")).findFirst().orElseThrow()));
  }

  @Test
  void blocksOutOfOrderAreRefused() {
    try (PatchBody body = PatchBody.to(new ByteArrayOutputStream())) {
      body.write(PatchBody.Block.of(G2, true, triples("a", 1)));
      assertThrows(IllegalStateException.class, () -> body.write(PatchBody.Block.of(G1, true, triples("a", 1))));
      assertThrows(IllegalStateException.class, () -> body.write(PatchBody.Block.of(G2, false, triples("a", 1))));
    }
  }

  @Test
  void recordingTheSameChangesTwiceGivesTheSameFileAndTheBodyFileIsRemoved() throws Exception {
    var bytes = new ArrayList<byte[]>();
    for (String store : List.of("one", "two")) {
      var log = ChangeLog.of(tmp.resolve(store));
      try (PatchBody body = log.openBody(Instant.parse("2020-10-04T00:00:00Z"))) {
        body.write(PatchBody.Block.of(G1, true, triples("a", 10)));
        body.finish();
        var e = log.record(body);
        assertEquals(1, e.build());
        assertEquals(10, e.added());
      }
      bytes.add(Files.readAllBytes(log.patchFile(1)));
      assertEquals(List.of("000001.rdfp", "index.tsv"),
          Files.list(log.dir()).map(p -> p.getFileName().toString()).sorted().toList());
      assertEquals(log.readPatch(1).getId(), log.idOf(1));
    }
    assertArrayEquals(bytes.get(0), bytes.get(1));
  }

  @Test
  void aBodyLargerThanOneSyncIsWrittenWholeAndItsIdFilledIn() throws Exception {
    var log = ChangeLog.of(tmp.resolve("large"));
    // Past the background sync's 64 MB, so the body is forced to disk while it is written.
    var many = triples("x".repeat(400), 200_000);
    long bytes = 0;
    try (PatchBody body = log.openBody(Instant.parse("2020-10-04T00:00:00Z"))) {
      for (int g = 0; g < 2; g++) {
        var block = PatchBody.Block.of(NodeFactory.createURI("https://x.example/graph/" + g), true, many);
        bytes += block.text().length;
        body.write(block);
      }
      body.finish();
      log.record(body);
    }
    assertTrue(bytes > 64L << 20, bytes + " bytes");
    var id = log.idOf(1);
    assertTrue(id.getURI().matches("urn:uuid:[0-9a-f-]{36}") && !id.getURI().endsWith("0000-000000000000"), id.getURI());
    var counted = new long[1];
    log.readPatch(1).apply(new org.apache.jena.rdfpatch.changes.RDFChangesBase() {
      @Override
      public void add(Node g, Node s, Node p, Node o) {
        counted[0]++;
      }
    });
    assertEquals(400_000, counted[0]);
  }

  @Test
  void aBodyClosedUnrecordedLeavesNothing() throws Exception {
    var log = ChangeLog.of(tmp.resolve("log"));
    try (PatchBody body = log.openBody(Instant.parse("2020-10-04T00:00:00Z"))) {
      body.write(PatchBody.Block.of(G1, true, triples("a", 3)));
    }
    assertEquals(List.of(), Files.list(log.dir()).toList());
    assertEquals(List.of(), log.entries());
  }

  @Test
  void aBodyOpenedBeforeAnotherPatchWasRecordedIsRefused() throws Exception {
    var log = ChangeLog.of(tmp.resolve("moved-on"));
    try (PatchBody body = log.openBody(Instant.parse("2020-10-04T00:00:00Z"))) {
      body.write(PatchBody.Block.of(G1, true, triples("a", 3)));
      body.finish();
      // Another writer recorded build 1 meanwhile (builds of one store run one at a time, so this
      // is a misuse): the body, numbered 1 and naming no predecessor, must not become build 2.
      Files.writeString(log.dir().resolve("index.tsv"), ChangeLog.INDEX_HEADER + "\n"
          + "1\t2020-10-03T00:00:00Z\t1\t0\t" + G2.getURI() + "\n");
      var e = assertThrows(IllegalStateException.class, () -> log.prepare(body));
      assertTrue(e.getMessage().contains("moved on to 2"), e.getMessage());
    }
    assertEquals(List.of("index.tsv"), Files.list(log.dir()).map(p -> p.getFileName().toString()).toList());
  }
}

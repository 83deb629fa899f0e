package org.mlnews.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bulk load fills an empty store; one cut off leaves a marker, and the next open empties the store. */
class BulkLoadTest {
  @TempDir Path tmp;

  static Quad quad(int i) {
    return Quad.create(NodeFactory.createURI("https://x.example/g"), NodeFactory.createURI("https://x.example/s" + i),
        NodeFactory.createURI("https://x.example/p"), NodeFactory.createLiteralString("o" + i));
  }

  @Test
  void aBulkLoadFillsAnEmptyStoreAndThenRunsItsFollowUp() {
    Path dir = tmp.resolve("store");
    var followedUp = new boolean[1];
    try (Store store = Store.open(dir)) {
      store.bulkLoad(stream -> {
        for (int i = 0; i < 1000; i++) {
          stream.quad(quad(i));
        }
      }, () -> followedUp[0] = true);
      assertTrue(followedUp[0]);
      assertEquals(1000L, store.read(store::quadCount));
      assertFalse(Files.exists(dir.resolve(Store.BULK_MARKER)));
      assertThrows(IllegalStateException.class, () -> store.bulkLoad(stream -> { }, () -> { }),
          "a bulk load into a store that holds data");
    }
    try (Store again = Store.open(dir)) {
      assertFalse(again.emptiedInterruptedLoad());
      assertEquals(1000L, again.read(again::quadCount));
    }
  }

  @Test
  void aLoadCutOffIsEmptiedOnTheNextOpen() {
    Path dir = tmp.resolve("store");
    try (Store store = Store.open(dir)) {
      var e = assertThrows(IllegalStateException.class, () -> store.bulkLoad(stream -> {
        for (int i = 0; i < 500; i++) {
          stream.quad(quad(i));
        }
        throw new IllegalStateException("disk full");
      }, () -> { }));
      assertEquals("disk full", e.getMessage());
      assertTrue(Files.exists(dir.resolve(Store.BULK_MARKER)));
    }
    try (Store again = Store.open(dir)) {
      assertTrue(again.emptiedInterruptedLoad());
      assertTrue(again.read(again::isEmpty));
      assertFalse(Files.exists(dir.resolve(Store.BULK_MARKER)));
      // And it loads again.
      again.bulkLoad(stream -> stream.quad(quad(1)), () -> { });
      assertEquals(1L, again.read(again::quadCount));
    }
  }

  /**
   * A load whose indexes do not hold every quad sent is not marked complete. A quad sent twice
   * (which the build never does) stands in for quads a loader thread lost.
   */
  @Test
  void aLoadThatLostQuadsIsNotMarkedComplete() {
    Path dir = tmp.resolve("store");
    var followedUp = new boolean[1];
    try (Store store = Store.open(dir)) {
      var e = assertThrows(StoreException.class, () -> store.bulkLoad(stream -> {
        for (int i = 0; i < 100; i++) {
          stream.quad(quad(i));
        }
        stream.quad(quad(7));
      }, () -> followedUp[0] = true));
      assertTrue(e.getMessage().contains("holds 100 quads where 101 were sent"), e.getMessage());
      assertFalse(followedUp[0], "the follow-up (the change log) runs only after a complete load");
      assertTrue(Files.exists(dir.resolve(Store.BULK_MARKER)));
    }
    try (Store again = Store.open(dir)) {
      assertTrue(again.emptiedInterruptedLoad());
      assertTrue(again.read(again::isEmpty));
    }
  }
}

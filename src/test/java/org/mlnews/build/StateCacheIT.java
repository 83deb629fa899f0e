package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.generate.Generator;
import org.mlnews.store.Store;

/**
 * The build's cache of what the store holds ({@code STORE/state.tsv}) says exactly what reading
 * the store would, and is set aside as soon as anything else wrote to the store.
 */
class StateCacheIT {
  static final String W41 = BuilderIT.W41;
  static final String PREFIX = BuilderIT.IRIS.issueGraphPrefix();

  @TempDir Path tmp;
  Path data;
  Path storeDir;

  @BeforeEach
  void setUp() throws Exception {
    data = tmp.resolve("data");
    Generator.builder().issues(40).seed(7).build().generate(data);
    for (String slug : List.of(BuilderIT.W41, BuilderIT.W48)) {
      Files.copy(Path.of("data", slug + ".md"), data.resolve(slug + ".md"));
    }
    // Two files claiming one week: their graphs carry a duplicate-week warning, part of the state.
    Files.copy(Path.of("data", W41 + ".md"), data.resolve("copy-of-week41.md"));
    storeDir = tmp.resolve("store");
  }

  BuildReport build() {
    try (Store store = Store.open(storeDir)) {
      return new Builder(data, Path.of("ontology"), BuilderIT.IRIS).build(store);
    }
  }

  /** The cached state, if current, and the state read out of the store. */
  record Both(Map<String, Builder.Stored> cached, Map<String, Builder.Stored> read) {}

  Both both() {
    try (Store store = Store.open(storeDir)) {
      var builder = new Builder(data, Path.of("ontology"), BuilderIT.IRIS);
      return new Both(StateCache.load(store, PREFIX).map(StateCache.State::issues).orElse(null),
          store.read(() -> builder.storedState(store)));
    }
  }

  /**
   * The cache a moment newer than the store's files, as it is after a build on any clock coarser
   * than the time between the commit and writing the cache (which tests can be faster than).
   */
  void cacheWrittenLater() throws Exception {
    Files.setLastModifiedTime(storeDir.resolve(StateCache.FILE),
        FileTime.fromMillis(System.currentTimeMillis() + 60_000));
  }

  /** Equal states; on failure, names the issues that differ rather than printing both. */
  static void assertSame(Map<String, Builder.Stored> expected, Map<String, Builder.Stored> actual, String what) {
    assertTrue(actual != null, what + ": the cache is current");
    var differ = new java.util.TreeSet<String>(expected.keySet());
    differ.addAll(actual.keySet());
    differ.removeIf(slug -> java.util.Objects.equals(expected.get(slug), actual.get(slug)));
    assertEquals(java.util.Set.of(), differ, what + ": issues whose state differs");
  }

  @Test
  void theCacheSaysWhatTheStoreHolds() throws Exception {
    assertTrue(build().ok());
    cacheWrittenLater();
    Both first = both();
    assertEquals(43, first.read().size());
    assertTrue(first.read().values().stream().anyMatch(s -> s.claimWarning() != null), "a claim is covered");
    assertSame(first.read(), first.cached(), "after a first (bulk) build");

    // An edit, a removal and a new file: the incremental path keeps the cache exact too.
    Files.writeString(data.resolve(W41 + ".md"), Files.readString(data.resolve(W41 + ".md")) + "\n");
    Files.delete(data.resolve("copy-of-week41.md"));
    Files.copy(Path.of("data", BuilderIT.W48 + ".md"), data.resolve("copy-of-week48.md"));
    BuildReport second = build();
    assertEquals(List.of("copy-of-week48"), second.added());
    cacheWrittenLater();
    Both after = both();
    assertSame(after.read(), after.cached(), "after an incremental build");
    assertFalse(after.read().containsKey("copy-of-week41"));
  }

  @Test
  void aWriteByAnyoneElseSetsTheCacheAside() throws Exception {
    build();
    cacheWrittenLater();
    assertTrue(both().cached() != null);
    try (Store store = Store.open(storeDir)) {
      store.write(() -> store.datasetGraph().removeGraph(BuilderIT.IRIS.issueGraph(W41)));
    }
    assertEquals(null, both().cached(), "the store's files changed since the cache was written");
    BuildReport r = build();
    assertEquals(List.of(W41), r.added(), "the graph removed behind the builder's back is restored");
  }

  @Test
  void aCacheNotNewerThanTheStoreIsNotTrusted() throws Exception {
    build();
    cacheWrittenLater();
    assertTrue(both().cached() != null);
    // Written in the same clock tick as the store's last change: a later write could hide in it.
    Path cache = storeDir.resolve(StateCache.FILE);
    Files.setLastModifiedTime(cache, FileTime.fromMillis(0));
    assertEquals(null, both().cached());
  }

  @Test
  void aDamagedCacheIsNoCache() throws Exception {
    build();
    cacheWrittenLater();
    try (Store store = Store.open(storeDir)) {
      String digest = store.signature().digest();
      Files.writeString(storeDir.resolve(StateCache.FILE), "mlnews-state 1\n" + PREFIX + "\n" + digest
          + "\n\nnot\twhat\tit should be\n");
    }
    cacheWrittenLater();
    assertEquals(null, both().cached());
    BuildReport r = build();
    assertTrue(r.ok());
    assertEquals(43, r.unchanged().size(), "read from the store instead");
  }
}

package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;

/**
 * The build's cache of source hashes ({@code STORE/sources.tsv}) skips hashing files whose size
 * and modification time did not change, and never hides a change made in the same clock tick.
 */
class SourceHashesIT {
  static final String W41 = "akiras-ml-news-week41-2020-ff1938c74adf";

  @TempDir Path tmp;

  BuildReport build(Path data, Path storeDir) {
    try (Store store = Store.open(storeDir)) {
      return new Builder(data, Path.of("ontology"), new Iris(Iris.DEFAULT_BASE)).build(store);
    }
  }

  /** The file with one character replaced by another of the same UTF-8 length. */
  static void sameSizeEdit(Path file, FileTime keep) throws Exception {
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int i = text.indexOf("GAN");
    Files.writeString(file, text.substring(0, i) + "GAM" + text.substring(i + 3), StandardCharsets.UTF_8);
    Files.setLastModifiedTime(file, keep);
  }

  @Test
  void unchangedFilesAreTakenFromTheCacheAndSameTickEditsAreStillSeen() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (Path f : Files.list(Path.of("data")).toList()) {
      Files.copy(f, data.resolve(f.getFileName()));
    }
    Path storeDir = tmp.resolve("store");
    Path w41 = data.resolve(W41 + ".md");
    FileTime now = Files.getLastModifiedTime(w41);

    // Built at once: the files' times are within the racy window, so nothing is trusted yet.
    assertEquals(2, build(data, storeDir).added().size());
    assertTrue(Files.exists(storeDir.resolve(SourceHashes.FILE)));
    sameSizeEdit(w41, now);
    assertEquals(List.of(W41), build(data, storeDir).updated(), "an edit in the same tick is seen");

    // Files an hour old are trusted by size and time: what a one-issue build of a large store relies on.
    FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
    for (Path f : Files.list(data).toList()) {
      Files.setLastModifiedTime(f, hourAgo);
    }
    assertEquals(2, build(data, storeDir).unchanged().size(), "new times: hashed again, same hashes");
    var again = build(data, storeDir);
    assertEquals(2, again.unchanged().size());
    assertEquals(0, again.quadsAdded());

    // Deleting the cache makes the next build hash every file.
    sameSizeEdit(w41, hourAgo);
    assertEquals(0, build(data, storeDir).updated().size(), "same size and time: trusted, as documented");
    Files.delete(storeDir.resolve(SourceHashes.FILE));
    assertEquals(List.of(W41), build(data, storeDir).updated());
  }
}

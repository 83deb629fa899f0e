package org.mlnews;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting a file or a folder with everything in it: the release's work folder, the store's
 * remains of an interrupted load, the server's dumps of an earlier state, the bench's corpora.
 *
 * <pre>{@code
 * FileTrees.delete(store.dir().resolve("dumps").resolve(oldVersion));
 * }</pre>
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes {@code path} and, if it is a folder, all it holds (symbolic links are deleted, not
   * followed); nothing when it does not exist. A file another thread deleted meanwhile is no error.
   */
  public static void delete(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}

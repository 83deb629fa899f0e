package org.mlnews.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;

/**
 * Writing the build's caches beside the store ({@link SourceHashes}, {@link StateCache}): a cache
 * is replaced whole, or dropped, never left half-written, and failing to write one only costs the
 * next build the time the cache would have saved.
 *
 * <pre>{@code
 * CacheFiles.replaceOrDrop(storeDir.resolve("sources.tsv"), () -> text);
 * }</pre>
 */
final class CacheFiles {
  private CacheFiles() {}

  /**
   * Replaces {@code file} with what {@code text} makes (written beside it, then moved); when that
   * fails, or making it does, deletes it.
   */
  static void replaceOrDrop(Path file, Supplier<? extends CharSequence> text) {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, text.get(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      try {
        Files.deleteIfExists(tmp);
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // Nothing more to do: a cache that is stale or missing is set aside or rebuilt.
      }
    }
  }
}

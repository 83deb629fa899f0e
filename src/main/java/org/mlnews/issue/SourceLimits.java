package org.mlnews.issue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How big an issue file may be, and the one way to read one that respects it. A real issue is
 * under 30 KB (the largest of the corpus is 27 KB); {@value #MAX_BYTES} bytes (4 MiB) is over a
 * hundred times that, still parses in a few seconds, and keeps a stray 50 MB or 5 GB file from
 * taking the build's time and memory: such a file is refused before it is parsed, and never read
 * past the limit.
 *
 * <pre>{@code
 * byte[] bytes = SourceLimits.read(Path.of("data/x.md"));   // SourceException when too large
 * }</pre>
 */
public final class SourceLimits {
  /** Largest issue file, Markdown or JSON, in bytes. */
  public static final int MAX_BYTES = 4 * 1024 * 1024;

  private SourceLimits() {}

  /**
   * The file's bytes, or a {@link SourceException} naming the line on which the file goes past
   * {@link #MAX_BYTES}. At most {@code MAX_BYTES + 1} bytes are ever read.
   *
   * @throws IOException when the file cannot be read at all
   */
  public static byte[] read(Path file) throws IOException, SourceException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    }
    if (bytes.length > MAX_BYTES) {
      int line = 1;
      for (int i = 0; i < MAX_BYTES; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new SourceException(file, line, 0, String.format("too large: the file has %,d bytes, "
          + "more than the %,d bytes (4 MiB) an issue may have, and passes the limit on this line; "
          + "a real issue is under 30 KB", sizeOf(file, bytes.length), MAX_BYTES));
    }
    return bytes;
  }

  /**
   * {@link #read}, with a file that cannot be read at all reported as a {@link SourceException}
   * too ("cannot read: ..."): what a reader of issue files wants, one kind of error per file.
   */
  public static byte[] readSource(Path file) throws SourceException {
    try {
      return read(file);
    } catch (IOException e) {
      throw new SourceException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }

  private static long sizeOf(Path file, long atLeast) {
    try {
      return Math.max(Files.size(file), atLeast);
    } catch (IOException e) {
      return atLeast;
    }
  }
}

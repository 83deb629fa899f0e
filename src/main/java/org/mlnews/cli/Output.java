package org.mlnews.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPOutputStream;

/**
 * Where a command writes bytes: a file, written to a temporary sibling and moved into place by
 * {@link #commit} (so a failed dump leaves no half file), or standard output. Text to standard
 * output goes through the command's own writer (so tests can capture it); gzipped bytes go to the
 * process's standard output as they are.
 */
final class Output implements AutoCloseable {
  private final OutputStream stream;
  private final GZIPOutputStream gzip;
  private final Path file;
  private final Path tmp;
  private boolean committed;

  private Output(OutputStream stream, GZIPOutputStream gzip, Path file, Path tmp) {
    this.stream = stream;
    this.gzip = gzip;
    this.file = file;
    this.tmp = tmp;
  }

  /** Gzips when asked to or when the file name ends in {@code .gz}. */
  static Output open(Path file, boolean gzip, PrintWriter out) throws IOException {
    boolean gz = gzip || (file != null && file.getFileName().toString().endsWith(".gz"));
    if (file == null) {
      if (gz) {
        out.flush();
        var g = new GZIPOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        return new Output(g, g, null, null);
      }
      return new Output(new WriterStream(out), null, null, null);
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    // Not Files.createTempFile: its file is private (0600) whatever the umask, and the move would
    // carry that onto a dump meant to be served and shared.
    Path tmp = dir.resolve("." + file.getFileName() + "." + Long.toUnsignedString(
        java.util.concurrent.ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
    OutputStream raw = new BufferedOutputStream(
        Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE), 1 << 16);
    if (gz) {
      var g = new GZIPOutputStream(raw, 1 << 16);
      return new Output(g, g, file, tmp);
    }
    return new Output(raw, null, file, tmp);
  }

  OutputStream stream() {
    return stream;
  }

  /** Finishes the output: the file is moved into place. */
  void commit() throws IOException {
    if (gzip != null) {
      gzip.finish();
    }
    stream.flush();
    if (file == null && gzip == null) {
      stream.close(); // decodes the last bytes; the command's writer stays open
    }
    if (file != null) {
      stream.close();
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (file != null && !committed) {
      try {
        stream.close();
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /** UTF-8 bytes into a writer, decoding as they come (a character may span two writes). */
  static final class WriterStream extends OutputStream {
    private final PrintWriter out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer in = ByteBuffer.allocate(1 << 14);
    private final CharBuffer chars = CharBuffer.allocate(1 << 14);

    WriterStream(PrintWriter out) {
      this.out = out;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        int n = Math.min(in.remaining(), len);
        in.put(b, off, n);
        off += n;
        len -= n;
        drain(false);
      }
    }

    private void drain(boolean end) {
      in.flip();
      CoderResult r;
      do {
        r = decoder.decode(in, chars, end);
        chars.flip();
        out.append(chars);
        chars.clear();
      } while (r.isOverflow());
      in.compact();
    }

    @Override
    public void flush() {
      out.flush();
    }

    @Override
    public void close() {
      drain(true);
      decoder.flush(chars);
      chars.flip();
      out.append(chars);
      chars.clear();
      out.flush();
    }
  }
}

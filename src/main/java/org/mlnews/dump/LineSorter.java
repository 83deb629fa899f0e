package org.mlnews.dump;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Sorts lines in code point order and drops duplicates, with bounded memory: at most
 * {@code maxLines} lines are held; beyond that, sorted runs are written to temporary files and
 * merged when read. Lines must not contain a line break.
 *
 * <pre>{@code
 * try (LineSorter sorter = new LineSorter(200_000)) {
 *   lines.forEach(sorter::add);
 *   sorter.sorted().forEachRemaining(out::println);
 * }
 * }</pre>
 */
final class LineSorter implements AutoCloseable {
  private final int maxLines;
  private final List<String> buffer = new ArrayList<>();
  private final List<Path> runs = new ArrayList<>();
  private final List<BufferedReader> open = new ArrayList<>();

  LineSorter(int maxLines) {
    if (maxLines < 1) {
      throw new IllegalArgumentException("Illegal maxLines=" + maxLines + " : must be at least 1");
    }
    this.maxLines = maxLines;
  }

  void add(String line) {
    buffer.add(line);
    if (buffer.size() >= maxLines) {
      spill();
    }
  }

  /** Number of runs written to disk so far (for tests). */
  int runs() {
    return runs.size();
  }

  private void spill() {
    buffer.sort(Terms.CODE_POINT_ORDER);
    try {
      Path run = Files.createTempFile("mlnews-dump-", ".run");
      run.toFile().deleteOnExit();
      try (BufferedWriter w = Files.newBufferedWriter(run, StandardCharsets.UTF_8)) {
        String last = null;
        for (String line : buffer) {
          if (!line.equals(last)) {
            w.write(line);
            w.write('\n');
          }
          last = line;
        }
      }
      runs.add(run);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a sort run to the temporary folder", e);
    }
    buffer.clear();
  }

  /** All lines added, sorted, each once. Call once, after the last {@link #add}. */
  Iterator<String> sorted() {
    buffer.sort(Terms.CODE_POINT_ORDER);
    var sources = new ArrayList<Iterator<String>>();
    sources.add(buffer.iterator());
    for (Path run : runs) {
      try {
        BufferedReader r = Files.newBufferedReader(run, StandardCharsets.UTF_8);
        open.add(r);
        sources.add(r.lines().iterator());
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read sort run " + run, e);
      }
    }
    return new Merge(sources);
  }

  @Override
  public void close() {
    for (BufferedReader r : open) {
      try {
        r.close();
      } catch (IOException e) {
        // a temporary file; nothing to save
      }
    }
    for (Path run : runs) {
      try {
        Files.deleteIfExists(run);
      } catch (IOException e) {
        // deleteOnExit takes it
      }
    }
  }

  /** K-way merge of sorted sources, dropping lines equal to the one before. */
  private static final class Merge implements Iterator<String> {
    private record Head(String line, Iterator<String> source) {}

    private final PriorityQueue<Head> heads =
        new PriorityQueue<>((a, b) -> Terms.compareCodePoints(a.line(), b.line()));
    private String next;
    private String last;

    Merge(List<Iterator<String>> sources) {
      for (Iterator<String> s : sources) {
        if (s.hasNext()) {
          heads.add(new Head(s.next(), s));
        }
      }
      advance();
    }

    private void advance() {
      next = null;
      while (!heads.isEmpty()) {
        Head h = heads.poll();
        if (h.source().hasNext()) {
          heads.add(new Head(h.source().next(), h.source()));
        }
        if (!h.line().equals(last)) {
          next = h.line();
          last = next;
          return;
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public String next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      String n = next;
      advance();
      return n;
    }
  }
}

package org.mlnews.changes;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.mlnews.dump.Terms;

/**
 * The body of one RDF Patch as it is written: one transaction ({@code TX .} ... {@code TC .}) of
 * deletes, then adds, in {@link Block blocks} of one graph each. Graphs come in {@link #GRAPH_ORDER}
 * and each block's lines are sorted (by code point, as {@code LC_ALL=C sort} would), so the same changes give the same bytes
 * whoever produced them: a {@link ChangeSet} of graphs replaced in a transaction, or a first build
 * streaming every graph into TDB2's bulk loader, whose blocks are formatted on every core.
 *
 * <p>An MD5 digest of the body is kept as it is written (a patch's id is derived from it), with
 * the quads added and removed and the graphs touched.
 *
 * <pre>{@code
 * try (PatchBody body = changeLog.openBody(Instant.now())) {
 *   body.write(PatchBody.Block.of(graphName, true, graph.find().toList()));
 *   body.finish();
 *   changeLog.record(body);
 * }
 * }</pre>
 */
public final class PatchBody implements AutoCloseable {
  /**
   * One graph's deletes or adds as patch lines, sorted; built on any thread.
   *
   * @param graph the graph's name
   * @param add   adds ({@code A}) or deletes ({@code D})
   * @param size  how many quads
   * @param text  the lines, UTF-8
   */
  /** The order of graphs in a body: by N-Triples form, in code point order. */
  public static final Comparator<Node> GRAPH_ORDER =
      Comparator.comparing(Terms::nt, Terms.CODE_POINT_ORDER);

  public record Block(Node graph, boolean add, int size, byte[] text) {
    public Block {
      Objects.requireNonNull(graph, "graph");
      Objects.requireNonNull(text, "text");
    }

    /** The block of {@code triples} added to (or deleted from) {@code graph}. */
    public static Block of(Node graph, boolean add, Collection<Triple> triples) {
      String suffix = " " + Terms.nt(graph) + " .\n";
      // Encoded line by line: most lines are ASCII and take the JDK's fast path, which one string
      // of all of them would lose as soon as a single line holds a Chinese character. The UTF-8
      // bytes sort in code-point order, and compare faster than the strings: the lines of a block
      // share a long prefix, which the unsigned comparison skips with a vectorised mismatch.
      byte[][] lines = new byte[triples.size()][];
      int i = 0;
      int size = 0;
      var sb = new StringBuilder(256);
      for (Triple t : triples) {
        sb.setLength(0);
        sb.append(add ? "A " : "D ");
        Terms.appendNt(sb, t.getSubject());
        sb.append(' ');
        Terms.appendNt(sb, t.getPredicate());
        sb.append(' ');
        Terms.appendNt(sb, t.getObject());
        lines[i] = sb.append(suffix).toString().getBytes(StandardCharsets.UTF_8);
        size += lines[i++].length;
      }
      Arrays.sort(lines, Arrays::compareUnsigned);
      var bytes = new java.io.ByteArrayOutputStream(size);
      for (byte[] line : lines) {
        bytes.writeBytes(line);
      }
      return new Block(graph, add, lines.length, bytes.toByteArray());
    }
  }

  /** How many bytes written between two of the background syncs of a body in a change log. */
  private static final long SYNC_EVERY = 64L << 20;

  private final ChangeLog.Slot slot;
  private final FileChannel channel;
  private final MessageDigest md5;
  private final OutputStream out;
  private final java.util.TreeSet<String> graphs = new java.util.TreeSet<>();
  private byte[] digest;
  private long added;
  private long removed;
  private boolean adding;
  private String lastGraph = "";
  private boolean finished;
  private long unsynced;
  private Thread syncing;
  private volatile IOException syncFailure;

  private PatchBody(ChangeLog.Slot slot, FileChannel channel, OutputStream sink) {
    this.slot = slot;
    this.channel = channel;
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    this.out = new DigestOutputStream(new BufferedOutputStream(sink, 1 << 16), md5);
    put("TX .\n".getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * A body written straight into its change log's file, after the headers the log has written
   * there: see {@link ChangeLog#openBody}.
   */
  static PatchBody inLog(ChangeLog.Slot slot, FileChannel channel) {
    return new PatchBody(slot, channel, Channels.newOutputStream(channel));
  }

  /** A body written to {@code out}, which the caller owns (closing the body only flushes it). */
  public static PatchBody to(OutputStream out) {
    return new PatchBody(null, null, new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    });
  }

  /**
   * Appends a block. Deletes come before adds, and within each, graphs in increasing order of
   * their N-Triples form, each once.
   *
   * @throws IllegalStateException when a block comes out of that order, or after {@link #finish}
   */
  public void write(Block block) {
    if (finished) {
      throw new IllegalStateException("the patch body is finished");
    }
    String graph = Terms.nt(block.graph());
    if (adding && !block.add()) {
      throw new IllegalStateException("a delete block after the adds: " + graph);
    }
    if (block.add() && !adding) {
      adding = true;
      lastGraph = "";
    }
    if (!lastGraph.isEmpty() && Terms.CODE_POINT_ORDER.compare(graph, lastGraph) <= 0) {
      throw new IllegalStateException("graph " + graph + " out of order after " + lastGraph);
    }
    lastGraph = graph;
    if (block.size() == 0) {
      return;
    }
    put(block.text());
    if (block.add()) {
      added += block.size();
    } else {
      removed += block.size();
    }
    graphs.add(block.graph().getURI());
  }

  /** Ends the transaction and flushes; the body is then complete. */
  public void finish() {
    if (!finished) {
      put("TC .\n".getBytes(StandardCharsets.US_ASCII));
      finished = true;
      try {
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write the patch body", e);
      }
    }
  }

  private void put(byte[] bytes) {
    try {
      out.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the patch body" + (slot == null ? "" : " " + slot.file()), e);
    }
    unsynced += bytes.length;
    if (channel != null && unsynced >= SYNC_EVERY && (syncing == null || !syncing.isAlive())) {
      unsynced = 0;
      startSync();
    }
  }

  /**
   * Forces what has reached the file so far to disk on another thread: a first build's patch is
   * about as large as the store, and forcing it whole only once it is complete kept the build
   * waiting for several seconds with nothing else to do.
   */
  private void startSync() {
    syncing = new Thread(() -> {
      try {
        channel.force(false);
      } catch (IOException e) {
        syncFailure = e;
      }
    }, "mlnews-patch-sync");
    syncing.setDaemon(true);
    syncing.start();
  }

  /**
   * Completes a finished body in a change log: writes {@code bytes} at {@code position} of its file
   * (the patch's id, known only now), forces the file to disk and closes it.
   */
  void complete(long position, byte[] bytes) throws IOException {
    if (!finished || channel == null) {
      throw new IllegalStateException("not a finished body in a change log");
    }
    try {
      if (syncing != null) {
        syncing.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while the patch body was forced to disk");
    }
    if (syncFailure != null) {
      throw syncFailure;
    }
    channel.write(java.nio.ByteBuffer.wrap(bytes), position);
    // On disk before the store commits: after a power cut too, the commit is never without it.
    channel.force(true);
    channel.close();
  }

  public boolean isEmpty() {
    return added == 0 && removed == 0;
  }

  public long added() {
    return added;
  }

  public long removed() {
    return removed;
  }

  /** The graphs with a change, sorted by name. */
  public List<String> graphs() {
    return List.copyOf(graphs);
  }

  /** The MD5 digest of the body; only once {@link #finish finished}. */
  byte[] digest() {
    if (!finished) {
      throw new IllegalStateException("the patch body is not finished");
    }
    if (digest == null) {
      digest = md5.digest();
    }
    return digest.clone();
  }

  /** Where in its change log the body goes, or null when writing to a stream. */
  ChangeLog.Slot slot() {
    return slot;
  }

  /**
   * Closes the output; a body in a change log whose file was not {@link ChangeLog#prepare
   * prepared} is deleted.
   */
  @Override
  public void close() {
    try {
      if (syncing != null) {
        syncing.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed all the same; the sync thread ends by itself
    }
    try {
      out.close();
      if (slot != null) {
        Files.deleteIfExists(slot.file());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the patch body", e);
    }
  }
}

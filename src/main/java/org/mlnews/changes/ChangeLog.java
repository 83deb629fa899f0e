package org.mlnews.changes;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatch;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;

/**
 * The change sets of a store: {@code STORE/changes/NNNNNN.rdfp}, one RDF Patch per build that
 * changed something, numbered from 1, and {@code STORE/changes/index.tsv}, one line per patch
 * (build number, time, quads added, quads removed, graphs touched). Each patch names itself
 * ({@code H id}) and the patch before it ({@code H prev}), so a subscriber can check it applies
 * patches in order.
 *
 * <pre>{@code
 * ChangeLog log = ChangeLog.of(store.dir());
 * log.entries().forEach(e -> System.out.println(e.build() + " +" + e.added() + " -" + e.removed()));
 * log.writeSince(3, System.out);   // what builds 4, 5, ... changed, as one patch
 * }</pre>
 */
public final class ChangeLog {
  /** The index file's header line. */
  static final String INDEX_HEADER = "build\ttime\tadded\tremoved\tgraphs";

  private final Path dir;

  private ChangeLog(Path dir) {
    this.dir = dir;
  }

  /** The change log of the store in {@code storeDir} (its {@code changes} folder need not exist yet). */
  public static ChangeLog of(Path storeDir) {
    return new ChangeLog(Objects.requireNonNull(storeDir, "storeDir").resolve("changes"));
  }

  public Path dir() {
    return dir;
  }

  /**
   * One recorded build.
   *
   * @param build   its number, from 1
   * @param time    the build's time (its {@code prov:generatedAtTime})
   * @param added   quads added
   * @param removed quads removed
   * @param graphs  names of the graphs it touched, sorted
   */
  public record Entry(int build, Instant time, long added, long removed, List<String> graphs) {
    String line() {
      return build + "\t" + time + "\t" + added + "\t" + removed + "\t" + String.join(" ", graphs);
    }

    static Entry parse(String line) {
      String[] f = line.split("\t", -1);
      if (f.length != 5) {
        throw new IllegalStateException("bad change index line: " + line);
      }
      return new Entry(Integer.parseInt(f[0]), Instant.parse(f[1]), Long.parseLong(f[2]),
          Long.parseLong(f[3]), f[4].isEmpty() ? List.of() : Arrays.asList(f[4].split(" ")));
    }
  }

  /** The recorded builds, oldest first. */
  public List<Entry> entries() {
    Path index = dir.resolve("index.tsv");
    if (!Files.exists(index)) {
      return List.of();
    }
    try {
      var entries = new ArrayList<Entry>();
      for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.equals(INDEX_HEADER)) {
          entries.add(Entry.parse(line));
        }
      }
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + index, e);
    }
  }

  /** The number of the latest recorded build, 0 when there is none. */
  private static int latest(List<Entry> entries) {
    return entries.isEmpty() ? 0 : entries.get(entries.size() - 1).build();
  }

  public Optional<Entry> entry(int build) {
    return entries().stream().filter(e -> e.build() == build).findFirst();
  }

  /** The patch file of a build (which exists if {@link #entry} finds it). */
  public Path patchFile(int build) {
    return dir.resolve(String.format("%06d.rdfp", build));
  }

  /**
   * Records a finished body from {@link #openBody} as the next patch, for changes the store already
   * holds (a first build's, once loaded): {@link #prepare}, then publish.
   */
  public Entry record(PatchBody body) {
    return prepare(body).publish();
  }

  /**
   * Writes a build's changes in full as the next patch, but not yet in the log: see {@link Pending}.
   * Called inside the build's write transaction, before its commit.
   */
  public Pending prepare(ChangeSet changes, Instant time) {
    if (changes.isEmpty()) {
      throw new IllegalArgumentException("No changes : an empty change set is not recorded");
    }
    try (PatchBody body = openBody(time)) {
      changes.writeTo(body);
      body.finish();
      return prepare(body);
    }
  }

  /**
   * Where a body from {@link #openBody} goes: the temporary file of patch {@code build}, whose
   * headers name {@code prev} and {@code time}.
   */
  record Slot(Path file, int build, Node prev, Instant time) {}

  /** The {@code H id} header written while the body is, a placeholder of the real one's length. */
  private static final Node ID_PLACEHOLDER = NodeFactory.createURI("urn:uuid:" + new UUID(0, 0));

  /** Where the id's UUID starts in a patch file: after {@code H id <urn:uuid:}. */
  private static final int ID_OFFSET = "H id <urn:uuid:".length();

  /**
   * The body of the next patch, for changes made at {@code time}, to fill and then {@link
   * #record(PatchBody) record} or {@link #prepare(PatchBody) prepare}. It is written straight into
   * the patch's temporary file, after its headers (the id a placeholder until the body's digest is
   * known), so a patch as large as the store is written once; the file is deleted when the body is
   * closed unprepared.
   */
  public synchronized PatchBody openBody(Instant time) {
    List<Entry> entries = entries();
    int build = latest(entries) + 1;
    Node prev = entries.isEmpty() ? null : idOf(latest(entries));
    var slot = new Slot(partialFile(build), build, prev, time);
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(slot.file(), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
          StandardOpenOption.TRUNCATE_EXISTING);
      var headers = new java.io.ByteArrayOutputStream();
      writeHeaders(headers, headers(ID_PLACEHOLDER, slot));
      channel.write(java.nio.ByteBuffer.wrap(headers.toByteArray()));
      return PatchBody.inLog(slot, channel);
    } catch (IOException e) {
      try {
        if (channel != null) {
          channel.close();
        }
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw new UncheckedIOException("cannot write change set " + build + " in " + dir, e);
    }
  }

  private static Map<String, Node> headers(Node id, Slot slot) {
    var headers = new LinkedHashMap<String, Node>();
    headers.put("id", id);
    if (slot.prev() != null) {
      headers.put("prev", slot.prev());
    }
    headers.put("build", NodeFactory.createLiteralDT(Integer.toString(slot.build()), XSDDatatype.XSDinteger));
    headers.put("time", NodeFactory.createLiteralDT(slot.time().toString(), XSDDatatype.XSDdateTime));
    return headers;
  }

  /**
   * Completes a finished body from {@link #openBody} as the next patch, not yet in the log: its id
   * goes into its headers, and the file, forced to disk, is renamed to {@code NNNNNN.rdfp.pending}.
   * The patch's id is a name-based UUID of the previous patch's id, the build number and time, and
   * the body's digest, so the same changes recorded at the same point give the same bytes.
   *
   * @throws IllegalStateException when another patch was recorded since the body was opened
   */
  public synchronized Pending prepare(PatchBody body) {
    if (body.isEmpty()) {
      throw new IllegalArgumentException("No changes : an empty change set is not recorded");
    }
    Slot slot = body.slot();
    if (slot == null) {
      throw new IllegalArgumentException("Illegal body : not one from openBody()");
    }
    List<Entry> entries = entries();
    int next = latest(entries) + 1;
    if (next != slot.build()) {
      throw new IllegalStateException("change set " + slot.build() + " was opened, but the log in " + dir
          + " has moved on to " + next);
    }
    var name = new java.io.ByteArrayOutputStream();
    name.writeBytes(((slot.prev() == null ? "" : slot.prev().getURI()) + "\n" + slot.build() + "\n"
        + slot.time() + "\n").getBytes(StandardCharsets.UTF_8));
    name.writeBytes(body.digest());
    UUID id = UUID.nameUUIDFromBytes(name.toByteArray());
    var entry = new Entry(slot.build(), slot.time(), body.added(), body.removed(), body.graphs());
    Path file = pendingFile(slot.build());
    try {
      body.complete(ID_OFFSET, id.toString().getBytes(StandardCharsets.US_ASCII));
      // Renamed whole: a process killed while the body was written leaves no half a patch under
      // the pending name, only a temporary file that recover() removes.
      Files.move(slot.file(), file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      forceFolder();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write change set " + slot.build() + " in " + dir, e);
    }
    return new Pending(file, entry);
  }

  /** Makes a rename in the log's folder durable where the platform can force a folder (Linux can). */
  private void forceFolder() {
    try (FileChannel folder = FileChannel.open(dir, StandardOpenOption.READ)) {
      folder.force(true);
    } catch (IOException e) {
      // Not supported here: the rename is as durable as the platform makes it.
    }
  }

  private Path partialFile(int build) {
    return dir.resolve(pendingFile(build).getFileName() + ".tmp");
  }

  private Path pendingFile(int build) {
    return dir.resolve(patchFile(build).getFileName() + PENDING);
  }

  private static final String PENDING = ".pending";

  /**
   * A build's patch written in full beside the log but not in it: prepared inside the build's write
   * transaction before its commit; {@link #publish published} once the commit is done, or
   * {@link #discard discarded} when it failed. A process killed in between leaves the file, and
   * {@link #recover} tells from the store which of the two it was. So the log never misses a
   * committed build, and never holds one the store did not make.
   *
   * <pre>{@code
   * ChangeLog.Pending[] pending = {null};
   * store.write(() -> { ...; pending[0] = log.prepare(changes, now); });
   * ChangeLog.Entry entry = pending[0].publish();
   * }</pre>
   */
  public final class Pending {
    private final Path file;
    private final Entry entry;

    private Pending(Path file, Entry entry) {
      this.file = file;
      this.entry = entry;
    }

    public Entry entry() {
      return entry;
    }

    /** Moves the patch into place, then appends it to the index. */
    public Entry publish() {
      synchronized (ChangeLog.this) {
        try {
          Files.move(file, patchFile(entry.build()), StandardCopyOption.REPLACE_EXISTING,
              StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot write change set " + entry.build() + " in " + dir, e);
        }
        index(entry);
        return entry;
      }
    }

    /** Drops the patch: the build's transaction did not commit. */
    public void discard() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove " + file, e);
      }
    }
  }

  private synchronized void index(Entry entry) {
    Path index = dir.resolve("index.tsv");
    boolean fresh = !Files.exists(index);
    try (BufferedWriter w = Files.newBufferedWriter(index, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      if (fresh) {
        w.write(INDEX_HEADER + "\n");
      }
      w.write(entry.line() + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write change set " + entry.build() + " in " + dir, e);
    }
  }

  /**
   * Finishes what a build cut off mid-way left of its change set; the next build calls it before it
   * records its own. A patch that was {@link #prepare prepared} but neither published nor discarded
   * is published when the store holds its changes (its build committed) and dropped when it holds
   * none of them; one moved into place but missing from the index is indexed; one cut off while it
   * was written (its temporary file) is removed, since its build had not reached its commit. A
   * pending patch that cannot be read, or that the store holds only part of (no build of this log
   * leaves either), is set aside as {@code NNNNNN.rdfp.unresolved}, and said so.
   *
   * @return what was done, a sentence each (nothing when there was nothing to do)
   */
  public synchronized List<String> recover(DatasetGraph store) {
    var done = new ArrayList<String>();
    List<Entry> entries = entries();
    int next = latest(entries) + 1;
    Path moved = patchFile(next);
    if (Files.exists(moved)) {
      Entry entry = summary(moved, null).entry(next);
      index(entry);
      done.add("change set " + next + " was in place but not indexed; indexed it");
      next++;
    }
    try {
      if (Files.deleteIfExists(partialFile(next))) {
        done.add("change set " + next + " was cut off while being written, before its build's commit;"
            + " removed it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + partialFile(next), e);
    }
    Path pending = pendingFile(next);
    if (Files.exists(pending)) {
      done.add(settle(pending, next, store));
    }
    return done;
  }

  /**
   * Publishes or drops a pending patch by what the store holds of it; returns the sentence saying
   * which.
   */
  private String settle(Path pending, int build, DatasetGraph store) {
    Summary s;
    try {
      s = Txn.calculateRead(store, () -> summary(pending, store));
    } catch (RuntimeException e) {
      // Not a patch this log wrote (those are renamed into place whole): keep it, out of the way.
      return setAside(pending, build, "cannot be read (" + e.getMessage() + ")");
    }
    if (s.inStore == s.added + s.removed) {
      new Pending(pending, s.entry(build)).publish();
      return "change set " + build + " was written before its build's commit and not yet recorded;"
          + " the store holds it, so it is recorded now";
    }
    if (s.inStore == 0) {
      new Pending(pending, null).discard();
      return "change set " + build + " belonged to a build that did not commit; dropped it";
    }
    return setAside(pending, build, "is only partly in the store (" + s.inStore + " of "
        + (s.added + s.removed) + " changes)");
  }

  /** Moves a pending patch that cannot be settled out of the way; returns the sentence saying so. */
  private String setAside(Path pending, int build, String why) {
    Path aside = dir.resolve(patchFile(build).getFileName() + ".unresolved");
    try {
      Files.move(pending, aside, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + pending + " aside", e);
    }
    return "change set " + build + " " + why + "; set aside as " + aside
        + "; the change log may not describe the store's last build";
  }

  /**
   * A patch's figures as the index records them and, with a store, how many of its changes the
   * store holds (an added quad it contains, a removed one it does not).
   */
  private static Summary summary(Path patch, DatasetGraph store) {
    var s = new Summary(store);
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(patch))) {
      RDFPatchOps.read(in).apply(s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read change set " + patch, e);
    }
    return s;
  }

  private static final class Summary extends RDFChangesBase {
    private final DatasetGraph store;
    private final java.util.TreeSet<String> graphs = new java.util.TreeSet<>();
    private Instant time;
    private long added;
    private long removed;
    private long inStore;

    Summary(DatasetGraph store) {
      this.store = store;
    }

    Entry entry(int build) {
      if (time == null) {
        throw new IllegalStateException("change set " + build + " has no time header");
      }
      return new Entry(build, time, added, removed, List.copyOf(graphs));
    }

    @Override
    public void header(String field, Node value) {
      if (field.equals("time")) {
        time = Instant.parse(value.getLiteralLexicalForm());
      }
    }

    @Override
    public void add(Node g, Node s, Node p, Node o) {
      added++;
      graphs.add(g.getURI());
      if (store != null && store.contains(g, s, p, o)) {
        inStore++;
      }
    }

    @Override
    public void delete(Node g, Node s, Node p, Node o) {
      removed++;
      graphs.add(g.getURI());
      if (store != null && !store.contains(g, s, p, o)) {
        inStore++;
      }
    }
  }

  /** Patch headers, one {@code H key value .} line each, in order. */
  static void writeHeaders(OutputStream out, Map<String, Node> headers) {
    var sb = new StringBuilder();
    headers.forEach((k, v) -> sb.append("H ").append(k).append(' ').append(org.mlnews.dump.Terms.nt(v)).append(" .\n"));
    try {
      out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write patch headers", e);
    }
  }

  /**
   * The {@code H id} of a recorded build's patch. Only the header is read: the patch of a first
   * build of 10,000 issues is close to 1 GB, and the next build asks for its id.
   */
  public Node idOf(int build) {
    Path file = patchFile(build);
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
      return RDFPatchOps.readHeader(in).getId();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read change set " + file, e);
    }
  }

  /** A recorded build's patch. */
  public RDFPatch readPatch(int build) {
    Path file = patchFile(build);
    try (InputStream in = Files.newInputStream(file)) {
      return RDFPatchOps.collect(RDFPatchOps.read(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read change set " + file, e);
    }
  }

  /**
   * Writes what the builds after {@code build} changed, as one RDF Patch of the net changes: a quad
   * added and later removed again (or the other way round) is left out. Its {@code H prev} is the id
   * of patch {@code build} (none for 0) and its {@code H id} that of the latest patch, so it takes a
   * copy at build {@code build} to the latest state. Memory grows with the changes, not the data.
   *
   * @throws IllegalArgumentException when {@code build} is negative or after the latest build
   */
  public void writeSince(int build, OutputStream out) {
    List<Entry> entries = entries();
    int latest = latest(entries);
    if (build < 0 || build > latest) {
      throw new IllegalArgumentException("Illegal build=" + build + " : the change sets run from 0 to "
          + latest + (latest == 0 ? " (no build has changed this store yet)" : ""));
    }
    // For each quad, the first and the last operation on it: the net change is where they agree.
    var firstLast = new HashMap<Quad, boolean[]>();
    var order = new ArrayList<Quad>();
    var net = new RDFChangesBase() {
      void op(Node g, Node s, Node p, Node o, boolean add) {
        Quad q = Quad.create(g, s, p, o);
        boolean[] fl = firstLast.get(q);
        if (fl == null) {
          firstLast.put(q, new boolean[] {add, add});
          order.add(q);
        } else {
          fl[1] = add;
        }
      }

      @Override
      public void add(Node g, Node s, Node p, Node o) {
        op(g, s, p, o, true);
      }

      @Override
      public void delete(Node g, Node s, Node p, Node o) {
        op(g, s, p, o, false);
      }
    };
    for (Entry e : entries) {
      if (e.build() > build) {
        readPatch(e.build()).apply(net);
      }
    }
    var result = new ChangeSet();
    for (Quad q : order) {
      boolean[] fl = firstLast.get(q);
      if (fl[0] == fl[1]) {
        if (fl[0]) {
          result.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        } else {
          result.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
        }
      }
    }
    var headers = new LinkedHashMap<String, Node>();
    if (latest > build) {
      headers.put("id", idOf(latest));
    }
    if (build > 0) {
      headers.put("prev", idOf(build));
    }
    headers.put("since", NodeFactory.createLiteralDT(Integer.toString(build), XSDDatatype.XSDinteger));
    headers.put("build", NodeFactory.createLiteralDT(Integer.toString(latest), XSDDatatype.XSDinteger));
    result.writePatch(out, headers);
  }
}

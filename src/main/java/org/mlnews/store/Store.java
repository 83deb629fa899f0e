package org.mlnews.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.jena.dboe.base.file.AlreadyLocked;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The TDB2 store: one named graph per issue plus the ontology and topic graphs. Queries see the
 * union of the named graphs as their default graph. Only one process may open a store at a time;
 * a second one gets a {@link StoreException} saying so.
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("store"))) {
 *   long n = store.read(() -> store.datasetGraph().getUnionGraph().size());
 * }
 * }</pre>
 */
public final class Store implements AutoCloseable {
  /**
   * Present while a {@link #bulkLoad} runs: TDB2's bulk loader writes outside any transaction, so
   * a store found with this file was cut off half-loaded, and is emptied when next opened (it was
   * empty before the load began, so nothing is lost).
   */
  static final String BULK_MARKER = "bulk-load.incomplete";

  private final Path dir;
  private final DatasetGraph dsg;
  private final boolean emptied;

  private Store(Path dir, DatasetGraph dsg, boolean emptied) {
    this.dir = dir;
    this.dsg = dsg;
    this.emptied = emptied;
  }

  /** Opens or creates the store in {@code dir}. */
  public static Store open(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
      boolean emptied = Files.exists(dir.resolve(BULK_MARKER));
      if (emptied) {
        emptyInterrupted(dir);
        // Every command opens the store this way; a query on the emptied store must not look like
        // a store that lost its data silently.
        org.slf4j.LoggerFactory.getLogger(Store.class).warn("The store {} held a first build cut off"
            + " mid-load ({} was still there); it has been emptied, and the next build loads it again",
            dir, BULK_MARKER);
      }
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      return new Store(dir, dsg, emptied);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot create store directory " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      if (causedBy(e, AlreadyLocked.class)) {
        throw new StoreException("the store " + dir + " is in use by another process (see "
            + dir.resolve("tdb.lock") + "); stop that process first", e);
      }
      throw new StoreException("cannot open store " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Deletes everything of an interrupted bulk load, the marker last (a crash here just repeats it). */
  private static void emptyInterrupted(Path dir) throws java.io.IOException {
    try (var entries = Files.list(dir)) {
      for (Path p : entries.filter(p -> !p.getFileName().toString().equals(BULK_MARKER)).toList()) {
        org.mlnews.FileTrees.delete(p);
      }
    }
    Files.delete(dir.resolve(BULK_MARKER));
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      // TDB2 reports a lock held by a live process as "Failed to get a lock: ... held by process N".
      if (type.isInstance(c) || (c.getMessage() != null && (c.getMessage().contains("already locked")
          || c.getMessage().contains("Failed to get a lock")))) {
        return true;
      }
    }
    return false;
  }

  public Path dir() {
    return dir;
  }

  /**
   * The store's committed state as its files show it: a digest of every TDB2 file's name, size and
   * modification time (the lock file aside), and the newest of those times. A committed write, by
   * this process or any other, changes it (TDB2 rewrites its index roots and journal on commit);
   * opening, reading and closing do not. A cache kept beside the store is current while this is
   * the signature it was written with.
   *
   * <pre>{@code
   * Store.Signature before = store.signature();
   * // ... later, maybe in another process:
   * boolean untouched = before.equals(store.signature());
   * }</pre>
   */
  public Signature signature() {
    var lines = new StringBuilder();
    java.nio.file.attribute.FileTime newest = java.nio.file.attribute.FileTime.fromMillis(0);
    try (var top = Files.list(dir)) {
      // TDB2's own files only: not the change log, the caches or the search index beside them.
      for (Path data : top.filter(p -> p.getFileName().toString().startsWith("Data-")
          && Files.isDirectory(p)).sorted().toList()) {
        try (var files = Files.list(data)) {
          for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
            if (f.getFileName().toString().equals("tdb.lock")) {
              continue; // rewritten by every open
            }
            var attrs = Files.readAttributes(f, java.nio.file.attribute.BasicFileAttributes.class);
            lines.append(dir.relativize(f)).append('\t').append(attrs.size()).append('\t')
                .append(attrs.lastModifiedTime().toInstant()).append('\n');
            if (attrs.lastModifiedTime().compareTo(newest) > 0) {
              newest = attrs.lastModifiedTime();
            }
          }
        }
      }
    } catch (java.io.IOException | java.io.UncheckedIOException e) {
      throw new StoreException("cannot read the files of store " + dir + ": " + e.getMessage(), e);
    }
    return new Signature(org.mlnews.Hashes.sha256(lines.toString()), newest.toInstant());
  }

  /** See {@link #signature()}: a digest of the store's files, and their newest modification time. */
  public record Signature(String digest, java.time.Instant newest) {
    /** How long the files must have been unchanged for {@link #settled}. */
    public static final java.time.Duration SETTLE = java.time.Duration.ofSeconds(2);

    /**
     * Whether the files last changed {@link #SETTLE} or more before {@code now}: only then may
     * something be remembered under this signature, since a second write in the same clock tick
     * as the last one could leave the signature as it was (git's index has the same rule).
     */
    public boolean settled(java.time.Instant now) {
      return java.time.Duration.between(newest, now).compareTo(SETTLE) >= 0;
    }
  }

  private final java.util.concurrent.locks.ReentrantLock exclusive = new java.util.concurrent.locks.ReentrantLock();

  /**
   * Runs {@code work} while no other exclusive work on this store runs in this process (other
   * processes are kept out by TDB2's lock file). For what spans more than one transaction and must
   * not interleave with its kind: a build reads the store, writes it, then logs its change set, and
   * the next build must see that change set logged.
   */
  public <T> T exclusively(Supplier<T> work) {
    exclusive.lock();
    try {
      return work.get();
    } finally {
      exclusive.unlock();
    }
  }

  /** Whether opening found an interrupted {@link #bulkLoad} and emptied the store. */
  public boolean emptiedInterruptedLoad() {
    return emptied;
  }

  /** Whether the store holds no quad at all; call inside a transaction. */
  public boolean isEmpty() {
    return dsg.isEmpty();
  }

  /** Quads in the store, from the size of one quad index (no node is decoded); call inside a transaction. */
  public long quadCount() {
    return quadIndexes()[0].size();
  }

  /**
   * Loads an empty store with TDB2's bulk loader (the phased loader, as {@code tdb2.tdbloader}):
   * {@code load} sends quads of named graphs to the stream, each once; once every quad index holds
   * all of them (checked: a load that lost some fails with a {@link StoreException}), {@code whenLoaded}
   * runs (e.g. to record the change log), and only then is the load marked complete. Other
   * transactions of this process wait while the loader holds the store; a load cut off by a crash
   * or an error leaves {@link #BULK_MARKER}, and the next {@link #open} empties the store.
   *
   * @throws IllegalStateException when the store is not empty
   */
  public synchronized void bulkLoad(java.util.function.Consumer<org.apache.jena.riot.system.StreamRDF> load,
      Runnable whenLoaded) {
    if (!read(this::isEmpty)) {
      throw new IllegalStateException("the store " + dir + " is not empty: a bulk load is only for a first build");
    }
    Path marker = dir.resolve(BULK_MARKER);
    try {
      Files.writeString(marker, "a bulk load started; if this file is still here, it did not finish\n");
    } catch (java.io.IOException e) {
      throw new StoreException("cannot write " + marker + ": " + e.getMessage(), e);
    }
    // The loader reports progress to a MonitorOutput; the build reports for itself.
    var loader = org.apache.jena.tdb2.loader.LoaderFactory.phasedLoader(dsg, (fmt, args) -> { });
    loader.startBulk();
    long[] sent = {0};
    try {
      load.accept(new org.apache.jena.riot.system.StreamRDFWrapper(loader.stream()) {
        @Override
        public void quad(org.apache.jena.sparql.core.Quad quad) {
          sent[0]++;
          super.quad(quad);
        }
      });
    } catch (RuntimeException | Error e) {
      // Drain the loader's threads and release the store; the marker stays, so the next open empties it.
      try {
        loader.finishBulk();
      } catch (RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    loader.finishBulk();
    checkLoaded(sent[0]);
    whenLoaded.run();
    try {
      Files.delete(marker);
    } catch (java.io.IOException e) {
      throw new StoreException("cannot remove " + marker + ": " + e.getMessage(), e);
    }
  }

  /**
   * Fails unless every quad index holds exactly the quads sent. TDB2's loader threads log and drop
   * an error rather than pass it on, and the load runs outside any transaction: this check is what
   * stands between such a load and a store marked complete with part of its data.
   */
  private void checkLoaded(long sent) {
    read(() -> {
      for (var index : quadIndexes()) {
        long held = index.size();
        if (held != sent) {
          throw new StoreException("the bulk load of " + dir + " did not complete: index " + index.getName()
              + " holds " + held + " quads where " + sent + " were sent; the store is emptied when next"
              + " opened, and the next build loads it again", null);
        }
      }
      return null;
    });
  }

  /** TDB2's indexes of the named graphs' quads (GSPO and the others), each holding every quad. */
  private org.apache.jena.tdb2.store.tupletable.TupleIndex[] quadIndexes() {
    return TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes();
  }

  /** The dataset; its default graph is the union of the named graphs. */
  public DatasetGraph datasetGraph() {
    return dsg;
  }

  public Dataset dataset() {
    return org.apache.jena.query.DatasetFactory.wrap(dsg);
  }

  public <T> T read(Supplier<T> action) {
    return Txn.calculateRead(dsg, action);
  }

  public void write(Runnable action) {
    Txn.executeWrite(dsg, action);
  }

  /**
   * Replaces a named graph's content by its difference: triples no longer there are deleted, new
   * ones added, the rest left alone; each delete and add is reported to {@code changes} (so a change
   * set lists exactly what moved). Call inside {@link #write}.
   */
  public void replaceGraph(Node graphName, Graph content, RDFChanges changes) {
    Graph target = dsg.getGraph(graphName);
    // A new graph (every graph of a first build) has nothing to compare with: one look-up, not one per triple.
    boolean isNew = target.isEmpty();
    List<Triple> gone = new ArrayList<>();
    if (!isNew) {
      target.find().forEachRemaining(t -> {
        if (!content.contains(t)) {
          gone.add(t);
        }
      });
    }
    List<Triple> fresh = new ArrayList<>();
    content.find().forEachRemaining(t -> {
      if (isNew || !target.contains(t)) {
        fresh.add(t);
      }
    });
    for (Triple t : gone) {
      dsg.delete(graphName, t.getSubject(), t.getPredicate(), t.getObject());
      changes.delete(graphName, t.getSubject(), t.getPredicate(), t.getObject());
    }
    for (Triple t : fresh) {
      dsg.add(graphName, t.getSubject(), t.getPredicate(), t.getObject());
      changes.add(graphName, t.getSubject(), t.getPredicate(), t.getObject());
    }
  }

  /** Drops a named graph, reporting each of its triples to {@code changes}; call inside {@link #write}. */
  public void removeGraph(Node graphName, RDFChanges changes) {
    List<Triple> gone = dsg.getGraph(graphName).find().toList();
    for (Triple t : gone) {
      dsg.delete(graphName, t.getSubject(), t.getPredicate(), t.getObject());
      changes.delete(graphName, t.getSubject(), t.getPredicate(), t.getObject());
    }
  }

  /**
   * Names of the graphs whose IRI starts with one of {@code prefixes}, those of the first prefix
   * first, from one listing of the graphs; call inside a transaction.
   */
  public List<Node> graphNames(String... prefixes) {
    var byPrefix = new ArrayList<List<Node>>();
    for (int i = 0; i < prefixes.length; i++) {
      byPrefix.add(new ArrayList<>());
    }
    dsg.listGraphNodes().forEachRemaining(g -> {
      for (int i = 0; g.isURI() && i < prefixes.length; i++) {
        if (g.getURI().startsWith(prefixes[i])) {
          byPrefix.get(i).add(g);
          break;
        }
      }
    });
    var names = new ArrayList<Node>();
    byPrefix.forEach(names::addAll);
    return names;
  }

  /** Releases the store and its lock, so another process may open it. */
  @Override
  public void close() {
    TDBInternal.expel(dsg);
  }
}

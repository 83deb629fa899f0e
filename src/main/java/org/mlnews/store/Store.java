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
import org.apache.jena.rdfpatch.changes.RDFChangesNoOp;
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
  private final Path dir;
  private final DatasetGraph dsg;

  private Store(Path dir, DatasetGraph dsg) {
    this.dir = dir;
    this.dsg = dsg;
  }

  /** Opens or creates the store in {@code dir}. */
  public static Store open(Path dir) {
    Objects.requireNonNull(dir, "dir");
    try {
      Files.createDirectories(dir);
      DatasetGraph dsg = DatabaseMgr.connectDatasetGraph(dir.toString());
      dsg.getContext().set(TDB2.symUnionDefaultGraph, true);
      return new Store(dir, dsg);
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

  /** Replaces a named graph's content; call inside {@link #write}. */
  public void replaceGraph(Node graphName, Graph content) {
    replaceGraph(graphName, content, new RDFChangesNoOp());
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

  /** Names of the graphs whose IRI starts with {@code prefix}; call inside a transaction. */
  public List<Node> graphNames(String prefix) {
    var names = new ArrayList<Node>();
    dsg.listGraphNodes().forEachRemaining(g -> {
      if (g.isURI() && g.getURI().startsWith(prefix)) {
        names.add(g);
      }
    });
    return names;
  }

  /** Releases the store and its lock, so another process may open it. */
  @Override
  public void close() {
    TDBInternal.expel(dsg);
  }
}

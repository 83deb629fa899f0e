package org.mlnews.changes;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.rdfpatch.RDFChanges;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.rdfpatch.text.RDFChangesWriterText;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;

/**
 * The quads one build (or a run of builds) deleted and added, in memory. It is an
 * {@link RDFChanges} sink, so the store reports into it as it writes; a delete and an add of the
 * same quad cancel out. {@link #writePatch} writes it as one RDF Patch transaction, deletes before
 * adds, each group sorted by graph and then by the quad's N-Triples form, so the same changes always
 * give the same bytes.
 *
 * <pre>{@code
 * ChangeSet changes = new ChangeSet();
 * store.write(() -> store.replaceGraph(graphName, freshGraph, changes));
 * System.out.println("+" + changes.added().size() + " -" + changes.deleted().size());
 * }</pre>
 */
public final class ChangeSet extends RDFChangesBase {
  private final Set<Quad> added = new LinkedHashSet<>();
  private final Set<Quad> deleted = new LinkedHashSet<>();

  @Override
  public void add(Node g, Node s, Node p, Node o) {
    Quad q = Quad.create(g, s, p, o);
    if (!deleted.remove(q)) {
      added.add(q);
    }
  }

  @Override
  public void delete(Node g, Node s, Node p, Node o) {
    Quad q = Quad.create(g, s, p, o);
    if (!added.remove(q)) {
      deleted.add(q);
    }
  }

  public Set<Quad> added() {
    return added;
  }

  public Set<Quad> deleted() {
    return deleted;
  }

  public boolean isEmpty() {
    return added.isEmpty() && deleted.isEmpty();
  }

  /** The graphs with a change, sorted by name. */
  public List<Node> graphs() {
    var names = new TreeSet<String>();
    added.forEach(q -> names.add(q.getGraph().getURI()));
    deleted.forEach(q -> names.add(q.getGraph().getURI()));
    return names.stream().map(org.apache.jena.graph.NodeFactory::createURI).toList();
  }

  /** Writes the changes as an RDF Patch with the given headers (in order), then one transaction. */
  public void writePatch(OutputStream out, Map<String, Node> headers) {
    RDFChangesWriterText w = RDFChangesWriterText.create(new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws java.io.IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws java.io.IOException {
        flush(); // the caller owns the stream (it may be stdout)
      }
    });
    w.start();
    headers.forEach(w::header);
    w.txnBegin();
    for (Quad q : sorted(deleted)) {
      w.delete(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }
    for (Quad q : sorted(added)) {
      w.add(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject());
    }
    w.txnCommit();
    w.finish();
    w.close();
  }

  /** Quads by graph name, then by their N-Triples form: a stable order for the same content. */
  static List<Quad> sorted(Collection<Quad> quads) {
    record Keyed(String key, Quad quad) {}
    var keyed = new ArrayList<Keyed>(quads.size());
    for (Quad q : quads) {
      keyed.add(new Keyed(NodeFmtLib.strNT(q.getGraph()) + " " + NodeFmtLib.strNT(q.getSubject()) + " "
          + NodeFmtLib.strNT(q.getPredicate()) + " " + NodeFmtLib.strNT(q.getObject()), q));
    }
    keyed.sort(Comparator.comparing(Keyed::key));
    return keyed.stream().map(Keyed::quad).toList();
  }
}

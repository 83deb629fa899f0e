package org.mlnews.changes;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdfpatch.changes.RDFChangesBase;
import org.apache.jena.sparql.core.Quad;

/**
 * The quads one build (or a run of builds) deleted and added, in memory. It is an
 * {@link org.apache.jena.rdfpatch.RDFChanges} sink, so the store reports into it as it writes; a
 * delete and an add of the same quad cancel out. {@link #writeTo} writes it as a {@link PatchBody}
 * (deletes before adds, graph by graph, each graph's lines sorted), so the same changes always give
 * the same bytes.
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

  /** Writes the deletes, then the adds, to {@code body}, one block per graph. */
  public void writeTo(PatchBody body) {
    blocks(deleted, false).forEach(body::write);
    blocks(added, true).forEach(body::write);
  }

  /**
   * Writes the changes as a whole RDF Patch: the given headers (in order), then the body. The
   * caller owns {@code out}.
   */
  public void writePatch(OutputStream out, Map<String, Node> headers) {
    ChangeLog.writeHeaders(out, headers);
    try (PatchBody body = PatchBody.to(out)) {
      writeTo(body);
      body.finish();
    }
  }

  /** One block per graph, in {@link PatchBody#GRAPH_ORDER}. */
  private static List<PatchBody.Block> blocks(Collection<Quad> quads, boolean add) {
    var byGraph = new TreeMap<Node, List<Triple>>(PatchBody.GRAPH_ORDER);
    for (Quad q : quads) {
      byGraph.computeIfAbsent(q.getGraph(), k -> new ArrayList<>()).add(q.asTriple());
    }
    var blocks = new ArrayList<PatchBody.Block>(byGraph.size());
    byGraph.forEach((graph, triples) -> blocks.add(PatchBody.Block.of(graph, add, triples)));
    return blocks;
  }
}

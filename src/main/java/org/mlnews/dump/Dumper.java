package org.mlnews.dump;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.mlnews.store.Store;

/**
 * Writes the store in any {@link DumpFormat}, deterministically: graphs in name order, each
 * graph's triples sorted by their N-Triples line, blank nodes with labels computed from the data
 * ({@link Canonical}), prefixes fixed ({@link Prefixes}). The same data gives the same bytes, in
 * any store, whatever order it was loaded in.
 *
 * <p>Memory: one graph is held at a time (to sort it and label its blank nodes); the quad formats
 * write it and move on. The triple formats hold the union, each triple once, so their lines go
 * through a {@link LineSorter} that keeps at most {@code runLines} lines in memory and merges
 * sorted runs from temporary files beyond that. N-Triples and N-Quads therefore stream; Turtle,
 * JSON-LD and RDF/XML are written from the same sorted stream, subject by subject, and hold only
 * the triples that involve blank nodes besides.
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("store"));
 *      OutputStream out = Files.newOutputStream(Path.of("mlnews.nt"))) {
 *   new Dumper(store).write(DumpFormat.NTRIPLES, out);
 * }
 * }</pre>
 */
public final class Dumper {
  /** Lines held in memory before a sorted run goes to a temporary file. */
  public static final int DEFAULT_RUN_LINES = 200_000;

  private final Store store;
  private final int runLines;

  public Dumper(Store store) {
    this(store, DEFAULT_RUN_LINES);
  }

  /** A dumper whose triple formats sort in runs of {@code runLines} lines. */
  public Dumper(Store store, int runLines) {
    this.store = store;
    if (runLines < 1) {
      throw new IllegalArgumentException("Illegal runLines=" + runLines + " : must be at least 1");
    }
    this.runLines = runLines;
  }

  /** Writes every named graph of the store to {@code out} (flushed, not closed), in one read transaction. */
  public void write(DumpFormat format, OutputStream out) {
    store.read(() -> {
      write(store.datasetGraph(), format, out, runLines);
      return null;
    });
  }

  /** Writes the named graphs of {@code dsg}; inside a read transaction when it is transactional. */
  public static void write(DatasetGraph dsg, DumpFormat format, OutputStream out, int runLines) {
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    try {
      List<Node> graphs = graphNames(dsg);
      if (format == DumpFormat.NQUADS) {
        for (Node g : graphs) {
          for (Canonical.Row r : Canonical.rows(dsg.getGraph(g).find(), g.getURI())) {
            w.write(Terms.quadLine(r.line(), g));
            w.write('\n');
          }
        }
      } else if (format == DumpFormat.TRIG) {
        var trig = new TurtleWriter(w);
        trig.start();
        for (Node g : graphs) {
          List<Canonical.Row> rows = Canonical.rows(dsg.getGraph(g).find(), g.getURI());
          var nesting = new Nesting();
          rows.forEach(r -> nesting.accept(r.triple()));
          trig.startGraph(g, nesting.seal());
          bySubject(rows.stream().map(Canonical.Row::triple).iterator(), trig);
          trig.endGraph();
        }
        trig.finish();
      } else {
        try (var sorter = new LineSorter(runLines)) {
          var nesting = new Nesting();
          for (Node g : graphs) {
            for (Canonical.Row r : Canonical.rows(dsg.getGraph(g).find(), g.getURI())) {
              sorter.add(r.line());
              nesting.accept(r.triple());
            }
          }
          writeTriples(format, sorter.sorted(), nesting.seal(), w);
        }
      }
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one graph (the dataset description, say) in a triple format. */
  public static void write(Graph graph, DumpFormat format, OutputStream out) {
    if (format.quads()) {
      throw new IllegalArgumentException("Illegal format=" + format.token()
          + " : a single graph is written in a triple format (turtle, ntriples, jsonld, rdfxml)");
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    try {
      List<Canonical.Row> rows = Canonical.rows(graph.find(), "");
      var nesting = new Nesting();
      rows.forEach(r -> nesting.accept(r.triple()));
      writeTriples(format, rows.stream().map(Canonical.Row::line).iterator(), nesting.seal(), w);
      w.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes sorted, distinct N-Triples lines in a triple format. */
  private static void writeTriples(DumpFormat format, Iterator<String> lines, Nesting nesting, Writer w)
      throws IOException {
    if (format == DumpFormat.NTRIPLES) {
      while (lines.hasNext()) {
        w.write(lines.next());
        w.write('\n');
      }
      return;
    }
    SubjectWriter writer = switch (format) {
      case TURTLE -> new TurtleWriter(w, nesting);
      case JSONLD -> new JsonLdWriter(w);
      case RDFXML -> new RdfXmlWriter(w);
      default -> throw new IllegalArgumentException("not a triple format: " + format);
    };
    writer.start();
    bySubject(new Iterator<>() {
      @Override
      public boolean hasNext() {
        return lines.hasNext();
      }

      @Override
      public Triple next() {
        return Terms.parseLine(lines.next());
      }
    }, writer);
    writer.finish();
  }

  /** Hands triples in line order to the writer, one subject at a time. */
  private static void bySubject(Iterator<Triple> triples, SubjectWriter writer) throws IOException {
    List<Triple> group = new ArrayList<>();
    while (triples.hasNext()) {
      Triple t = triples.next();
      if (!group.isEmpty() && !group.get(0).getSubject().equals(t.getSubject())) {
        writer.subject(group.get(0).getSubject(), group);
        group = new ArrayList<>();
      }
      group.add(t);
    }
    if (!group.isEmpty()) {
      writer.subject(group.get(0).getSubject(), group);
    }
  }

  /** The named graphs, sorted by IRI. */
  static List<Node> graphNames(DatasetGraph dsg) {
    var names = new ArrayList<String>();
    dsg.listGraphNodes().forEachRemaining(g -> {
      if (g.isURI()) {
        names.add(g.getURI());
      }
    });
    names.sort(Terms.CODE_POINT_ORDER);
    return names.stream().map(NodeFactory::createURI).toList();
  }
}

package org.mlnews.validate;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandlerFactory;
import org.apache.jena.riot.RDFParserBuilder;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.graph.GraphUnionRead;
import org.apache.jena.sparql.path.P_Link;
import org.mlnews.dump.DumpFormat;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.RdfFiles;
import org.mlnews.store.Store;

/**
 * Validates the store, or a dump file, against the SHACL shapes ({@code ontology/shapes.ttl}) with
 * Jena SHACL.
 *
 * <p>What is validated is the data: the union of the issue graphs and the topic scheme. The
 * ontology graph is left out: it is vocabulary, not data (its classes and individuals are not
 * what the shapes describe). In a quad dump (N-Quads, TriG) the ontology graph is left out by
 * name; in a triple dump, the triples of {@code ontology/mlnews.ttl} are taken away.
 *
 * <pre>{@code
 * Validator validator = Validator.load(Path.of("ontology"));
 * Report report = validator.validate(store, iris);
 * report.print(out);
 * if (!report.conforms()) { ... }
 * }</pre>
 */
public final class Validator {
  private final Shapes shapes;
  private final Path ontologyDir;

  private Validator(Shapes shapes, Path ontologyDir) {
    this.shapes = shapes;
    this.ontologyDir = ontologyDir;
  }

  /** The validator of {@code ontologyDir/shapes.ttl}. */
  public static Validator load(Path ontologyDir) {
    Path file = ontologyDir.resolve("shapes.ttl");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("no shapes: " + file + " does not exist");
    }
    return new Validator(Shapes.parse(RdfFiles.read(file)), ontologyDir);
  }

  /** Validates the store's graphs but the ontology graph, in a read transaction. */
  public Report validate(Store store, Iris iris) {
    return store.read(() -> {
      DatasetGraph dsg = store.datasetGraph();
      var names = new ArrayList<Node>();
      dsg.listGraphNodes().forEachRemaining(g -> {
        if (!g.equals(iris.ontologyGraph())) {
          names.add(g);
        }
      });
      Graph data = new GraphUnionRead(dsg, names);
      return validate(data, "store " + store.dir());
    });
  }

  /**
   * Validates a dump file in any dump format, gzipped or not (read into memory).
   *
   * @throws IllegalArgumentException when the file does not parse (file, line and column)
   */
  public Report validate(Path file, Iris iris) {
    DatasetGraph dsg = DatasetGraphFactory.create();
    String name = file.getFileName().toString();
    try (InputStream in = name.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(file), 1 << 16)
        : new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      RDFParserBuilder parser = RDFParser.source(in).base(file.toUri().toString())
          .errorHandler(ErrorHandlerFactory.errorHandlerNoLogging)
          .lang(DumpFormat.forFileName(name).map(DumpFormat::lang)
              .orElseGet(() -> RDFLanguages.filenameToLang(name.replaceFirst("\\.gz$", ""), Lang.TURTLE)));
      parser.parse(dsg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RiotException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
    Graph data = GraphFactory.createDefaultGraph();
    dsg.getDefaultGraph().find().forEach(data::add);
    dsg.listGraphNodes().forEachRemaining(g -> {
      if (!g.equals(iris.ontologyGraph())) {
        dsg.getGraph(g).find().forEach(data::add);
      }
    });
    if (!dsg.getDefaultGraph().isEmpty()) {
      // A triple dump: the ontology's triples are in the one graph; take them away.
      Graph ontology = RdfFiles.read(ontologyDir.resolve("mlnews.ttl"));
      ontology.find().forEach(t -> {
        if (!t.getSubject().isBlank() && !t.getObject().isBlank()) {
          data.delete(t);
        }
      });
    }
    return validate(data, "file " + file);
  }

  /** Validates a graph as it is. */
  public Report validate(Graph data, String source) {
    ValidationReport r = ShaclValidator.get().validate(shapes, data);
    var findings = new ArrayList<Finding>();
    for (ReportEntry e : r.getEntries()) {
      String path = e.resultPath() == null ? null
          : e.resultPath() instanceof P_Link link ? Report.show(link.getNode()) : e.resultPath().toString();
      findings.add(new Finding(severity(e), e.focusNode(), path, Objects.toString(e.message(), ""),
          e.value(), e.source(), e.sourceConstraintComponent()));
    }
    findings.sort(Comparator.comparing((Finding f) -> Report.show(f.focus()))
        .thenComparing(f -> Objects.toString(f.path(), ""))
        .thenComparing(Finding::message)
        .thenComparing(f -> Report.show(f.value())));
    return new Report(source, data.size(), List.copyOf(findings), r.getGraph());
  }

  private static String severity(ReportEntry e) {
    Node s = e.severity().level();
    String iri = s.getURI();
    return iri.substring(iri.lastIndexOf('#') + 1);
  }
}

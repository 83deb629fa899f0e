package org.mlnews.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlnews.changes.ChangeLog;
import org.mlnews.dump.Describer;
import org.mlnews.dump.DumpFormat;
import org.mlnews.dump.Dumper;
import org.mlnews.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dump", description = {
    "Write the store as RDF, the same data always as the same bytes.",
    "turtle, ntriples, jsonld, rdfxml: the union of the graphs, each triple once;",
    "nquads, trig: one named graph per issue. ntriples and nquads stream.",
    "--since BUILD: what the builds after BUILD changed, as one RDF Patch.",
    "--void: the dataset's VoID/DCAT description."})
final class DumpCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT",
      description = "turtle, ntriples, nquads, trig, jsonld, rdfxml. Default: from the --output file's extension, "
          + "else nquads (turtle with --void).")
  String format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE",
      description = "Write to FILE instead of standard output (whole or not at all). A name ending in .gz is gzipped.")
  Path output;

  @Option(names = {"-z", "--gzip"}, description = "Gzip the output.")
  boolean gzip;

  @Option(names = "--since", paramLabel = "BUILD",
      description = "Only what the builds after BUILD changed, as one RDF Patch (see 'mlnews changes'; 0: everything recorded).")
  Integer since;

  @Option(names = "--void", description = "Write the dataset's VoID/DCAT description instead of the data.")
  boolean describe;

  @Option(names = "--endpoint", paramLabel = "URL", description = "With --void: the SPARQL endpoint to name in it.")
  String endpoint;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    if (since != null && describe) {
      throw new Cli.UsageException("--since and --void do not go together");
    }
    if (since != null) {
      if (format != null && !format.equalsIgnoreCase("patch")) {
        throw new Cli.UsageException("--since writes an RDF Patch; --format " + format + " does not apply");
      }
      // Change sets are files beside the store: no need to open it (it may be serving).
      var log = ChangeLog.of(options.existingStoreFolder());
      try (Output o = Output.open(output, gzip, out)) {
        try {
          log.writeSince(since, o.stream());
        } catch (IllegalArgumentException e) {
          throw new Cli.UsageException(e.getMessage());
        }
        o.commit();
      }
      return Cli.OK;
    }
    DumpFormat fmt = format(describe ? DumpFormat.TURTLE : DumpFormat.NQUADS);
    if (describe && fmt.quads()) {
      throw new Cli.UsageException("the description is one graph: use turtle, ntriples, jsonld or rdfxml");
    }
    try (Store store = options.existingStore()) {
      if (store.read(() -> store.graphNames(options.iris().issueGraphPrefix()).isEmpty())) {
        spec.commandLine().getErr().println("note: the store " + options.store
            + " holds no issues; run 'mlnews build' first");
        spec.commandLine().getErr().flush();
      }
      try (Output o = Output.open(output, gzip, out)) {
        if (describe) {
          var describer = Describer.load(options.ontology, options.iris());
          Dumper.write(describer.describe(store, Describer.Publication.endpoint(endpoint)), fmt, o.stream());
        } else {
          new Dumper(store).write(fmt, o.stream());
        }
        o.commit();
      }
    }
    return Cli.OK;
  }

  private DumpFormat format(DumpFormat fallback) {
    if (format != null) {
      try {
        return DumpFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new Cli.UsageException(e.getMessage());
      }
    }
    if (output != null) {
      return DumpFormat.forFileName(output.getFileName().toString()).orElseThrow(() -> new Cli.UsageException(
          "cannot tell the format from the name " + output.getFileName() + "; give --format"));
    }
    return fallback;
  }
}

package org.mlnews.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlnews.dump.DumpFormat;
import org.mlnews.dump.Dumper;
import org.mlnews.store.Store;
import org.mlnews.validate.Report;
import org.mlnews.validate.Validator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = {
    "Check the store, or a dump file, against the SHACL shapes (ONTOLOGY/shapes.ttl).",
    "Prints each finding (focus node, path, message) and a summary; exits 1 when there is a violation."})
final class ValidateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(names = "--file", paramLabel = "FILE",
      description = "A dump file to check instead of the store (any dump format, gzipped or not).")
  Path file;

  @Option(names = {"-f", "--format"}, defaultValue = "text", paramLabel = "FORMAT",
      description = "text, or turtle for the SHACL validation report as RDF. Default: ${DEFAULT-VALUE}")
  String format;

  @Override
  public Integer call() throws IOException {
    if (!format.equalsIgnoreCase("text") && !format.equalsIgnoreCase("turtle")) {
      throw new Cli.UsageException("Unknown format '" + format + "' : expected text or turtle");
    }
    Validator validator = Validator.load(options.ontology);
    Report report;
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new Cli.UsageException("no such file: " + file);
      }
      report = validator.validate(file, options.iris());
    } else {
      try (Store store = options.existingStore()) {
        report = validator.validate(store, options.iris());
      }
    }
    var out = spec.commandLine().getOut();
    if (format.equalsIgnoreCase("turtle")) {
      try (Output o = Output.open(null, false, out)) {
        Dumper.write(report.graph(), DumpFormat.TURTLE, o.stream());
        o.commit();
      }
    } else {
      report.print(out);
    }
    return report.conforms() ? Cli.OK : Cli.FAILURE;
  }
}

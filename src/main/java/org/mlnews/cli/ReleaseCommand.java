package org.mlnews.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.mlnews.dump.Describer;
import org.mlnews.dump.Release;
import org.mlnews.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "release", description = {
    "Write a dated, versioned release into DIR/VERSION: every dump format gzipped, the VoID/DCAT description",
    "(void.ttl, with each dump's URL, size and checksum) and SHA256SUMS. An existing release is never overwritten."})
final class ReleaseCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Parameters(paramLabel = "DIR", description = "The folder that holds the releases.")
  Path dir;

  // --version names the release here, so the inherited -h/-V pair does not apply; help alone does.
  @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
  boolean help;

  @Option(names = "--version", paramLabel = "VERSION", description = "The release's version. Default: its date.")
  String version;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "The release's date. Default: the day of the last build.")
  String date;

  @Option(names = "--download-url", paramLabel = "URL",
      description = "Where the release folders are published; the dumps are at URL/VERSION/FILE. Default: BASE/releases/")
  String downloadUrl;

  @Option(names = "--endpoint", paramLabel = "URL",
      description = "The public SPARQL endpoint to name. Default: BASE/mlnews/sparql")
  String endpoint;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    Release release;
    try {
      release = Release.options().version(version).downloadBase(downloadUrl).endpoint(endpoint)
          .date(date == null ? null : LocalDate.parse(date));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new Cli.UsageException(e.getMessage());
    }
    try (Store store = options.existingStore()) {
      var r = release.write(store, Describer.load(options.ontology, options.iris()), dir);
      out.println("release " + r.version() + " in " + r.dir());
      for (Path f : r.files()) {
        out.println(String.format("  %-40s %,12d bytes", f.getFileName(), f.toFile().length()));
      }
      out.flush();
    }
    return Cli.OK;
  }
}

package org.mlnews.cli;

import java.util.concurrent.Callable;
import org.mlnews.build.BuildReport;
import org.mlnews.build.Builder;
import org.mlnews.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "build", description = "Read the data folder and bring the TDB2 store up to date (incremental).")
final class BuildCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Option(names = {"-v", "--verbose"}, description = "List every warning.")
  boolean verbose;

  @Override
  public Integer call() {
    var builder = new Builder(options.data, options.ontology, options.iris());
    try (Store store = Store.open(options.store)) {
      return report(builder.build(store), spec.commandLine().getOut(), spec.commandLine().getErr(), verbose);
    }
  }

  /** Prints a build report; shared with {@code serve}. Returns the exit code it calls for. */
  static int report(BuildReport r, java.io.PrintWriter out, java.io.PrintWriter err, boolean verbose) {
    r.notes().forEach(n -> out.println("note: " + n));
    r.added().forEach(s -> out.println("added     " + s));
    r.updated().forEach(s -> out.println("updated   " + s));
    r.removed().forEach(s -> out.println("removed   " + s));
    r.warnings().forEach((slug, ws) -> {
      out.println("warnings  " + slug + ": " + ws.size());
      if (verbose) {
        ws.forEach(w -> out.println("  line " + w.line() + " [" + w.code() + "] " + w.message()));
      }
    });
    r.failed().forEach(e -> err.println("failed    " + e.getMessage()));
    out.println(r.summary());
    out.flush();
    err.flush();
    return r.ok() ? Cli.OK : Cli.FAILURE;
  }
}

package org.mlnews.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.mlnews.changes.ChangeLog;
import org.mlnews.rdf.Iris;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "changes", description = {
    "List the builds that changed the store, or print one build's change set (an RDF Patch).",
    "Change sets live in STORE/changes; 'dump --since BUILD' joins those after BUILD into one patch."})
final class ChangesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin StoreOptions options;

  @Parameters(arity = "0..1", paramLabel = "BUILD", description = "The build whose patch to print.")
  Integer build;

  @Override
  public Integer call() throws IOException {
    var out = spec.commandLine().getOut();
    // Only the change files are read, not the store, so this works while the store is serving.
    var log = ChangeLog.of(options.existingStoreFolder());
    var entries = log.entries();
    if (build != null) {
      if (log.entry(build).isEmpty()) {
        throw new Cli.UsageException("no change set " + build + " in " + log.dir()
            + (entries.isEmpty() ? " (there are none yet)"
                : "; there are " + entries.get(0).build() + " to " + entries.get(entries.size() - 1).build()));
      }
      out.print(Files.readString(log.patchFile(build)));
      out.flush();
      return Cli.OK;
    }
    if (entries.isEmpty()) {
      out.println("no change sets in " + log.dir() + " (each build that changes the store records one)");
      out.flush();
      return Cli.OK;
    }
    Iris iris = options.iris();
    out.println(String.format("%5s  %-24s %8s %8s  %s", "build", "time", "added", "removed", "graphs"));
    for (var e : entries) {
      var names = e.graphs().stream().map(g -> shortName(g, iris)).toList();
      out.println(String.format("%5d  %-24s %8d %8d  %s", e.build(),
          e.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), e.added(), e.removed(),
          String.join(" ", names)));
    }
    out.flush();
    return Cli.OK;
  }

  /** An issue graph by its slug, a trend graph as trend/YEAR, the ontology and topic graphs by those words. */
  static String shortName(String graph, Iris iris) {
    if (graph.startsWith(iris.issueGraphPrefix())) {
      return graph.substring(iris.issueGraphPrefix().length());
    } else if (graph.startsWith(iris.trendGraphPrefix())) {
      return "trend/" + graph.substring(iris.trendGraphPrefix().length());
    } else if (graph.equals(iris.ontologyGraph().getURI())) {
      return "ontology";
    } else if (graph.equals(iris.topicsGraph().getURI())) {
      return "topics";
    }
    return "<" + graph + ">";
  }
}

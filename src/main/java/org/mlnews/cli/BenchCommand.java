package org.mlnews.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlnews.bench.Bench;
import org.mlnews.bench.BenchReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "bench", description = {
    "Measure mlnews on synthetic corpora: full build beside RIOT + the TDB2 bulk loader, an incremental",
    "build, the named queries (direct and HTTP), pages per second, serve with a small heap, heap and disk.",
    "Prints a Markdown table and writes the figures as JSON."})
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--issues", split = ",", defaultValue = "100,1000,10000", paramLabel = "N[,N...]",
      description = "Corpus sizes. Default: ${DEFAULT-VALUE}")
  List<Integer> issues;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the synthetic corpora. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--work", defaultValue = "target/bench", paramLabel = "DIR",
      description = "Folder for corpora and stores. Default: ${DEFAULT-VALUE}")
  Path work;

  @Option(names = "--out", defaultValue = "bench.json", paramLabel = "FILE",
      description = "Where to write the JSON report. Default: ${DEFAULT-VALUE}")
  Path out;

  @Option(names = "--ontology", defaultValue = "ontology", description = "Default: ${DEFAULT-VALUE}")
  Path ontology;

  @Option(names = "--queries", defaultValue = "queries", description = "Default: ${DEFAULT-VALUE}")
  Path queries;

  @Option(names = "--runs", defaultValue = "200", description = "Timed runs of each query, each way. Default: ${DEFAULT-VALUE}")
  int runs;

  @Option(names = "--warmup", defaultValue = "20", description = "Untimed runs first. Default: ${DEFAULT-VALUE}")
  int warmup;

  @Option(names = "--query-seconds", defaultValue = "30",
      description = "Most time spent timing one query one way; at least 5 runs. Default: ${DEFAULT-VALUE}")
  double querySeconds;

  @Option(names = "--clients", defaultValue = "4", description = "Concurrent HTTP clients for pages/s. Default: ${DEFAULT-VALUE}")
  int clients;

  @Option(names = "--page-seconds", defaultValue = "10", description = "How long pages/s runs. Default: ${DEFAULT-VALUE}")
  double pageSeconds;

  @Option(names = "--page", paramLabel = "PATH", description = "Another server path to load in pages/s (repeatable), e.g. a browser page.")
  List<String> pages = new ArrayList<>();

  @Option(names = "--serve-heap", defaultValue = "512m", paramLabel = "SIZE",
      description = "Heap of the child JVM that runs serve under load; 'none' skips it. Default: ${DEFAULT-VALUE}")
  String serveHeap;

  @Option(names = "--quick", description = "A smoke run: no warm-up, few query runs, 1 s of pages, no child serve (sizes stay as given).")
  boolean quick;

  @Option(names = "--keep", description = "Keep the corpora and stores in the work folder.")
  boolean keep;

  @Override
  public Integer call() throws IOException {
    Bench bench;
    try {
      var b = Bench.builder().sizes(issues).seed(seed).work(work).ontology(ontology).queries(queries)
          .runs(quick ? 5 : runs).warmup(quick ? 2 : warmup).clients(clients)
          .pageTime(Duration.ofMillis(Math.round((quick ? 1 : pageSeconds) * 1000)))
          .queryBudget(Duration.ofMillis(Math.round((quick ? 2 : querySeconds) * 1000)))
          .serveHeap(quick || serveHeap.equals("none") ? null : serveHeap).keep(keep).warmUp(!quick);
      pages.forEach(b::page);
      bench = b.build();
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage());
    }
    var w = spec.commandLine().getOut();
    BenchReport report = bench.run(w);
    Files.writeString(out, report.toJson(), StandardCharsets.UTF_8);
    w.println();
    w.println("Machine: " + report.machineLine());
    w.println();
    w.print(report.table());
    w.println();
    w.println("written to " + out);
    w.flush();
    return Cli.OK;
  }
}

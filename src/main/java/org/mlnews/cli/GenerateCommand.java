package org.mlnews.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mlnews.generate.Generator;
import org.mlnews.issue.WeekRef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "generate", description = {
    "Write a synthetic corpus of issues in the newsletter's Markdown layout (Chinese and English),",
    "for benchmarks: the same seed gives the same files."})
final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--issues", required = true, paramLabel = "N", description = "How many issues.")
  int issues;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed. Default: ${DEFAULT-VALUE}")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the issues into.")
  Path out;

  @Option(names = "--start", defaultValue = "2020-W37", paramLabel = "YYYY-Www",
      description = "Week of the first issue. Default: ${DEFAULT-VALUE}")
  String start;

  @Option(names = "--per-week", defaultValue = "1", paramLabel = "K",
      description = "Newsletters side by side, one issue each per week (the build warns duplicate-week on each when K > 1). Default: ${DEFAULT-VALUE}")
  int perWeek;

  @Option(names = "--english", defaultValue = "0.3", paramLabel = "SHARE",
      description = "Share of issues in English, the rest in Chinese. Default: ${DEFAULT-VALUE}")
  double english;

  @Override
  public Integer call() {
    Generator generator;
    try {
      generator = Generator.builder().issues(issues).seed(seed).start(week(start)).perWeek(perWeek)
          .englishShare(english).build();
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage());
    }
    if (java.nio.file.Files.isDirectory(out)) {
      try (var files = java.nio.file.Files.list(out)) {
        long issuesThere = files.filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".json")).count();
        if (issuesThere > 0) {
          // Old files would stay beside the new ones and be built with them.
          throw new Cli.UsageException("--out " + out + " already holds " + issuesThere
              + " issue files; give an empty or new folder");
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("cannot list " + out, e);
      }
    }
    var corpus = generator.generate(out);
    var list = corpus.issues();
    long entries = list.stream().mapToLong(Generator.GeneratedIssue::entries).sum();
    long mentions = list.stream().mapToLong(i -> i.paperIds().size()).sum();
    var w = spec.commandLine().getOut();
    w.println("wrote " + list.size() + " issues (" + corpus.newsletters() + " per week, "
        + list.get(0).week() + " to " + list.get(list.size() - 1).week() + ") to " + out + ": "
        + entries + " entries, " + corpus.distinctPapers() + " papers (" + (mentions - corpus.distinctPapers())
        + " features of papers seen before), " + corpus.bytes() / 1024 + " KiB");
    w.flush();
    return Cli.OK;
  }

  private static WeekRef week(String s) {
    var m = java.util.regex.Pattern.compile("(\\d{4})-W(\\d{1,2})").matcher(s);
    if (!m.matches()) {
      throw new Cli.UsageException("--start " + s + " : expected a week such as 2020-W37");
    }
    try {
      // Week.of checks that the year has that week (2020 has no week 53).
      return org.mlnews.time.Week.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))).ref();
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException("--start " + s + " : " + e.getMessage());
    }
  }
}

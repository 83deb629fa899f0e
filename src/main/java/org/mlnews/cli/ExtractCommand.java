package org.mlnews.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mlnews.build.Extractor;
import org.mlnews.issue.Issue;
import org.mlnews.issue.IssueJson;
import org.mlnews.issue.SourceException;
import org.mlnews.markdown.IssueReader;
import org.mlnews.topics.TopicScheme;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "extract", description = {
    "Print issue files as JSON: one object for one file, an array for several.",
    "A file that cannot be read is named with its line, and the others are still printed (exit 1).",
    "The JSON can be corrected by hand and saved in the data folder as <slug>.json; build then uses it."})
final class ExtractCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Issue files (.md or .json).")
  List<Path> files;

  @Option(names = "--ontology", defaultValue = "ontology", description = "Folder with topics.ttl. Default: ${DEFAULT-VALUE}")
  Path ontology;

  @Override
  public Integer call() throws SourceException {
    var extractor = new Extractor(IssueReader.create(),
        TopicScheme.load(ontology.resolve("topics.ttl")).tagger());
    var issues = new ArrayList<Issue>();
    var err = spec.commandLine().getErr();
    int failed = 0;
    for (Path f : files) {
      try {
        issues.add(extractor.extract(f));
      } catch (SourceException e) {
        // Every bad file is named, and the good ones are still printed, as build loads them.
        err.println("mlnews extract: " + e.getMessage());
        failed++;
      }
    }
    err.flush();
    var out = spec.commandLine().getOut();
    if (files.size() > 1) {
      out.println(IssueJson.write(issues));
    } else if (!issues.isEmpty()) {
      out.println(IssueJson.write(issues.get(0)));
    }
    out.flush();
    return failed == 0 ? Cli.OK : Cli.FAILURE;
  }
}

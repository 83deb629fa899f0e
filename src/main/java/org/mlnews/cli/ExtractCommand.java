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
    for (Path f : files) {
      issues.add(extractor.extract(f));
    }
    var out = spec.commandLine().getOut();
    out.println(IssueJson.write(issues.size() == 1 ? issues.get(0) : issues));
    out.flush();
    return Cli.OK;
  }
}

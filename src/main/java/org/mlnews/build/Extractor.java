package org.mlnews.build;

import java.nio.file.Path;
import java.util.Objects;
import org.mlnews.issue.Issue;
import org.mlnews.issue.IssueJson;
import org.mlnews.issue.SourceException;
import org.mlnews.markdown.IssueReader;
import org.mlnews.rdf.LinkIris;
import org.mlnews.time.DateChecks;
import org.mlnews.topics.TopicTagger;

/**
 * One issue file to one {@link Issue}: Markdown is parsed, its entries tagged with topics and its
 * dates checked against the calendar; a JSON file (a curator's hand-corrected extraction) is taken
 * as it is. Either way, links that cannot be IRIs are dropped with a warning ({@link LinkIris}).
 *
 * <pre>{@code
 * Extractor x = new Extractor(IssueReader.create(), TopicScheme.load(topicsTtl).tagger());
 * Issue issue = x.extract(Path.of("data/akiras-ml-news-week41-2020-ff1938c74adf.md"));
 * }</pre>
 */
public final class Extractor {
  private final IssueReader reader;
  private final TopicTagger tagger;

  public Extractor(IssueReader reader, TopicTagger tagger) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.tagger = Objects.requireNonNull(tagger, "tagger");
  }

  public Issue extract(Path file) throws SourceException {
    if (isJson(file)) {
      return LinkIris.clean(IssueJson.read(file));
    }
    Issue issue = reader.read(file);
    Issue tagged = issue.withEntries(issue.entries().stream()
        .map(e -> e.withTopics(tagger.tag(e.heading(), e.title(), e.summary())))
        .toList());
    return LinkIris.clean(tagged.withWarnings(DateChecks.check(tagged)));
  }

  static boolean isJson(Path file) {
    return file.getFileName().toString().endsWith(".json");
  }
}

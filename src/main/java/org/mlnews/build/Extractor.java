package org.mlnews.build;

import java.nio.charset.StandardCharsets;
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
 * One issue file to one {@link Issue}: Markdown is parsed (the reader checks its dates against the
 * calendar, as it knows their lines) and its entries tagged with topics; a JSON file (a curator's
 * hand-corrected extraction) is taken as it is, but for its dates, which are checked the same way.
 * Either way, links that cannot be IRIs are dropped with a warning ({@link LinkIris}).
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
    return extract(file, org.mlnews.issue.SourceLimits.readSource(file));
  }

  /**
   * Extracts from a file's bytes, read already: a build hashes and extracts the same bytes, so the
   * hash it records is that of the content it stored, even if the file is replaced meanwhile.
   */
  public Issue extract(Path file, byte[] bytes) throws SourceException {
    if (isJson(file)) {
      Issue issue = IssueJson.read(file, bytes);
      String name = file.getFileName().toString();
      String slug = name.substring(0, name.length() - ".json".length());
      if (!issue.slug().equals(slug)) {
        // The build keys graphs by file name: a record naming another issue would put that
        // issue into this file's graph, and two files could then describe one issue.
        throw new SourceException(file, lineOf(bytes, "\"slug\""), 0, "the record's slug \"" + issue.slug()
            + "\" is not the file's name \"" + slug + "\"; rename the file or fix the slug");
      }
      String declaring = issue.week() == null && issue.month() != null ? "\"month\"" : "\"week\"";
      return LinkIris.clean(DateChecks.recheck(issue, lineOf(bytes, declaring), lineOf(bytes, "\"coverageStart\"")));
    }
    Issue issue = reader.read(file, bytes);
    Issue tagged = issue.withEntries(issue.entries().stream()
        .map(e -> e.withTopics(tagger.tag(e.heading(), e.title(), e.summary())))
        .toList());
    return LinkIris.clean(tagged);
  }

  /**
   * The line of a source file where the issue says what it is and when: a Markdown file's title
   * (its first heading), a JSON record's {@code "week"} or {@code "month"} (else its
   * {@code "title"}); 1 when there is none, 0 when the file cannot be read. For the warnings a
   * build gives about an issue's dating, which concern that line.
   */
  static int titleLine(Path file) {
    byte[] bytes;
    try {
      bytes = org.mlnews.issue.SourceLimits.readSource(file);
    } catch (SourceException e) {
      return 0;
    }
    String[] lines = lines(bytes);
    if (isJson(file)) {
      for (String key : new String[] {"\"week\"", "\"month\"", "\"title\""}) {
        int line = lineOf(lines, key);
        if (line > 0) {
          return line;
        }
      }
      return 1;
    }
    for (int i = 0; i < lines.length; i++) {
      if (HEADING.matcher(lines[i]).matches()) {
        return i + 1;
      }
    }
    return 1;
  }

  /** An ATX heading line, as CommonMark reads one. */
  private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile(" {0,3}#{1,6}(\\s.*)?\r?");

  private static String[] lines(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
  }

  /** The first line holding {@code text}, or 0. */
  private static int lineOf(byte[] bytes, String text) {
    return lineOf(lines(bytes), text);
  }

  private static int lineOf(String[] lines, String text) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(text)) {
        return i + 1;
      }
    }
    return 0;
  }

  static boolean isJson(Path file) {
    return file.getFileName().toString().endsWith(".json");
  }
}

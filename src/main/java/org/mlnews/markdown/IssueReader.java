package org.mlnews.markdown;

import java.nio.file.Path;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;

/** TEMPORARY STUB, replaced by the real parser. */
public final class IssueReader {
  public static IssueReader create() {
    return new IssueReader();
  }

  public Issue read(Path file) throws SourceException {
    String slug = file.getFileName().toString().replaceFirst("\\.md$", "");
    return new Issue(slug, null, slug, "zh", new org.mlnews.issue.WeekRef(2020, 41), null, null,
        null, null, null, null, null);
  }
}

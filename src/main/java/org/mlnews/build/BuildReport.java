package org.mlnews.build;

import java.util.List;
import org.mlnews.issue.SourceException;

/**
 * What a build did. {@code failed} files kept their previous graph, if any.
 *
 * @param added     slugs loaded for the first time
 * @param updated   slugs whose graph was replaced
 * @param unchanged slugs skipped because nothing they depend on changed
 * @param removed   slugs whose file is gone, so their graph was dropped
 * @param failed    files that could not be read, with file and line
 * @param warnings  number of warnings per loaded slug (only those with warnings)
 * @param notes     other things worth saying (a JSON file overriding a Markdown file, ...)
 * @param issues    issue graphs in the store after the build
 * @param quadsAdded   quads the build added (its change set)
 * @param quadsRemoved quads the build removed
 */
public record BuildReport(List<String> added, List<String> updated, List<String> unchanged,
    List<String> removed, List<SourceException> failed, java.util.Map<String, List<org.mlnews.issue.Warning>> warnings,
    List<String> notes, long issues, long quadsAdded, long quadsRemoved) {

  public boolean ok() {
    return failed.isEmpty();
  }

  /**
   * One line: "2 issues in store (1 added, 1 updated, 0 unchanged, 0 removed, 0 failed), +1234 -12
   * quads". The change, not the store's size: counting every quad of a large store would cost more
   * than a one-issue build.
   */
  public String summary() {
    return issues + (issues == 1 ? " issue" : " issues") + " in store (" + added.size() + " added, " + updated.size() + " updated, "
        + unchanged.size() + " unchanged, " + removed.size() + " removed, " + failed.size()
        + " failed), +" + quadsAdded + " -" + quadsRemoved + " quads";
  }
}

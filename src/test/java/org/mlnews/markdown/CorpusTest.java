package org.mlnews.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlnews.issue.EntryKind;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;

/**
 * Reads the development corpus (not part of the repository) and pins, per file, how many entries
 * and papers the reader finds. The counts for week-37, week3-2021, #18, issue-34, october-2020
 * and february-2021 were checked entry by entry against their source; the rest guard against
 * regressions.
 *
 * <p>The corpus is looked up at {@code -Dmlnews.corpus=DIR}, else {@code ../shared/corpus/zh};
 * the tests are skipped when it is absent.
 */
class CorpusTest {
  private static final IssueReader READER = IssueReader.create();

  static Path corpus() {
    String configured = System.getProperty("mlnews.corpus");
    return configured != null && !configured.isBlank()
        ? Path.of(configured) : Path.of("..", "shared", "corpus", "zh");
  }

  private static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(corpus())) {
      return s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
    }
  }

  @Test
  void everyFileParsesWithoutException() throws IOException {
    assumeTrue(Files.isDirectory(corpus()), "corpus not found at " + corpus().toAbsolutePath());
    List<Path> files = files();
    assertFalse(files.isEmpty());
    for (Path f : files) {
      try {
        Issue issue = READER.read(f);
        assertFalse(issue.entries().isEmpty(), () -> f + " has no entries");
      } catch (SourceException e) {
        throw new AssertionError("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
  }

  @ParameterizedTest(name = "{0}: {1} entries, {2} papers")
  @CsvSource({
      "akiras-machine-learning-news-18-368e82e8ae4b, 14, 7",
      "akiras-machine-learning-news-20-cd10f379b0d8, 13, 9",
      "akiras-machine-learning-news-22-1e7a47c9c5b2, 13, 8",
      "akiras-machine-learning-news-24-6aeb7942bca8, 13, 7",
      "akiras-machine-learning-news-25-c2b79a3814e2, 11, 6",
      "akiras-machine-learning-news-28-d6bc914a2e1a, 8, 5",
      "akiras-machine-learning-news-issue-29-dab82a5b3cb7, 13, 8",
      "akiras-machine-learning-news-issue-31-d7d5ee127df7, 11, 6",
      "akiras-machine-learning-news-issue-34-55111a45fef7, 11, 7",
      "akiras-machine-learning-news-week-12-2021-c7072495c544, 13, 7",
      "akiras-machine-learning-news-week-9-2021-bdc625ea96b8, 15, 8",
      "akiras-ml-news-december-2020-44f9235fb250, 4, 2",
      "akiras-ml-news-january-2021-34a7249c6bb9, 4, 2",
      "akiras-ml-news-november-2020-a48a3cb75285, 4, 3",
      "akiras-ml-news-october-2020-c7b5b4281d36, 4, 4",
      "akiras-ml-news-week-37-2020-d36447d724bc, 9, 6",
      "akiras-ml-news-week-38-2020-e7269ccafa1b, 14, 6",
      "akiras-ml-news-week-39-2020-39bcee90cf9e, 15, 7",
      "akiras-ml-news-week-40-2020-c23be58525e9, 10, 6",
      "akiras-ml-news-week-6-2021-8b5a822d0926, 18, 9",
      "akiras-ml-news-week-7-2021-8d6517711a17, 17, 10",
      "akiras-ml-news-week3-2021-5c03fb326bfe, 15, 8",
      "akiras-ml-news-week4-2021-ca5b47b4b61a, 16, 8",
      "akiras-ml-news-week42-2020-f6cfe5f3be1f, 10, 4",
      "akiras-ml-news-week43-2020-c4ad1cfa5de7, 13, 7",
      "akiras-ml-news-week45-2020-c58112bd184f, 9, 4",
      "akiras-ml-news-week46-2020-e74a03116ebc, 12, 7",
      "akiras-ml-news-week47-2020-2d6338328113, 15, 9", // one a PDF on the author's site
      "akiras-ml-news-week49-2020-1eef6779d2ed, 12, 9",
      "akiras-ml-news-week51-2020-6fb82b15642d, 13, 8",
      "akiras-ml-news-week52-2020-845556ee3a45, 13, 11",
      "machine-learning-summary-february-2021-fd4d3d1cdc5a, 24, 12"
  })
  void entryAndPaperCounts(String slug, int entries, int papers) throws SourceException {
    Path file = corpus().resolve(slug + ".md");
    assumeTrue(Files.isRegularFile(file), "corpus file not found: " + file);
    Issue issue = READER.read(file);
    assertEquals(entries, issue.entries().size(), "entries of " + slug);
    assertEquals(papers, issue.entries().stream().filter(e -> e.kind() == EntryKind.PAPER).count(),
        "papers of " + slug);
  }
}

package org.mlnews.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall of the tagger against hand-labelled real entries.
 *
 * <p>{@code src/test/resources/topics/labelled.tsv} holds only (slug, heading line, expected
 * topic keys); the text is read from the source file at test time, so no corpus text is copied
 * into the repository. Bundled issues ({@code data/}) always run; corpus rows run when the
 * corpus is there ({@code ../shared/corpus/zh}, or {@code -Dmlnews.corpus=DIR}) and are skipped
 * otherwise.
 *
 * <p>Labelling guideline (how the TSV was made, by reading each entry): a topic is expected when
 * the entry's heading, title, summary or link card names it - in English, in Chinese, or through a
 * recognisable translation error (甘 for GAN, 省道 for DARTS) - or describes it unambiguously, as
 * something the entry is about, proposes, uses or is evaluated on. Passing mentions (a GPU count as
 * a cost, "besides COVID, 2020 was...") and words in an unrelated sense are not topics. As for the
 * tagger, a narrower topic does not imply its broader one; the broader one is expected only when
 * mentioned on its own.
 */
class TaggerAccuracyTest {
  static final Path LABELS = Path.of("src/test/resources/topics/labelled.tsv");
  static final TopicScheme SCHEME = TopicScheme.load(Path.of("ontology/topics.ttl"));

  // Floors: the figures measured when the sample was labelled, minus a small margin (see report).
  static final double DATA_PRECISION_FLOOR = 0.93;
  static final double DATA_RECALL_FLOOR = 0.89;
  static final double ALL_PRECISION_FLOOR = 0.90;
  static final double ALL_RECALL_FLOOR = 0.88;

  record Row(String slug, int line, Set<String> expected) {}

  record Score(int tp, int fp, int fn, int rows) {
    double precision() {
      return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
    }

    @Override
    public String toString() {
      return String.format("%d entries: precision %.3f (%d/%d), recall %.3f (%d/%d)", rows,
          precision(), tp, tp + fp, recall(), tp, tp + fn);
    }
  }

  static List<Row> rows() throws IOException {
    var out = new ArrayList<Row>();
    List<String> lines = Files.readAllLines(LABELS, StandardCharsets.UTF_8);
    assertEquals("slug\tline\ttopics", lines.get(0), "header of " + LABELS);
    for (String l : lines.subList(1, lines.size())) {
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] f = l.split("\t", -1);
      var topics = new TreeSet<String>();
      if (f.length > 2 && !f[2].isBlank()) {
        Arrays.stream(f[2].split(",")).map(String::strip).forEach(topics::add);
      }
      out.add(new Row(f[0], Integer.parseInt(f[1].strip()), topics));
    }
    return out;
  }

  static Path corpusDir() {
    return Path.of(System.getProperty("mlnews.corpus", "../shared/corpus/zh"));
  }

  static Path bundled(Row r) {
    return Path.of("data", r.slug() + ".md");
  }

  static Score score(List<Row> rows, Path dir, boolean print) throws IOException {
    TopicTagger tagger = SCHEME.tagger();
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (Row r : rows) {
      Path file = Files.exists(bundled(r)) ? bundled(r) : dir.resolve(r.slug() + ".md");
      Set<String> got = new TreeSet<>(tagger.tag(EntryBlocks.block(file, r.line())));
      var missed = new TreeSet<>(r.expected());
      missed.removeAll(got);
      var extra = new TreeSet<>(got);
      extra.removeAll(r.expected());
      tp += got.size() - extra.size();
      fp += extra.size();
      fn += missed.size();
      if (print && (!missed.isEmpty() || !extra.isEmpty())) {
        System.out.println("  " + r.slug() + ":" + r.line() + " missed " + missed + " extra " + extra);
      }
    }
    return new Score(tp, fp, fn, rows.size());
  }

  @Test
  void labelsUseKnownTopicKeys() throws IOException {
    for (Row r : rows()) {
      for (String k : r.expected()) {
        assertTrue(SCHEME.topic(k).isPresent(), r.slug() + ":" + r.line() + ": unknown topic " + k);
      }
    }
  }

  @Test
  void bundledIssues() throws IOException {
    List<Row> rows = rows().stream().filter(r -> Files.exists(bundled(r))).toList();
    assertTrue(rows.size() >= 20, "too few labelled bundled entries: " + rows.size());
    Score s = score(rows, corpusDir(), false);
    System.out.println("TaggerAccuracy data/: " + s);
    assertTrue(s.precision() >= DATA_PRECISION_FLOOR, s.toString());
    assertTrue(s.recall() >= DATA_RECALL_FLOOR, s.toString());
  }

  @Test
  void bundledAndCorpus() throws IOException {
    Path dir = corpusDir();
    assumeTrue(Files.isDirectory(dir), "corpus not found at " + dir.toAbsolutePath() + "; skipping corpus rows");
    List<Row> rows = rows();
    long corpusFiles = rows.stream().filter(r -> !Files.exists(bundled(r))).map(Row::slug).distinct().count();
    assertTrue(rows.size() >= 60 && corpusFiles >= 10, rows.size() + " rows, " + corpusFiles + " corpus files");
    System.out.println("TaggerAccuracy disagreements:");
    Score s = score(rows, dir, true);
    System.out.println("TaggerAccuracy data/ + corpus (" + corpusFiles + " corpus files): " + s);
    assertTrue(s.precision() >= ALL_PRECISION_FLOOR, s.toString());
    assertTrue(s.recall() >= ALL_RECALL_FLOOR, s.toString());
  }
}

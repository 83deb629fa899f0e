package org.mlnews.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.build.Extractor;
import org.mlnews.issue.Entry;
import org.mlnews.issue.EntryKind;
import org.mlnews.issue.Issue;
import org.mlnews.issue.WeekRef;
import org.mlnews.markdown.IssueReader;
import org.mlnews.topics.TopicScheme;

class GeneratorTest {
  private static final Extractor EXTRACTOR = new Extractor(IssueReader.create(),
      TopicScheme.load(Path.of("ontology/topics.ttl")).tagger());

  @Test
  void ourParserReadsBackWhatWasWritten(@TempDir Path dir) throws Exception {
    var corpus = Generator.builder().issues(20).seed(7).englishShare(0.5).build().generate(dir);
    assertEquals(20, corpus.issues().size());
    var languages = new LinkedHashSet<String>();
    int tagged = 0;
    int all = 0;
    for (var g : corpus.issues()) {
      Issue issue = EXTRACTOR.extract(g.file());
      String where = g.slug();
      assertEquals(g.language(), issue.language(), where);
      assertEquals(g.week(), issue.week(), where);
      assertEquals(g.sections(), issue.sections().size(), where);
      assertEquals(g.entries(), issue.entries().size(), where);
      var ids = new ArrayList<String>();
      for (Entry e : issue.entries()) {
        e.ids().forEach((scheme, values) -> values.forEach(v -> ids.add(scheme + ":" + v)));
        all++;
        if (!e.topics().isEmpty()) {
          tagged++;
        }
      }
      assertEquals(g.paperIds(), List.copyOf(new LinkedHashSet<>(ids)), where);
      assertEquals(g.paperEntries(), issue.entries().stream().filter(e -> e.kind() == EntryKind.PAPER).count(), where);
      assertEquals(issue.week().toString(), issue.coverageStart() == null ? null
          : org.mlnews.time.NewsletterCalendar.weekOf(issue.coverageStart()).key(), where);
      assertTrue(issue.warnings().stream().noneMatch(w -> w.code().endsWith("mismatch")), where + " " + issue.warnings());
      languages.add(issue.language());
    }
    assertEquals(java.util.Set.of("zh", "en"), languages);
    assertTrue(tagged > all * 0.9, tagged + " of " + all + " entries tagged");
  }

  @Test
  void weeksRunForwardAndPapersComeBack(@TempDir Path dir) {
    var corpus = Generator.builder().issues(200).seed(3).build().generate(dir);
    WeekRef last = null;
    for (var g : corpus.issues()) {
      assertTrue(last == null || g.week().compareTo(last) > 0, g.slug());
      last = g.week();
    }
    assertEquals(new WeekRef(2020, 37), corpus.issues().get(0).week());
    int repeated = corpus.issues().stream().mapToInt(Generator.GeneratedIssue::repeated).sum();
    long mentions = corpus.issues().stream().mapToLong(g -> g.paperIds().size()).sum();
    assertTrue(repeated > 0, "some papers are featured again");
    assertEquals(mentions - repeated, corpus.distinctPapers());
    double perIssue = corpus.issues().stream().mapToInt(Generator.GeneratedIssue::entries).average().orElse(0);
    assertTrue(perIssue > 8 && perIssue < 20, "entries per issue " + perIssue);
  }

  @Test
  void manyIssuesRunAsSeveralNewslettersPerWeek(@TempDir Path dir) {
    var corpus = Generator.builder().issues(600).seed(3).perWeek(3).build().generate(dir);
    assertEquals(3, corpus.newsletters());
    assertEquals(corpus.issues().get(0).week(), corpus.issues().get(2).week());
    assertNotEquals(corpus.issues().get(0).week(), corpus.issues().get(3).week());
    assertEquals(600, corpus.issues().stream().map(Generator.GeneratedIssue::slug).distinct().count());
  }

  @Test
  void theSameSeedGivesTheSameFiles(@TempDir Path dir) throws Exception {
    var a = Generator.builder().issues(5).seed(11).build().generate(dir.resolve("a"));
    var b = Generator.builder().issues(5).seed(11).build().generate(dir.resolve("b"));
    var c = Generator.builder().issues(5).seed(12).build().generate(dir.resolve("c"));
    for (int i = 0; i < 5; i++) {
      assertEquals(a.issues().get(i).slug(), b.issues().get(i).slug());
      assertArrayEquals(Files.readAllBytes(a.issues().get(i).file()), Files.readAllBytes(b.issues().get(i).file()));
    }
    assertFalse(Files.readString(a.issues().get(0).file()).equals(Files.readString(c.issues().get(0).file())));
  }

  @Test
  void badOptionsAreRefusedAtOnce() {
    var e = assertThrows(IllegalArgumentException.class, () -> Generator.builder().issues(0));
    assertEquals("Illegal issues=0 : must be 1..10000000", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Generator.builder().englishShare(1.5));
    assertThrows(IllegalArgumentException.class, () -> Generator.builder().perWeek(0));
  }
}

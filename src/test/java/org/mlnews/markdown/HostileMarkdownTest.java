package org.mlnews.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.IssueJson;
import org.mlnews.issue.SourceLimits;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.IssueMapper;
import org.mlnews.rdf.Provenance;
import org.mlnews.rdf.StrictRoundTrip;
import org.mlnews.rdf.Vocab;

/**
 * Input built to hurt the parser: too big, too deep. Each case ends in bounded time and memory,
 * with an {@link Issue} or a {@link SourceException} that names the file and line.
 */
class HostileMarkdownTest {
  static final String HEAD = "# 2020 年第 41 周\n\n# 1.机器学习论文\n\n# 一个条目\n\n*标题*[https://arxiv.org/abs/2010.00554](https://arxiv.org/abs/2010.00554)\n\n";

  @TempDir Path tmp;
  final IssueReader reader = IssueReader.create();

  /** Reads on a thread with a small stack (256 KB): deep input must not need deep recursion. */
  Issue readOnSmallStack(String markdown, Duration limit) throws Exception {
    var result = new AtomicReference<Object>();
    Thread t = new Thread(null, () -> {
      try {
        result.set(reader.read("deep", markdown, Path.of("deep.md")));
      } catch (Throwable e) {
        result.set(e);
      }
    }, "small-stack", 256 * 1024);
    long start = System.nanoTime();
    t.start();
    t.join(limit.toMillis());
    assertTrue(!t.isAlive(), "still parsing after " + limit);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(limit) < 0, "took " + took);
    if (result.get() instanceof Throwable e) {
      throw new AssertionError("expected an issue, got " + e, e);
    }
    return (Issue) result.get();
  }

  @Test
  void fiftyMegabytesAreRefusedBeforeParsingWithTheLineThatPassesTheLimit() throws Exception {
    Path big = tmp.resolve("big.md");
    byte[] line = "这是一行很长的文字，重复很多次。 some text that repeats and repeats\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(big)) {
      out.write("# 2020 年第 41 周\n\n".getBytes(StandardCharsets.UTF_8));
      for (long n = 0; n < 50L * 1024 * 1024; n += line.length) {
        out.write(line);
      }
    }
    long start = System.nanoTime();
    SourceException e = assertThrows(SourceException.class, () -> reader.read(big));
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(took.compareTo(Duration.ofSeconds(3)) < 0, "refusing took " + took);
    assertEquals(big, e.file());
    assertTrue(e.reason().startsWith("too large: the file has 52,4"), e.reason());
    assertTrue(e.reason().contains("4,194,304 bytes (4 MiB)"), e.reason());
    // The line on which byte 4 MiB falls: 2 header lines, then lines of line.length bytes.
    int expected = 3 + (SourceLimits.MAX_BYTES - 21) / line.length;
    assertTrue(Math.abs(e.line() - expected) <= 1, e.getMessage() + " expected line ~" + expected);
    assertTrue(e.getMessage().startsWith(big + ":" + e.line() + ": too large"), e.getMessage());
  }

  @Test
  void theLimitIsInclusive() throws Exception {
    Path at = tmp.resolve("at.md");
    Files.write(at, new byte[SourceLimits.MAX_BYTES]);
    assertEquals(SourceLimits.MAX_BYTES, SourceLimits.read(at).length);
    Path over = tmp.resolve("over.md");
    Files.write(over, new byte[SourceLimits.MAX_BYTES + 1]);
    assertThrows(SourceException.class, () -> SourceLimits.read(over));
  }

  @Test
  void aJsonFileHasTheSameLimit() throws Exception {
    Path big = tmp.resolve("big.json");
    Files.write(big, ("{\"slug\": \"big\", \"title\": \"" + "x".repeat(SourceLimits.MAX_BYTES) + "\"}")
        .getBytes(StandardCharsets.UTF_8));
    SourceException e = assertThrows(SourceException.class, () -> org.mlnews.issue.IssueJson.read(big));
    assertTrue(e.reason().startsWith("too large"), e.reason());
  }

  @Test
  void tenThousandNestedListsOnOneLine() throws Exception {
    for (String marker : new String[] {"- ", "* ", "1. ", "+ "}) {
      Issue issue = readOnSmallStack(HEAD + marker.repeat(10_000) + "深处\n", Duration.ofSeconds(10));
      assertEquals(1, issue.entries().size(), marker);
      assertTrue(issue.entries().get(0).summary().contains("深处"), "the text is kept: " + marker);
    }
  }

  @Test
  void tenThousandNestedBlockQuotesAndBrackets() throws Exception {
    Issue quotes = readOnSmallStack(HEAD + "> ".repeat(10_000) + "引用\n", Duration.ofSeconds(10));
    assertNotNull(quotes.title());
    Issue brackets = readOnSmallStack(HEAD + "[".repeat(10_000) + "x" + "](https://a.org/)".repeat(10_000) + "\n",
        Duration.ofSeconds(10));
    assertEquals(1, brackets.entries().size());
    Issue images = readOnSmallStack(HEAD + "![".repeat(10_000) + "x" + "](i.png)".repeat(10_000) + "\n",
        Duration.ofSeconds(10));
    assertEquals(1, images.entries().size());
    Issue stars = readOnSmallStack(HEAD + "*".repeat(10_000) + "x" + "*".repeat(10_000) + "\n",
        Duration.ofSeconds(10));
    assertEquals(1, stars.entries().size());
    Issue underscores = readOnSmallStack(HEAD + "_a ".repeat(10_000) + "x" + " a_".repeat(10_000) + "\n",
        Duration.ofSeconds(10));
    assertEquals(1, underscores.entries().size());
  }

  @Test
  void indentedListsAsDeepAsTheSizeLimitAllows() throws Exception {
    // Each level indents two more spaces, so depth d costs ~d^2 bytes: ~2,000 levels is 4 MB.
    var sb = new StringBuilder(HEAD);
    for (int i = 0; i < 2_000; i++) {
      sb.append(" ".repeat(2 * i)).append("- 第 ").append(i).append(" 层\n");
    }
    Issue issue = readOnSmallStack(sb.toString(), Duration.ofSeconds(15));
    assertEquals(1, issue.entries().size());
  }

  @Test
  void scriptTagsAreKeptAsTextThroughJsonAndRdf() throws Exception {
    String md = """
        # 2020 年第 41 周 <script>alert('t')</script>

        # 1.机器学习论文

        # 标题 <img src=x onerror=alert(1)>

        *论文 <b>粗</b>*[https://arxiv.org/abs/2010.00554](https://arxiv.org/abs/2010.00554)

        摘要 <script>alert("s")</script> 结束 &lt;script&gt;

        <script>
        alert('block')
        </script>
        """;
    Issue issue = reader.read("script", md, Path.of("script.md"));
    assertEquals("2020 年第 41 周 <script>alert('t')</script>", issue.title());
    var e = issue.entries().get(0);
    assertEquals("标题 <img src=x onerror=alert(1)>", e.heading());
    assertEquals("论文 <b>粗</b>", e.title());
    assertEquals("摘要 <script>alert(\"s\")</script> 结束 <script>", e.summary());
    assertEquals(List.of("https://arxiv.org/abs/2010.00554"), e.links().stream().map(l -> l.url()).toList(),
        "no link taken from inside a tag");
    // An HTML block is no part of an entry: a warning with its line, not silently dropped.
    assertEquals(List.of(new org.mlnews.issue.Warning("not-understood",
        "A html block inside section 1 (机器学习论文) could not be attached to an entry.", 11)), issue.warnings());

    // JSON: the text survives a round trip, as text.
    Path json = tmp.resolve("script.json");
    Files.writeString(json, IssueJson.write(issue));
    assertEquals(issue, IssueJson.read(json));
    // RDF: literals hold it as written and every serialisation reads back.
    Graph g = GraphFactory.createDefaultGraph();
    new IssueMapper(new Iris(Iris.DEFAULT_BASE)).map(issue,
        new Provenance("script.md", "0", "test", Instant.EPOCH), null, StreamRDFLib.graph(g));
    assertTrue(g.find(Node.ANY, Vocab.DC_DESCRIPTION, Node.ANY).toList().stream()
        .anyMatch(t -> t.getObject().getLiteralLexicalForm().contains("<script>alert(\"s\")</script>")));
    List<String> problems = StrictRoundTrip.problems(g);
    assertTrue(problems.isEmpty(), problems.toString());
  }

  static Graph map(Issue issue) {
    Graph g = GraphFactory.createDefaultGraph();
    new IssueMapper(new Iris(Iris.DEFAULT_BASE)).map(issue,
        new Provenance("x.md", "0", "test", Instant.EPOCH), null, StreamRDFLib.graph(g));
    return g;
  }

  static String dated(String title, String intro) {
    return "# " + title + "\n\n" + intro + "\n\n# 1.机器学习论文\n\n# 标题\n\n"
        + "*t*[https://arxiv.org/abs/2010.00554](https://arxiv.org/abs/2010.00554)\n";
  }

  @Test
  void impossibleDatesAreBadDateWarningsWithTheirLine() throws Exception {
    for (String intro : List.of("下面是 2020 年第 41 周(2 月 30 日~)读到的文章。", "(13 月 1 日~)",
        "下面是 2021 年 2 月 29 日一周读到的文章。", "(0 月 0 日~)")) {
      Issue issue = reader.read("d", dated("2020 年第 41 周", intro), Path.of("d.md"));
      assertEquals(new org.mlnews.issue.WeekRef(2020, 41), issue.week(), intro);
      assertEquals(null, issue.coverageStart(), intro);
      assertEquals(List.of("bad-date"), issue.warnings().stream().map(w -> w.code()).toList(), intro);
      assertEquals(3, issue.warnings().get(0).line(), intro);
      assertTrue(issue.warnings().get(0).message().contains("does not exist"), issue.warnings().get(0).message());
    }
    Issue far = reader.read("d", dated("Akira's ML News", "下面是 0001 年 1 月 7 日一周读到的文章。"), Path.of("d.md"));
    assertEquals("The intro's date 0001-01-07 is outside the years 1900 to 2999.", far.warnings().get(0).message());
  }

  @Test
  void aWeekItsYearDoesNotHaveLoadsUndated() throws Exception {
    // Was: the mapper threw inside the build's write transaction and the whole build failed.
    var extractor = new org.mlnews.build.Extractor(reader,
        org.mlnews.topics.TopicScheme.load(Path.of("ontology", "topics.ttl")).tagger());
    Path f = tmp.resolve("w53.md");
    Files.writeString(f, dated("2020 年第 53 周", "下面是 2020 年第 53 周(12 月 27 日~)读到的文章。"));
    Issue issue = extractor.extract(f);
    assertEquals(java.time.LocalDate.of(2020, 12, 27), issue.coverageStart(), "the year still places the date");
    assertTrue(issue.warnings().stream().anyMatch(w -> w.code().equals("invalid-week") && w.line() == 1),
        "at the title's line: " + issue.warnings());
    Graph g = map(issue);
    assertTrue(!g.contains(Node.ANY, Vocab.WEEK_PROP, Node.ANY), "no week that does not exist");
    assertTrue(StrictRoundTrip.problems(g).isEmpty());
  }

  @Test
  void periodsAtTheEdgesOfTheCalendarMap() throws Exception {
    for (String title : List.of("1900 年第 1 周", "2999 年第 52 周", "2999 年 12 月摘要", "1900 年 1 月摘要")) {
      Graph g = map(reader.read("edge", dated(title, "x"), Path.of("edge.md")));
      assertTrue(g.size() > 10, title);
      assertTrue(StrictRoundTrip.problems(g).isEmpty(), title + ": " + StrictRoundTrip.problems(g));
    }
  }

  @Test
  void aLongHeadingOfEmojiIsShortenedWithoutSplittingOne() throws Exception {
    // Found by the fuzzer: the 40-character cut fell inside a surrogate pair, and the warning's
    // half an emoji made the issue's graph unwritable as Turtle.
    String md = "# 2020 年第 41 周\n\n# 1.机器学习论文\n\n# 2" + "😀".repeat(30) + "\n\n没有链接。\n";
    Issue issue = reader.read("emoji", md, Path.of("emoji.md"));
    String message = issue.warnings().get(0).message();
    assertEquals("The entry \"2" + "😀".repeat(19) + "…\" has no link.", message);
    assertTrue(StrictRoundTrip.problems(map(issue)).isEmpty());
    var clean = org.mlnews.rdf.LinkIris.clean(new Issue("e", null, "t", "zh", null, null, null, null, null,
        List.of(new org.mlnews.issue.Entry(1, null, "h", null, null, null,
            List.of(new org.mlnews.issue.Link("javascript:" + "😀".repeat(60), null)), null, null, null, false, 1)),
        null, null));
    assertTrue(StrictRoundTrip.problems(map(clean)).isEmpty(), clean.warnings().toString());
  }

  @Test
  void hostsAndLinkTextsOfThousandsOfLabelsDoNotOverflowTheStack() throws Exception {
    // Found by probing: "https://a.a.a.…" (5,000 labels) overflowed the stack in the bare-URL
    // pattern, and the file was refused with "cannot read the issue: java.lang.StackOverflowError".
    String dotted = "a.".repeat(5_000) + "org";
    Issue bare = readOnSmallStack(HEAD + "见 https://" + dotted + "/x 。\n", Duration.ofSeconds(10));
    assertTrue(bare.entries().get(0).links().stream().anyMatch(l -> l.url().startsWith("https://a.a.a.")));
    Issue text = readOnSmallStack(HEAD + "[" + dotted + "](https://a.org/)\n\n[https://" + dotted + "](https://b.org/)\n",
        Duration.ofSeconds(10));
    assertEquals(1, text.entries().size());
  }
}

package org.mlnews.markdown;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.build.Extractor;
import org.mlnews.issue.Issue;
import org.mlnews.issue.IssueJson;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.WeekRef;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.IssueMapper;
import org.mlnews.rdf.Provenance;
import org.mlnews.rdf.RdfTerms;
import org.mlnews.rdf.StrictRoundTrip;
import org.mlnews.topics.TopicScheme;

/**
 * A seeded mutation fuzzer over real issues (jqwik, the property-based tester for the JUnit
 * Platform, is built on Platform 1.x and says its next release will need Platform 6 and Java 21,
 * so this is a plain JUnit test). Each input is a real issue (the bundled ones, the English golden
 * fixtures and, when present, the corpus) with 1 to 8 random mutations: byte flips, deleted,
 * duplicated and swapped lines, truncation, splices of two issues, changed digits, and inserted
 * markup, HTML, dates, weeks and links. For each input the whole extraction pipeline runs as the
 * build runs it, and:
 * <ol>
 *   <li>{@link Extractor#extract} returns an issue or throws {@link SourceException}, nothing else;
 *   <li>the issue maps to RDF without an exception;
 *   <li>the graph written as Turtle and as N-Triples reads back, with no warning, to the same graph;
 *   <li>the issue written as JSON reads back to an equal issue.
 * </ol>
 * Every input goes through the build's whole {@link Extractor}, topic tagging included. Every
 * {@value #FULL_EVERY}th input also gets the Turtle and N-Triples round trip and the JSON round
 * trip; the others get a check of every RDF term as a strict parser would check it
 * ({@link RdfTerms}). Inputs run on up to 4 threads, each derived from the seed and its
 * number alone. {@code -Dmlnews.fuzz.count=N} sets the number of inputs (default 2000),
 * {@code -Dmlnews.fuzz.seed=S} the seed ({@code random} for a new one); both are printed, and a
 * failing input is saved under {@code target/fuzz-failures/} with its seed and number.
 */
class MutationFuzzTest {
  static final int COUNT = Integer.getInteger("mlnews.fuzz.count", 2000);
  static final String SEED = System.getProperty("mlnews.fuzz.seed", "20201004");
  /** Every how many inputs the round trips run: Turtle and N-Triples, JSON. */
  static final int FULL_EVERY = 100;

  static final String[] INSERTS = {
      "[", "]", "](", ")", "**", "*", "_", "`", "```\n", "# ", "\n# ", "\n## ", "\n### ", "> ", "\n> ",
      "- ", "\n- ", "1. ", "\n1. ", "![", "](img/x.png)", "|", "\n---\n", "\n— —\n", "<!--", "-->", "&lt;",
      "&amp;", "&#0;", "&#x110000;", "\\", "<script>alert(1)</script>", "<div>", "</div>", "<b>", "<",
      "](javascript:alert(1))", "[x](http://a b)", "[x](<http://a b>)", "[x](mailto:a@b.org)",
      "https://arxiv.org/abs/2010.00554", "https://arxiv.org/abs/9999.99999v9", "https://openreview.net/forum?id=",
      "https://doi.org/10.1234/a\"b<c>", "http://", "https://[::1", "https://a.org/%zz", "【", "】", "[2010.00554]",
      "【2101.09978】", "第 53 周", "第 0 周", "第 99 周", "2020 年第 53 周", "2 月 30 日~", "13 月 1 日~",
      "(10 月 4 日~)", "2021 年 2 月 29 日一周", "0001 年 1 月 1 日一周", "9999 年 12 月", "week 54 2021",
      "#18", "第 9999 期", "issue 0", "编辑精选", "Editor's picks", "过去的文章", "过去的时事通讯", "主题",
      "⇦", "⇨", "本帖", "——", "arxiv.org", "\t", "\r", "\r\n", "\f", "\u00a0", "\u202e", "\u200b", "\ufeff",
      "😀", "\ud83d\ude00", "ｈｔｔｐｓ：／／", "\u0301", "ǅ", "𝔸",
      "[](https://medium.com/@x/y-0123456789ab) [## 标题\n\nmedium.com](https://medium.com/@x/y-0123456789ab)",
      "\n# 1.机器学习论文\n", "\n# 9.未知的部分\n", "\n# 1.技术文章\n", "a.", "https://a.", "/a", "?a=1&",
  };

  @TempDir Path tmp;

  static List<Path> seeds() throws Exception {
    var files = new ArrayList<Path>();
    for (Path dir : List.of(Path.of("data"), Path.of("src/test/resources/golden"),
        Path.of(System.getProperty("mlnews.corpus", "../shared/corpus/zh")))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
      }
    }
    return files;
  }

  /** What one input came to. */
  enum Outcome { ISSUE, REFUSED }

  /** Shared by the worker threads: all immutable and thread-safe. */
  record Pipeline(Extractor extractor, IssueMapper mapper, Provenance prov) {}

  @Test
  void mutatedRealIssuesGiveAnIssueOrASourceExceptionAndValidRdfAndJson() throws Exception {
    long seed = SEED.equals("random") ? System.nanoTime() : Long.parseLong(SEED);
    List<Path> seedFiles = seeds();
    List<byte[]> originals = new ArrayList<>();
    for (Path f : seedFiles) {
      originals.add(Files.readAllBytes(f));
    }
    var pipeline = new Pipeline(new Extractor(IssueReader.create(), TopicScheme.load(Path.of("ontology", "topics.ttl")).tagger()),
        new IssueMapper(new Iris(Iris.DEFAULT_BASE)), new Provenance("fuzz.md", "0".repeat(64), "fuzz", Instant.EPOCH));

    var failures = new java.util.concurrent.ConcurrentLinkedQueue<String>();
    var issues = new java.util.concurrent.atomic.AtomicInteger();
    var refused = new java.util.concurrent.atomic.AtomicInteger();
    var triples = new java.util.concurrent.atomic.AtomicLong();
    int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    var next = new java.util.concurrent.atomic.AtomicInteger();
    long start = System.nanoTime();
    var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    var cpu = new java.util.concurrent.atomic.AtomicLong();
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    var done = new ArrayList<java.util.concurrent.Future<?>>();
    for (int t = 0; t < threads; t++) {
      Path dir = Files.createDirectories(tmp.resolve("worker-" + t));
      done.add(pool.submit(() -> {
        for (int i = next.getAndIncrement(); i < COUNT && failures.size() < 5; i = next.getAndIncrement()) {
          // Each input depends only on (seed, i): a failure replays alone, whatever the threads did.
          Random random = new Random(seed * 1_000_003L + i);
          int which = random.nextInt(originals.size());
          byte[] mutated = mutate(originals.get(which), originals, random);
          try {
            if (check(pipeline, dir, i, mutated, random, triples) == Outcome.ISSUE) {
              issues.incrementAndGet();
            } else {
              refused.incrementAndGet();
            }
          } catch (Throwable e) {
            failures.add("input " + i + " (from " + seedFiles.get(which).getFileName() + ", saved as "
                + save(seed, i, mutated) + "): " + e);
          }
        }
        cpu.addAndGet(mx.getCurrentThreadCpuTime());
        return null;
      }));
    }
    for (var f : done) {
      f.get();
    }
    pool.shutdown();
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = issues.get() + refused.get();
    System.out.printf("fuzz: %d mutated inputs from %d real issues, seed %d, %d threads: %d issues (%d triples),"
        + " %d refused with a SourceException, %d failures; %.1f s, %.0f inputs/s, %.1f s of CPU%n",
        total + failures.size(), seedFiles.size(), seed, threads, issues.get(), triples.get(), refused.get(),
        failures.size(), seconds, total / seconds, cpu.get() / 1e9);
    assertTrue(failures.isEmpty(), "seed " + seed + " (replay with -Dmlnews.fuzz.seed=" + seed + "):\n"
        + String.join("\n", failures));
    assertTrue(issues.get() > COUNT / 4, "most inputs should still parse, to reach the deeper code: " + issues);
  }

  /** Runs one input through the pipeline; throws what a failure is. */
  static Outcome check(Pipeline p, Path dir, int i, byte[] mutated, Random random,
      java.util.concurrent.atomic.AtomicLong triples) throws Exception {
    Path input = dir.resolve("fuzz-input.md");
    Files.write(input, mutated);
    boolean full = i % FULL_EVERY == 0;
    Issue issue;
    try {
      issue = p.extractor().extract(input);
    } catch (SourceException e) {
      if (e.file() == null || !e.getMessage().startsWith(input.toString())) {
        throw new AssertionError("a SourceException that does not name the file: " + e.getMessage());
      }
      return Outcome.REFUSED;
    }
    Graph g = GraphFactory.createDefaultGraph();
    WeekRef inferred = issue.week() == null && random.nextBoolean() ? new WeekRef(2021, 1 + random.nextInt(52)) : null;
    try {
      p.mapper().map(issue, p.prov(), inferred, StreamRDFLib.graph(g));
    } catch (RuntimeException e) {
      throw new AssertionError("mapping failed: " + e, e);
    }
    triples.addAndGet(g.size());
    List<String> problems = RdfTerms.problems(g);
    if (problems.isEmpty() && full) {
      problems = StrictRoundTrip.problems(g);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("bad RDF: " + problems.subList(0, Math.min(3, problems.size())));
    }
    if (full) {
      Path json = dir.resolve("fuzz-input.json");
      Files.writeString(json, IssueJson.write(issue));
      if (!IssueJson.read(json).equals(issue)) {
        throw new AssertionError("the JSON round trip changed the issue");
      }
    }
    return Outcome.ISSUE;
  }

  static Path save(long seed, int i, byte[] input) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "fuzz-failures"));
      return Files.write(dir.resolve(seed + "-" + i + ".md"), input);
    } catch (Exception e) {
      return null;
    }
  }

  /** 1 to 8 random mutations of one issue. */
  static byte[] mutate(byte[] original, List<byte[]> all, Random r) {
    byte[] bytes = original;
    int n = 1 + r.nextInt(8);
    for (int k = 0; k < n; k++) {
      int op = r.nextInt(100);
      if (op < 8) {
        bytes = flipByte(bytes, r);
      } else {
        String text = new String(bytes, StandardCharsets.UTF_8);
        text = mutateText(text, all, r, op);
        bytes = text.getBytes(StandardCharsets.UTF_8);
      }
    }
    return bytes;
  }

  static byte[] flipByte(byte[] bytes, Random r) {
    if (bytes.length == 0) {
      return bytes;
    }
    byte[] copy = bytes.clone();
    int at = r.nextInt(copy.length);
    copy[at] = r.nextBoolean() ? (byte) r.nextInt(256) : (byte) (copy[at] ^ (1 << r.nextInt(8)));
    return copy;
  }

  static String mutateText(String text, List<byte[]> all, Random r, int op) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int at = text.isEmpty() ? 0 : r.nextInt(text.length() + 1);
    if (op < 20) {
      if (!lines.isEmpty()) {
        lines.remove(r.nextInt(lines.size()));
      }
      return String.join("\n", lines);
    } else if (op < 30) {
      if (!lines.isEmpty()) {
        int i = r.nextInt(lines.size());
        int len = 1 + r.nextInt(Math.min(20, lines.size() - i));
        lines.addAll(r.nextInt(lines.size() + 1), new ArrayList<>(lines.subList(i, i + len)));
      }
      return String.join("\n", lines);
    } else if (op < 35) {
      if (lines.size() > 1) {
        java.util.Collections.swap(lines, r.nextInt(lines.size()), r.nextInt(lines.size()));
      }
      return String.join("\n", lines);
    } else if (op < 38) {
      return text.substring(0, at);
    } else if (op < 41) {
      String other = new String(all.get(r.nextInt(all.size())), StandardCharsets.UTF_8);
      return text.substring(0, at) + other.substring(other.isEmpty() ? 0 : r.nextInt(other.length()));
    } else if (op < 50) {
      // Change a digit: weeks, dates, section and issue numbers, arXiv ids.
      for (int tries = 0; tries < 50 && !text.isEmpty(); tries++) {
        int i = r.nextInt(text.length());
        if (Character.isDigit(text.charAt(i))) {
          return text.substring(0, i) + (char) ('0' + r.nextInt(10)) + text.substring(i + 1);
        }
      }
      return text;
    } else if (op < 55) {
      // Delete a stretch of characters.
      int len = r.nextInt(Math.max(1, Math.min(200, text.length() - at + 1)));
      return text.substring(0, at) + text.substring(Math.min(text.length(), at + len));
    } else if (op < 60) {
      // A random code point, including controls and unassigned ones (never a lone surrogate:
      // the text is written as UTF-8, which cannot hold one).
      int cp = r.nextInt(8) == 0 ? r.nextInt(0x20) : r.nextInt(0x30000);
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      return text.substring(0, at) + new String(Character.toChars(cp)) + text.substring(at);
    } else if (op < 63) {
      // A long run of one insert: deep nesting, long lines.
      String s = INSERTS[r.nextInt(INSERTS.length)];
      return text.substring(0, at) + s.repeat(20 + r.nextInt(400)) + text.substring(at);
    } else {
      // Insert markup at a line start (where block syntax matters) or anywhere.
      String s = INSERTS[r.nextInt(INSERTS.length)];
      if (r.nextBoolean() && lines.size() > 1) {
        int li = r.nextInt(lines.size());
        lines.set(li, s + lines.get(li));
        return String.join("\n", lines);
      }
      return text.substring(0, at) + s + text.substring(at);
    }
  }
}

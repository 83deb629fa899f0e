package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.Entry;
import org.mlnews.issue.EntryKind;
import org.mlnews.issue.Issue;
import org.mlnews.issue.Link;
import org.mlnews.issue.SectionKind;
import org.mlnews.issue.Warning;
import org.mlnews.markdown.IssueReader;

/** Links that cannot be IRIs never reach the graph; links that only need escaping are escaped. */
class LinkIrisTest {
  static final String LONG = "https://a.org/" + "x".repeat(100_000);

  @Test
  void repairsWhatPercentEncodingCanRepair() {
    Map<String, String> cases = Map.of(
        "https://a.org/a b", "https://a.org/a%20b",
        "https://x.org/a]b[c", "https://x.org/a%5Db%5Bc",
        "https://x.org/a%zz%4", "https://x.org/a%25zz%254",
        "https://a.org/\"q\"<script>{x}|^`\\", "https://a.org/%22q%22%3Cscript%3E%7Bx%7D%7C%5E%60%5C",
        "https://a.org/x#a#b", "https://a.org/x#a%23b",
        "https://a.org/\u202Eevil", "https://a.org/%E2%80%AEevil",
        "https://a.org/tab\there", "https://a.org/tab%09here",
        "https://zh.wikipedia.org/wiki/机器学习", "https://zh.wikipedia.org/wiki/机器学习",
        "https://[::1]:8080/x", "https://[::1]:8080/x",
        "https://arxiv.org/abs/2010.00554", "https://arxiv.org/abs/2010.00554");
    cases.forEach((in, out) -> assertEquals(out, LinkIris.check(in).iri(), in));
  }

  @Test
  void dropsWhatCannotBeAnHttpIri() {
    Map<String, String> cases = Map.of(
        "javascript:alert(1)", "scheme 'javascript'",
        "JavaScript:alert(1)", "scheme 'javascript'",
        "data:text/html,<script>alert(1)</script>", "scheme 'data'",
        "mailto:someone@example.org", "scheme 'mailto'",
        "img/a.png", "not an absolute",
        "//a.org/x", "not an absolute",
        "http:", "no host",
        "http://", "not a valid IRI",
        "http://a.org:abc/", "not a valid IRI",
        LONG, "100,014 characters long");
    cases.forEach((in, why) -> {
      LinkIris.Checked c = LinkIris.check(in);
      assertFalse(c.ok(), in);
      assertNull(LinkIris.node(in));
      assertTrue(c.problem().contains(why), in + ": " + c.problem());
    });
  }

  @Test
  void everyLinkOfTheRealIssuesIsKeptAsItIs() throws Exception {
    var reader = IssueReader.create();
    var files = new ArrayList<Path>();
    for (Path dir : List.of(Path.of("data"), Path.of(System.getProperty("mlnews.corpus", "../shared/corpus/zh")))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          s.filter(p -> p.toString().endsWith(".md")).forEach(files::add);
        }
      }
    }
    int links = 0;
    for (Path f : files) {
      Issue issue = reader.read(f);
      assertTrue(issue == LinkIris.clean(issue), f + " was changed by the link check");
      links += issue.entries().stream().mapToInt(e -> e.links().size()).sum();
    }
    assertTrue(links > 20, "checked " + links + " links");
  }

  static Issue issueWithLinks(String sourceUrl, String... urls) {
    var links = Stream.of(urls).map(u -> new Link(u, "t")).toList();
    var entry = new Entry(1, SectionKind.ARTICLES, "标题 <script>alert(1)</script>", "t", "s",
        EntryKind.ARTICLE, links, Map.of("doi", List.of("10.1234/a b<>\"{}")), List.of(), List.of(), false, 7);
    var paper = new Entry(1, SectionKind.PAPERS, "论文", "p", null, EntryKind.PAPER,
        List.of(new Link("javascript:alert(1)", null), new Link("https://x.org/p q", null)),
        Map.of(), List.of(), List.of(), false, 9);
    return new Issue("hostile", sourceUrl, "2020 年第 41 周", "zh", null, null, null, null, null,
        List.of(entry, paper), null, null);
  }

  @Test
  void cleanDropsBadLinksWithAWarningOnTheEntryLine() {
    Issue clean = LinkIris.clean(issueWithLinks("javascript:void(0)",
        "javascript:alert(1)", "https://ok.org/a b", LONG, "relative/path", "https://ok.org/a%20b"));
    assertNull(clean.sourceUrl());
    assertEquals(List.of(new Link("https://ok.org/a%20b", "t")), clean.entries().get(0).links(),
        "repaired, and the repaired duplicate merged");
    assertEquals(List.of(new Link("https://x.org/p%20q", null)), clean.entries().get(1).links());
    List<Warning> ws = clean.warnings();
    assertEquals(5, ws.size(), ws.toString());
    assertTrue(ws.stream().allMatch(w -> w.code().equals("bad-link")));
    assertEquals(0, ws.get(0).line());
    assertTrue(ws.get(0).message().startsWith("The source URL \"javascript:void(0)\" uses the scheme"), ws.get(0).message());
    assertEquals(List.of(7, 7, 7, 9), ws.subList(1, 5).stream().map(Warning::line).toList());
    assertTrue(ws.get(2).message().contains("100,014 characters long") && ws.get(2).message().length() < 300,
        "a long link is cut in the message: " + ws.get(2).message());
  }

  @Test
  void theMapperNeverEmitsABadIriEvenForAnUncheckedIssue() {
    // An issue straight from a JSON file, not cleaned: the mapper still keeps bad IRIs out.
    Issue raw = issueWithLinks("https://medium.com/x y", "javascript:alert(1)", "https://ok.org/a b",
        LONG, "relative/path");
    Graph g = IssueMapperTest.map(new IssueMapper(new Iris(Iris.DEFAULT_BASE)), raw, null);
    List<String> problems = StrictRoundTrip.problems(g);
    assertTrue(problems.isEmpty(), problems.toString());
    g.find().forEachRemaining(t -> {
      for (Node n : List.of(t.getSubject(), t.getObject())) {
        if (n.isURI()) {
          assertTrue(n.getURI().startsWith("http"), "no other scheme, nothing relative: " + n);
          assertTrue(n.getURI().length() <= LinkIris.MAX_LENGTH, "no huge IRI");
        }
      }
    });
    assertTrue(g.contains(Node.ANY, Vocab.LINK, org.apache.jena.graph.NodeFactory.createURI("https://ok.org/a%20b")));
    assertTrue(g.contains(Node.ANY, Vocab.DC_SOURCE, org.apache.jena.graph.NodeFactory.createURI("https://medium.com/x%20y")));
  }

  @Test
  void theFastPathAcceptsNothingTheIriCheckerWouldWarnAbout() {
    // Random URL-shaped strings from an alphabet with the awkward cases: ports, percent escapes
    // in either case, dots, IPv4-like hosts, upper case, empty segments, default ports.
    String[] hosts = {"a.org", "A.ORG", "1.2.3.4", "x-y.example.com", "localhost", "a", "xn--fsq.com", "a.b.c.d.e",
        "-a.org", "a-.org", "a..org", ".a.org", "a.org.", "", "a_b.org"};
    String[] ports = {"", ":80", ":443", ":8080", ":1", ":65535", ":99999", ":0", ":080", ":8x", ":"};
    String chars = "abcXYZ019-._~!$&'()*+,;=:@/?#%";
    var random = new java.util.Random(7);
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      var sb = new StringBuilder(random.nextBoolean() ? "http://" : "HTTPS://")
          .append(hosts[random.nextInt(hosts.length)]).append(ports[random.nextInt(ports.length)]);
      int len = random.nextInt(30);
      for (int k = 0; k < len; k++) {
        char c = chars.charAt(random.nextInt(chars.length()));
        sb.append(c);
        if (c == '%' && random.nextBoolean()) {
          sb.append("0123456789abcdefABCDEF".charAt(random.nextInt(22))).append("0123456789abcdefABCDEF".charAt(random.nextInt(22)));
        }
      }
      String url = sb.toString();
      LinkIris.Checked c = LinkIris.check(url);
      if (c.ok()) {
        accepted++;
        org.apache.jena.irix.IRIx iri = org.apache.jena.irix.IRIx.create(c.iri());
        assertFalse(iri.hasViolations(), () -> {
          var v = new StringBuilder();
          iri.handleViolations((e, m) -> v.append(m));
          return url + " -> " + c.iri() + ": " + v;
        });
      }
    }
    assertTrue(accepted > 2_000, "accepted " + accepted);
  }

  @Test
  void longLinksOfManySegmentsOrLabelsDoNotOverflowTheStack() throws Exception {
    // Found by the fuzzer: a regular expression over a 4,000-character link overflowed the stack.
    for (String url : List.of("https://a.org/" + "a/".repeat(2_000), "https://" + "a.".repeat(2_000) + "org/",
        "https://a.org/?" + "a=1&".repeat(1_000), "https://a.org/" + "%41".repeat(1_300))) {
      var result = new java.util.concurrent.atomic.AtomicReference<Object>();
      Thread t = new Thread(null, () -> {
        try {
          result.set(LinkIris.check(url));
        } catch (Throwable e) {
          result.set(e);
        }
      }, "small-stack", 256 * 1024);
      t.start();
      t.join();
      assertTrue(result.get() instanceof LinkIris.Checked, url.substring(0, 30) + ": " + result.get());
    }
  }
}

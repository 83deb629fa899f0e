package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.cli.Cli;
import org.mlnews.cli.CliRun;
import org.mlnews.rdf.StrictRoundTrip;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/**
 * Every kind of broken issue from the hardening brief in one data folder, next to good issues,
 * built through the command line: each broken file gets one line naming the file and line, the
 * good files and the files with mere oddities (warnings) load, a file that breaks keeps its
 * previous graph, the exit code is 1 while any file fails and 0 once none does.
 */
class BadInputIT {
  static final String W41 = BuilderIT.W41;
  static final String W48 = BuilderIT.W48;
  static final String ENTRY = "\n\n# 1.机器学习论文\n\n# 标题\n\n*论文*[https://arxiv.org/abs/2010.00554](https://arxiv.org/abs/2010.00554)\n\n摘要。\n";

  @TempDir Path tmp;

  static CliRun build(Path data, Path store) {
    return CliRun.run("build", "-v", "--data", data.toString(), "--store", store.toString());
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** File name -> content of the broken files, and what each must say: "reason" and "line". */
  record Bad(byte[] content, String reason, int line) {}

  static Map<String, Bad> brokenFiles(Path data) throws Exception {
    var bad = new LinkedHashMap<String, Bad>();
    bad.put("empty.md", new Bad(new byte[0], "empty file", 1));
    bad.put("blank.md", new Bad(utf8("\n   \n\t\n"), "empty file", 1));
    bad.put("binary.md", new Bad(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0}, "not Markdown text", 1));
    byte[] text = utf8("# 2020 年第 50 周\n\nfine line\n");
    byte[] invalid = new byte[text.length + 3];
    System.arraycopy(text, 0, invalid, 0, text.length);
    invalid[text.length] = (byte) 0xC3;
    invalid[text.length + 1] = (byte) 0x28;
    invalid[text.length + 2] = '\n';
    bad.put("bad-utf8.md", new Bad(invalid, "not valid UTF-8: byte 0xC3", 4));
    bad.put("no-title.md", new Bad(utf8("just a paragraph\n\nand another\n\nand a third\n\n# a late title\n"), "no title", 1));
    bad.put("wrong-types.json", new Bad(utf8("{\n  \"slug\": \"wrong-types\",\n  \"title\": \"T\",\n  \"issueNumber\": \"12\"\n}\n"),
        "issueNumber: Cannot coerce String", 4));
    bad.put("broken.json", new Bad(utf8("{\n  \"slug\": \"broken\",\n  \"title\": [1, 2\n}\n"), "not a valid issue record", 3));
    bad.put("other-slug.json", new Bad(utf8("{\n  \"slug\": \"someone-else\",\n  \"title\": \"T\"\n}\n"),
        "the record's slug \"someone-else\" is not the file's name \"other-slug\"", 2));
    return bad;
  }

  /** Files with oddities: they load, with the warning codes listed. */
  static Map<String, Set<String>> oddFiles(Path data) throws Exception {
    var odd = new LinkedHashMap<String, Set<String>>();
    String w41 = Files.readString(Path.of("data", W41 + ".md"));
    Files.writeString(data.resolve("same-week.md"), w41);
    odd.put("same-week", Set.of("duplicate-week", "entry-without-link"));
    Files.writeString(data.resolve("impossible-date.md"),
        "# 2021 年第 9 周\n\n下面是 2021 年第 9 周(2 月 30 日~)读到的文章。" + ENTRY);
    odd.put("impossible-date", Set.of("bad-date"));
    Files.writeString(data.resolve("script.md"),
        "# 2021 年第 10 周 <script>alert(1)</script>" + ENTRY + "\n<script>alert('block')</script>\n");
    odd.put("script", Set.of("not-understood"));
    Files.writeString(data.resolve("bad-urls.md"), "# 2021 年第 11 周\n\n# 1.机器学习论文\n\n# 标题\n\n"
        + "[a](javascript:alert(1)) [b](<https://a.org/a b>) [c](relative/x.html) [d](https://a.org/" + "x".repeat(100_000) + ")"
        + " [e](https://a.org/a]b) [f](mailto:x@y.org) [g](https://a.org/%zz) [h](http://) [i](https://a.org/(unbalanced\n");
    odd.put("bad-urls", Set.of("bad-link"));
    Files.writeString(data.resolve("unknown-section.md"), "# 2021 年第 12 周\n\n# 1.机器学习论文\n\n# 7.天气预报\n\n# 明天下雨\n\n摘要。\n");
    odd.put("unknown-section", Set.of("section-unknown", "entry-without-link"));
    Files.writeString(data.resolve("nested.md"), "# 2021 年第 13 周" + ENTRY + "- ".repeat(10_000) + "深处\n");
    odd.put("nested", Set.of());
    return odd;
  }

  @Test
  void brokenFilesFailAloneWithFileAndLineAndTheExitCodeSaysSo() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Path store = tmp.resolve("store");
    for (String slug : List.of(W41, W48)) {
      Files.copy(Path.of("data", slug + ".md"), data.resolve(slug + ".md"));
    }
    // A good issue that will break later: its graph must survive.
    String victim = Files.readString(Path.of("data", W48 + ".md")).replace("第 48 周", "第 49 周");
    Files.writeString(data.resolve("victim.md"), victim);
    CliRun first = build(data, store);
    assertEquals(0, first.code(), first.err());
    Graph victimBefore = BuilderIT.graph(store, "victim");
    assertFalse(victimBefore.isEmpty());

    Map<String, Bad> bad = brokenFiles(data);
    for (var e : bad.entrySet()) {
      Files.write(data.resolve(e.getKey()), e.getValue().content());
    }
    Map<String, Set<String>> odd = oddFiles(data);
    // 50 MB of text, refused before it is parsed.
    Path huge = data.resolve("huge.md");
    byte[] line = utf8("这是很长的一行文字。 a long line of text that goes on and on\n");
    try (OutputStream out = Files.newOutputStream(huge)) {
      out.write(utf8("# 2021 年第 14 周\n\n"));
      for (long n = 0; n < 50L * 1024 * 1024; n += line.length) {
        out.write(line);
      }
    }
    // The victim breaks: invalid UTF-8 in its middle.
    byte[] broken = Files.readAllBytes(data.resolve("victim.md"));
    broken[broken.length / 2] = (byte) 0xFF;
    Files.write(data.resolve("victim.md"), broken);

    long start = System.nanoTime();
    CliRun r = build(data, store);
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(millis < 60_000, "the build took " + millis + " ms");
    assertEquals(Cli.FAILURE, r.code(), "some files failed: exit 1\n" + r.out() + r.err());

    // One "failed" line per broken file, in the editors' file:line: form.
    List<String> failedLines = r.err().lines().filter(l -> l.startsWith("failed    ")).toList();
    assertEquals(bad.size() + 2, failedLines.size(), r.err());
    for (var e : bad.entrySet()) {
      String prefix = "failed    " + data.resolve(e.getKey()) + ":" + e.getValue().line() + ":";
      assertTrue(failedLines.stream().anyMatch(l -> l.startsWith(prefix) && l.contains(e.getValue().reason())),
          e.getKey() + ": expected '" + prefix + " ..." + e.getValue().reason() + "' in\n" + r.err());
    }
    assertTrue(failedLines.stream().anyMatch(l -> l.startsWith("failed    " + huge + ":") && l.contains("too large")), r.err());
    assertTrue(failedLines.stream().anyMatch(l -> l.startsWith("failed    " + data.resolve("victim.md") + ":")
        && l.contains("not valid UTF-8")), r.err());
    assertFalse(r.err().contains("Exception"), "no stack trace, no exception names: " + r.err());

    // The odd files load, with their warnings.
    for (var e : odd.entrySet()) {
      assertTrue(r.out().contains("added     " + e.getKey() + "\n"), e.getKey() + " not loaded:\n" + r.out());
      for (String code : e.getValue()) {
        assertTrue(r.out().lines().anyMatch(l -> l.contains("[" + code + "]")), code + " missing:\n" + r.out());
      }
    }
    int expectedIssues = 3 + odd.size();
    assertTrue(r.out().contains(expectedIssues + " issues in store (" + odd.size() + " added, 1 updated, 1 unchanged, 0 removed, "
        + (bad.size() + 2) + " failed)"), r.out());

    try (Store s = Store.open(store)) {
      s.read(() -> {
        var dsg = s.datasetGraph();
        // The good issues are there, and the victim keeps its previous graph.
        assertTrue(dsg.getGraph(BuilderIT.IRIS.issueGraph(W41)).size() > 100);
        assertTrue(dsg.getGraph(BuilderIT.IRIS.issueGraph(W48)).size() > 100);
        Graph victimNow = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
        dsg.getGraph(BuilderIT.IRIS.issueGraph("victim")).find().forEachRemaining(victimNow::add);
        assertTrue(victimBefore.isIsomorphicWith(victimNow), "the broken file's previous graph is kept");
        // No graph of a broken file.
        for (String name : bad.keySet()) {
          String slug = name.replaceFirst("\\.(md|json)$", "");
          assertTrue(dsg.getGraph(BuilderIT.IRIS.issueGraph(slug)).isEmpty(), slug);
        }
        // Script tags are text; the graph of every loaded issue is valid RDF through and through.
        Graph script = dsg.getGraph(BuilderIT.IRIS.issueGraph("script"));
        assertTrue(script.contains(BuilderIT.IRIS.issue("script"), Vocab.DC_TITLE,
            NodeFactory.createLiteralLang("2021 年第 10 周 <script>alert(1)</script>", "zh")));
        var names = new TreeSet<String>();
        s.graphNames(BuilderIT.IRIS.issueGraphPrefix()).forEach(g -> names.add(g.getURI()));
        for (String g : names) {
          List<String> problems = StrictRoundTrip.problems(dsg.getGraph(NodeFactory.createURI(g)));
          assertTrue(problems.isEmpty(), g + ": " + problems);
        }
        // Bad links never became IRIs; the repairable ones were percent-encoded.
        Graph urls = dsg.getGraph(BuilderIT.IRIS.issueGraph("bad-urls"));
        List<String> links = urls.find(Node.ANY, Vocab.LINK, Node.ANY).mapWith(t -> t.getObject().getURI()).toList();
        // "[i](https://a.org/(unbalanced" is no Markdown link; its bare URL is a valid IRI.
        assertEquals(Set.of("https://a.org/a%20b", "https://a.org/a%5Db", "https://a.org/%25zz",
            "https://a.org/(unbalanced"), Set.copyOf(links));
        return null;
      });
    }
    // bad-link warnings name each dropped link.
    for (String why : List.of("\"javascript:alert(1)\" of the entry \"标题\" uses the scheme 'javascript'",
        "\"relative/x.html\" of the entry \"标题\" is not an absolute http(s) URL",
        "is 100,014 characters long", "\"mailto:x@y.org\" of the entry \"标题\" uses the scheme 'mailto'",
        "\"http://\" of the entry \"标题\" is not a valid IRI")) {
      assertTrue(r.out().contains(why), why + "\n" + r.out());
    }

    // Fixed (here: removed) broken files: the build succeeds again.
    for (String name : bad.keySet()) {
      Files.delete(data.resolve(name));
    }
    Files.delete(huge);
    Files.writeString(data.resolve("victim.md"), victim);
    CliRun fixed = build(data, store);
    assertEquals(Cli.OK, fixed.code(), fixed.err());
    assertTrue(fixed.out().contains("0 failed"), fixed.out());
  }

  @Test
  void aBuildWithOnlyWarningsExitsZero() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    Map<String, Set<String>> odd = oddFiles(data);
    CliRun r = build(data, tmp.resolve("store"));
    assertEquals(Cli.OK, r.code(), r.out() + r.err());
    assertTrue(r.err().isBlank(), r.err());
    var counted = new ArrayList<String>();
    r.out().lines().filter(l -> l.startsWith("warnings  ")).forEach(counted::add);
    assertEquals(odd.values().stream().filter(w -> !w.isEmpty()).count(), counted.size(), r.out());
  }
}

package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.pages.BrowserFixture.PLANTED;
import static org.mlnews.server.pages.BrowserFixture.W41;
import static org.mlnews.server.pages.BrowserFixture.W48;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;

/** The browser over HTTP: content negotiation on every kind of IRI, every page type, search, safety. */
class BrowserIT {
  static final String ISSUE = "/issue/" + W41;
  static final String HTML_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  @TempDir static Path dir;
  static BrowserFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = BrowserFixture.start(dir, new Iris(Iris.DEFAULT_BASE));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  static String header(HttpResponse<?> r, String name) {
    return r.headers().firstValue(name).orElse("");
  }

  static Graph parse(String body, Lang lang) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(body, lang).parse(g);
    return g;
  }

  static Node iri(String s) {
    return NodeFactory.createURI(s);
  }

  HttpResponse<String> page(String path) throws Exception {
    var r = f.get(path, "Accept", HTML_ACCEPT);
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    assertTrue(header(r, "Content-Type").startsWith("text/html"), path + " " + header(r, "Content-Type"));
    return r;
  }

  /** The "With issues: earlier … · later …" line of a period page: the hrefs it links, in order. */
  List<String> withIssues(String path) throws Exception {
    String body = page(path).body();
    int at = body.indexOf("With issues:");
    if (at < 0) {
      return List.of();
    }
    String line = body.substring(at, body.indexOf("</p>", at));
    var hrefs = new java.util.ArrayList<String>();
    var m = java.util.regex.Pattern.compile("(earlier|later) <a href=\"([^\"]+)\"").matcher(line);
    while (m.find()) {
      hrefs.add(m.group(1) + " " + m.group(2));
    }
    return hrefs;
  }

  @Test
  void periodPagesLinkTheNearestPeriodsWithIssues() throws Exception {
    // The fixture's issues: weeks 41, 42 and 48 of 2020 (October, October, November; all Q4).
    assertEquals(List.of("later /time/week/2020-W42"), withIssues("/time/week/2020-W41"));
    assertEquals(List.of("earlier /time/week/2020-W41", "later /time/week/2020-W48"), withIssues("/time/week/2020-W42"));
    assertEquals(List.of("earlier /time/week/2020-W42"), withIssues("/time/week/2020-W48"));
    assertEquals(List.of("later /time/month/2020-11"), withIssues("/time/month/2020-10"));
    assertEquals(List.of("earlier /time/month/2020-10"), withIssues("/time/month/2020-11"));
    assertEquals(List.of(), withIssues("/time/quarter/2020-Q4"));
  }

  // ---------------------------------------------------------------------------------------------
  // Content negotiation

  @Test
  void anIriAnswersEachRdfFormatByAccept() throws Exception {
    Node issue = iri(Iris.DEFAULT_BASE + "issue/" + W41);
    Object[][] cases = {
        {"text/turtle", Lang.TURTLE, "ttl"},
        {"application/ld+json", Lang.JSONLD, "jsonld"},
        {"application/n-triples", Lang.NTRIPLES, "nt"},
        {"application/rdf+xml", Lang.RDFXML, "rdf"}};
    Graph first = null;
    for (Object[] c : cases) {
      var r = f.get(ISSUE, "Accept", (String) c[0]);
      assertEquals(200, r.statusCode(), c[0] + ": " + r.body());
      assertTrue(header(r, "Content-Type").startsWith((String) c[0]), c[0] + " gave " + header(r, "Content-Type"));
      assertTrue(header(r, "Vary").contains("Accept"), "Vary: " + header(r, "Vary"));
      assertEquals(ISSUE + "?format=" + c[2], header(r, "Content-Location"));
      Graph g = parse(r.body(), (Lang) c[1]);
      assertTrue(g.contains(issue, Vocab.DC_TITLE, NodeFactory.createLiteralLang("2020 年第 41 周", "zh")), c[0] + "");
      if (first == null) {
        first = g;
      } else {
        assertTrue(first.isIsomorphicWith(g), c[0] + " describes the issue differently");
      }
    }
  }

  @Test
  void browsersGetHtmlAndFormatOverridesAccept() throws Exception {
    for (String accept : new String[] {HTML_ACCEPT, "*/*", "text/*", "text/html"}) {
      var r = f.get(ISSUE, "Accept", accept);
      assertEquals(200, r.statusCode(), accept);
      assertTrue(header(r, "Content-Type").startsWith("text/html"), accept + " gave " + header(r, "Content-Type"));
      assertTrue(header(r, "Vary").contains("Accept"));
    }
    assertTrue(header(f.get(ISSUE), "Content-Type").startsWith("text/html"), "no Accept: HTML");
    String[][] overrides = {{"ttl", "text/turtle"}, {"jsonld", "application/ld+json"},
        {"nt", "application/n-triples"}, {"rdf", "application/rdf+xml"}, {"html", "text/html"}};
    for (String[] o : overrides) {
      var r = f.get(ISSUE + "?format=" + o[0], "Accept", o[1].equals("text/html") ? "text/turtle" : HTML_ACCEPT);
      assertEquals(200, r.statusCode(), o[0]);
      assertTrue(header(r, "Content-Type").startsWith(o[1]), o[0] + " gave " + header(r, "Content-Type"));
      assertTrue(header(r, "Vary").contains("Accept"));
    }
    // Quality values: Turtle preferred over HTML.
    var q = f.get(ISSUE, "Accept", "text/html;q=0.5, text/turtle");
    assertTrue(header(q, "Content-Type").startsWith("text/turtle"), header(q, "Content-Type"));
    var link = f.get(ISSUE, "Accept", "text/turtle");
    assertTrue(header(link, "Link").contains("<" + ISSUE + "?format=jsonld>; rel=\"alternate\"; type=\"application/ld+json\""),
        header(link, "Link"));
  }

  @Test
  void notAcceptableWhenNothingFits() throws Exception {
    for (String accept : new String[] {"image/png", "application/pdf, video/*", "text/html;q=0"}) {
      var r = f.get(ISSUE, "Accept", accept);
      assertEquals(406, r.statusCode(), accept + ": " + r.body());
      assertTrue(header(r, "Vary").contains("Accept"));
      assertTrue(r.body().contains("text/turtle"), "says what it can produce: " + r.body());
    }
    assertEquals(406, f.get(ISSUE + "?format=pdf").statusCode());
  }

  @Test
  void everyKindOfIriResolves() throws Exception {
    String[] paths = {ISSUE, ISSUE + "/entry/openreview-PxTIG12RRHS", ISSUE + "/section/1", ISSUE + "/warning/1",
        "/graph/issue/" + W41, "/graph/ontology", "/graph/topics", "/paper/arxiv/2010.00554", "/paper/openreview/PxTIG12RRHS",
        "/topic/GAN", "/topic/", "/time/week/2020-W41", "/time/month/2020-10", "/time/quarter/2020-Q4",
        "/time/year/2020", "/ontology", "/dataset"};
    for (String p : paths) {
      for (String accept : new String[] {HTML_ACCEPT, "text/turtle"}) {
        var r = f.get(p, "Accept", accept);
        assertEquals(200, r.statusCode(), p + " as " + accept + ": " + r.body());
      }
    }
    // Articles are keyed by a hash: take one from the data.
    var articles = f.get(ISSUE + "?format=nt");
    var m = Pattern.compile("<https://mlnews\\.example\\.org/ontology#about> <https://mlnews\\.example\\.org(/article/[0-9a-f]+)>")
        .matcher(f.get(ISSUE + "/entry/a8154b4238faaa5e?format=nt").body() + articles.body());
    var turtle = parse(f.get("/time/week/2020-W41?format=ttl").body(), Lang.TURTLE);
    assertFalse(turtle.isEmpty());
    var all = f.get("/mlnews/sparql?query=" + URLEncoder.encode(
        "SELECT ?a WHERE { ?a a <https://mlnews.example.org/ontology#Article> } LIMIT 1", StandardCharsets.UTF_8),
        "Accept", "text/csv");
    String article = all.body().strip().split("\r?\n")[1].replace(Iris.DEFAULT_BASE, "/");
    assertEquals(200, page(article).statusCode(), article);
    assertNotNull(m);
  }

  @Test
  void aPeriodTheDataOnlyLinksToIsDescribedByTheCalendar() throws Exception {
    // Week 42 of 2020 has no issue; week 41's graph links to it as the next week.
    Graph g = parse(f.get("/time/week/2020-W42?format=nt").body(), Lang.NTRIPLES);
    Node w42 = iri(Iris.DEFAULT_BASE + "time/week/2020-W42");
    assertTrue(g.contains(w42, Vocab.RDF_TYPE, Vocab.WEEK), "typed");
    assertTrue(g.contains(w42, Vocab.SCHEMA_START_DATE, NodeFactory.createLiteralDT("2020-10-11",
        org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)), "dated");
    assertTrue(g.contains(w42, Vocab.IN_PERIOD, iri(Iris.DEFAULT_BASE + "time/quarter/2020-Q4")), "placed");
    assertEquals(404, f.get("/time/week/1999-W05?format=nt").statusCode(), "a week nothing links to is unknown");
  }

  @Test
  void theVoidSendsABrowserToTheDatasetsPage() throws Exception {
    var browser = f.get("/.well-known/void", "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
    assertEquals(303, browser.statusCode());
    assertEquals("/dataset", browser.headers().firstValue("Location").orElse(""));
    var any = f.get("/.well-known/void", "Accept", "*/*");
    assertEquals(200, any.statusCode());
    assertTrue(any.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), any.headers().toString());
  }

  @Test
  void theHomePageSendsAnRdfClientToTheDataset() throws Exception {
    var turtle = f.get("/", "Accept", "text/turtle");
    assertEquals(303, turtle.statusCode());
    assertEquals("/dataset", turtle.headers().firstValue("Location").orElse(""));
    assertEquals(200, f.get("/", "Accept", "text/html,*/*;q=0.8").statusCode());
    assertEquals(200, f.get("/").statusCode());
  }

  @Test
  void aDoiWrittenWithItsSlashIsRedirectedToThePapersPath() throws Exception {
    var r = f.get("/paper/doi/10.1109/cvpr42600.2020.00813");
    assertEquals(301, r.statusCode());
    assertEquals("/paper/doi/10.1109%2Fcvpr42600.2020.00813", r.headers().firstValue("Location").orElse(""));
    assertEquals(200, f.get(r.headers().firstValue("Location").orElseThrow()).statusCode());
  }

  @Test
  void aWorkWithoutATitleIsNamedByItsHeadline() throws Exception {
    assertTrue(page("/paper/arxiv/2010.88888").body().contains("<h1 lang=\"zh\">没有标题的论文</h1>"));
    assertTrue(page("/issue/" + PLANTED).body().contains("href=\"/paper/arxiv/2010.88888\" lang=\"zh\">没有标题的论文"));
  }

  @Test
  void aSectionListsItsEntriesInOrder() throws Exception {
    String b = page("/issue/" + W48 + "/section/1").body();
    int last = -1;
    for (String n : List.of("openreview-1Fqg133qRaI", "neurips-2cfa8f9e50e0f510ede9d12338a5f564",
        "arxiv-2011.05867", "arxiv-2011.06210", "arxiv-2010.05334")) {
      int at = b.indexOf("href=\"/issue/" + W48 + "/entry/" + n + "\"");
      if (at >= 0) {
        assertTrue(at > last, "entry " + n + " after the one before it");
        last = at;
      }
    }
    assertTrue(last > 0, "the section links its entries");
  }

  @Test
  void theOntologysVersionIriGivesTheOntology() throws Exception {
    var page = f.get("/ontology/0.1.0", "Accept", HTML_ACCEPT);
    assertEquals(200, page.statusCode());
    assertEquals(parse(f.get("/ontology?format=nt").body(), Lang.NTRIPLES).size(),
        parse(f.get("/ontology/0.1.0?format=nt").body(), Lang.NTRIPLES).size());
    assertEquals(404, f.get("/ontology/9.9.9?format=nt").statusCode());
  }

  @Test
  void aGraphsNameGivesTheGraph() throws Exception {
    // As data: the graph's whole content, the same as the Graph Store Protocol's ?graph= gives.
    for (String name : List.of("graph/issue/" + W41, "graph/ontology", "graph/topics")) {
      Graph viaName = parse(f.get("/" + name + "?format=nt").body(), Lang.NTRIPLES);
      Graph viaStore = parse(f.get("/mlnews/get?graph=" + URLEncoder.encode(Iris.DEFAULT_BASE + name,
          StandardCharsets.UTF_8), "Accept", "application/n-triples").body(), Lang.NTRIPLES);
      assertFalse(viaName.isEmpty(), name);
      assertTrue(viaName.isIsomorphicWith(viaStore), name);
    }
    // As a page: its size, what it holds and where its content is.
    String issueGraph = page("/graph/issue/" + W41).body();
    assertTrue(issueGraph.contains("A named graph of "), issueGraph);
    assertTrue(issueGraph.contains("<h1 lang=\"\">graph/issue/" + W41 + "</h1>"), issueGraph);
    assertTrue(issueGraph.contains("href=\"/issue/" + W41 + "\""), "links the issue it holds");
    assertTrue(issueGraph.contains("wasDerivedFrom"), "shows its provenance");
    assertTrue(page("/graph/ontology").body().contains("href=\"/ontology\""));
    assertTrue(page("/graph/topics").body().contains("href=\"/topic/\""));
    assertEquals(404, f.get("/graph/issue/none", "Accept", HTML_ACCEPT).statusCode());
    assertEquals(404, f.get("/graph/issue/none?format=ttl").statusCode());
    // A 404 names no representation of what is not there.
    assertTrue(f.get("/graph/issue/none", "Accept", "text/turtle").headers().firstValue("Content-Location").isEmpty());
    assertTrue(f.get("/graph/issue/none", "Accept", HTML_ACCEPT).headers().firstValue("Content-Location").isEmpty());
    // The issue's graph names its issue.
    Graph content = parse(f.get("/graph/issue/" + W41 + "?format=nt").body(), Lang.NTRIPLES);
    assertTrue(content.contains(iri(Iris.DEFAULT_BASE + "graph/issue/" + W41),
        iri("http://xmlns.com/foaf/0.1/primaryTopic"), iri(Iris.DEFAULT_BASE + "issue/" + W41)));
  }

  @Test
  void identifiersWithASlashResolve() throws Exception {
    // A DOI-keyed paper: its IRI holds %2F in one segment; any case of the hex digits names it.
    String doi = "/paper/doi/10.1109%2Fcvpr42600.2020.00813";
    String planted = page("/issue/" + PLANTED).body();
    assertTrue(planted.contains("href=\"" + doi + "\""), "the issue links the DOI paper");
    for (String p : List.of(doi, doi.replace("%2F", "%2f"))) {
      var r = f.get(p, "Accept", HTML_ACCEPT);
      assertEquals(200, r.statusCode(), p + ": " + r.body());
      assertTrue(r.body().contains("href=\"https://doi.org/10.1109/cvpr42600.2020.00813\""), "the DOI links out");
    }
    Graph g = parse(f.get(doi + "?format=ttl").body(), Lang.TURTLE);
    assertTrue(g.contains(iri(Iris.DEFAULT_BASE + "paper/doi/10.1109%2Fcvpr42600.2020.00813"), Vocab.RDF_TYPE, Vocab.PAPER));
  }

  @Test
  void unknownIrisAre404() throws Exception {
    var html = f.get("/issue/no-such-issue", "Accept", HTML_ACCEPT);
    assertEquals(404, html.statusCode());
    assertTrue(html.body().contains("not in this dataset"));
    assertEquals(404, f.get("/paper/arxiv/0000.00000", "Accept", "text/turtle").statusCode());
    assertEquals(404, f.get("/topic/NoSuchTopic?format=ttl").statusCode());
  }

  @Test
  void descriptionsCarryIncomingLinksWithLabels() throws Exception {
    // A topic's description lists the entries and papers about it, with their labels.
    Graph topic = parse(f.get("/topic/GAN", "Accept", "text/turtle").body(), Lang.TURTLE);
    Node gan = iri(Vocab.TOPIC + "GAN");
    Node entry = iri(Iris.DEFAULT_BASE + "issue/" + W41 + "/entry/openreview-PxTIG12RRHS");
    Node paper = iri(Iris.DEFAULT_BASE + "paper/openreview/PxTIG12RRHS");
    assertTrue(topic.contains(entry, Vocab.DC_SUBJECT, gan), "incoming: an entry about GAN");
    assertTrue(topic.contains(entry, Vocab.HEADLINE, NodeFactory.createLiteralLang("甘作随机微分方程", "zh")),
        "with the entry's headline");
    assertTrue(topic.contains(paper, Vocab.DC_SUBJECT, gan), "incoming: a paper about GAN");
    assertTrue(topic.contains(paper, Vocab.DC_TITLE, Node.ANY), "with the paper's title");
    // A week's description lists its issues, with their titles.
    Graph week = parse(f.get("/time/week/2020-W41?format=nt").body(), Lang.NTRIPLES);
    Node issue = iri(Iris.DEFAULT_BASE + "issue/" + W41);
    assertTrue(week.contains(issue, Vocab.WEEK_PROP, iri(Iris.DEFAULT_BASE + "time/week/2020-W41")));
    assertTrue(week.contains(issue, Vocab.DC_TITLE, Node.ANY));
  }

  @Test
  void ontologyTermsDereferenceToTheOntologyDocument() throws Exception {
    var html = page("/ontology");
    assertTrue(html.body().contains("id=\"Issue\""), "an anchor per term");
    assertTrue(html.body().contains("id=\"featuredIn\""));
    Graph g = parse(f.get("/ontology", "Accept", "text/turtle").body(), Lang.TURTLE);
    assertTrue(g.contains(Vocab.ISSUE, Vocab.RDF_TYPE, iri(Vocab.OWL + "Class")));
    assertTrue(g.size() > 200, "the whole ontology: " + g.size());
    // Links to ontology terms on pages point into the document.
    assertTrue(page("/topic/GAN").body().contains("href=\"/ontology\"") || page(ISSUE + "/entry/openreview-PxTIG12RRHS").body()
        .contains("href=\"/ontology#headline\""));
  }

  @Test
  void theDatasetDescribesItself() throws Exception {
    var r = f.get("/dataset", "Accept", "text/turtle");
    assertEquals(200, r.statusCode());
    Graph g = parse(r.body(), Lang.TURTLE);
    Node dataset = iri(Iris.DEFAULT_BASE + "dataset");
    assertTrue(g.contains(dataset, Vocab.RDF_TYPE, iri(Describer.VOID + "Dataset")));
    // The whole description, as at /.well-known/void: the endpoint, the partitions, DCAT.
    assertTrue(g.contains(dataset, iri(Describer.VOID + "sparqlEndpoint"), Node.ANY), r.body());
    assertTrue(g.contains(dataset, iri(Describer.VOID + "classPartition"), Node.ANY), r.body());
    assertTrue(g.contains(dataset, Vocab.RDF_TYPE, iri("http://www.w3.org/ns/dcat#Dataset")), r.body());
    assertTrue(parse(f.get("/dataset?format=nt").body(), Lang.NTRIPLES).isIsomorphicWith(g));
  }

  // ---------------------------------------------------------------------------------------------
  // Pages

  @Test
  void homePage() throws Exception {
    var r = page("/");
    String b = r.body();
    assertTrue(b.contains("Akira&#39;s ML News as linked data") || b.contains("Akira's ML News as linked data"), b);
    assertTrue(b.contains("issues</li>") && b.contains("papers</li>"), "counts");
    // The counts agree with the plain DISTINCT queries over the endpoint.
    for (var count : java.util.Map.of(
        "topics mentioned", "SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE { ?e a ml:Entry ; dcterms:subject ?t }",
        "entries", "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ml:Entry }").entrySet()) {
      String n = f.get("/mlnews/sparql?query=" + URLEncoder.encode("PREFIX ml: <https://mlnews.example.org/ontology#> "
          + "PREFIX dcterms: <http://purl.org/dc/terms/> " + count.getValue(), StandardCharsets.UTF_8),
          "Accept", "text/csv").body().strip().split("\r?\n")[1];
      assertTrue(b.contains("<strong>" + n + "</strong> " + count.getKey() + "</li>"), count.getKey() + " " + n);
    }
    assertTrue(b.contains("href=\"/issue/" + W48 + "\""), "latest issues");
    assertTrue(b.indexOf("/issue/" + W48) < b.indexOf("/issue/" + W41), "latest first");
    assertTrue(b.contains("href=\"/topic/GAN\"") && b.contains("generative adversarial network"), "topics, by label");
    for (String link : List.of("/mlnews/sparql", "/ui/#/dataset/mlnews/query", "/queries", "/.well-known/void", "/search")) {
      assertTrue(b.contains("href=\"" + link + "\""), "links to " + link);
    }
  }

  @Test
  void issuePageShowsEveryLinkTheNewsletterGives() throws Exception {
    // Week 48 names two monthly summaries; its footer's block, copied from week 47's issue
    // ("第 47 周(本帖)"), names week 46 as the previous one, which is week 47's previous, not 48's.
    String b = page("/issue/" + W48).body();
    int start = b.indexOf("The newsletter links:");
    String links = b.substring(start, b.indexOf("</p>", start));
    for (String s : List.of("week47-2020", "september-2020", "october-2020", "week49-2020")) {
      assertTrue(links.contains(s), s + " in " + links);
    }
    assertFalse(links.contains("week46-2020"), links);
  }

  @Test
  void issuePage() throws Exception {
    String b = page(ISSUE).body();
    assertTrue(b.contains("2020 年第 41 周"), "title");
    assertTrue(b.contains("href=\"/time/week/2020-W41\""), "its week");
    assertTrue(b.contains("href=\"/time/quarter/2020-Q4\""), "its quarter");
    assertTrue(b.contains("href=\"/issue/" + PLANTED + "\""), "next issue in the dataset");
    // Sections in order, entries in order with headline, title, summary, links out and topics.
    int s1 = b.indexOf("<h2 lang=\"zh\">机器学习论文");
    int s2 = b.indexOf("<h2 lang=\"zh\">技术文章");
    assertTrue(s1 >= 0 && s2 > s1, "sections in order");
    int e1 = b.indexOf("id=\"entry-arxiv-2010.00554\"");
    int e2 = b.indexOf("id=\"entry-openreview-PxTIG12RRHS\"");
    assertTrue(e1 > 0 && e2 > e1, "entries in order");
    assertTrue(b.contains("将 PCA 解释为玩游戏和去中心化"), "headline");
    assertTrue(b.contains("EigenGame: PCA 作为纳什均衡"), "title of the work");
    assertTrue(b.contains("href=\"/paper/arxiv/2010.00554\""), "the paper's page");
    assertTrue(b.contains("纳什均衡条件下等价于 PCA"), "summary");
    assertTrue(b.contains("href=\"https://arxiv.org/abs/2010.00554\">arXiv</a>"), "link out to arXiv");
    assertTrue(b.contains(">OpenReview</a>"), "link out to OpenReview");
    assertTrue(b.contains(">principal component analysis</a>"), "topics by label");
    assertTrue(b.contains("https://medium.com/analytics-vidhya/akiras-ml-news-week41-2020-ff1938c74adf"), "source");
    assertTrue(b.contains("entry-without-link"), "warnings");
    // Data links in every format.
    for (String fmt : new String[] {"ttl", "jsonld", "nt", "rdf"}) {
      assertTrue(b.contains("href=\"" + ISSUE + "?format=" + fmt + "\""), fmt);
    }
    String w48 = page("/issue/" + W48).body();
    assertTrue(w48.contains("editor&#39;s pick") || w48.contains("editor's pick"), "picks marked");
    assertTrue(w48.contains("class=\"entry pick\""), "picks marked");
  }

  @Test
  void paperPage() throws Exception {
    String b = page("/paper/arxiv/2010.00554").body();
    assertTrue(b.contains("EigenGame: PCA 作为纳什均衡"), "title");
    assertTrue(b.contains("href=\"https://arxiv.org/abs/2010.00554\""), "arXiv link");
    assertTrue(b.contains("href=\"https://doi.org/10.48550/arXiv.2010.00554\""), "DOI link");
    assertTrue(b.contains("href=\"/issue/" + W41 + "\""), "the issue that featured it");
    assertTrue(b.contains("href=\"/issue/" + W41 + "#entry-arxiv-2010.00554\""), "the entry in it");
    assertTrue(b.contains(">principal component analysis</a>"), "topics");
  }

  @Test
  void topicPage() throws Exception {
    String b = page("/topic/GAN").body();
    assertTrue(b.contains("generative adversarial network"), "English label");
    assertTrue(b.contains("生成对抗网络"), "Chinese label");
    assertTrue(b.contains("href=\"/topic/GenerativeModel\""), "broader");
    assertTrue(b.contains("href=\"/topic/BigGAN\""), "narrower");
    assertTrue(b.contains("href=\"/time/quarter/2020-Q4\""), "papers grouped by quarter");
    assertTrue(b.contains("href=\"/paper/openreview/PxTIG12RRHS\""), "a GAN paper");
    assertTrue(b.contains("<svg") && b.contains("<rect class=\"bar\""), "a chart of mentions per week");
    assertTrue(b.contains("Week 41, 2020: "), "bars are labelled");
  }

  @Test
  void periodPages() throws Exception {
    String week = page("/time/week/2020-W41").body();
    assertTrue(week.contains("Week 41, 2020") && week.contains("2020 年第 41 周"));
    assertTrue(week.contains("href=\"/issue/" + W41 + "\""), "what appeared");
    assertTrue(week.contains("href=\"/time/week/2020-W42\""), "next week");
    assertTrue(week.contains("href=\"/time/quarter/2020-Q4\"") && week.contains("href=\"/time/month/2020-10\""),
        "the periods it is in");
    assertTrue(week.contains("将 PCA 解释为玩游戏和去中心化"), "entries of the week");
    String quarter = page("/time/quarter/2020-Q4").body();
    assertTrue(quarter.contains("Q4 2020"));
    for (String slug : List.of(W41, W48, PLANTED)) {
      assertTrue(quarter.contains("href=\"/issue/" + slug + "\""), slug);
    }
    assertTrue(quarter.contains("href=\"/time/quarter/2020-Q3\"") || quarter.contains(">Q3 2020<"), "previous quarter");
    assertTrue(quarter.contains("href=\"/time/week/2020-W48\""), "weeks within it");
    String month = page("/time/month/2020-11").body();
    assertTrue(month.contains("November 2020") && month.contains("href=\"/issue/" + W48 + "\""));
    assertTrue(month.contains("earlier <a href=\"/time/month/2020-10\""), "nearest month with issues");
    String year = page("/time/year/2020").body();
    assertTrue(year.contains("href=\"/time/quarter/2020-Q4\""), "quarters within the year");
    assertTrue(year.contains("href=\"/issue/" + W48 + "\""));
  }

  @Test
  void topicSchemePage() throws Exception {
    String b = page("/topic/").body();
    assertTrue(b.contains("mlnews topics"));
    int generative = b.indexOf("href=\"/topic/GenerativeModel\"");
    int gan = b.indexOf("href=\"/topic/GAN\"");
    int stylegan = b.indexOf("href=\"/topic/StyleGAN\"");
    assertTrue(generative > 0 && gan > generative && stylegan > gan, "a tree: generative model > GAN > StyleGAN");
    assertTrue(b.contains("<li class=\"depth-2\"><a href=\"/topic/StyleGAN\""), b);
  }

  @Test
  void longListsArePaginated() throws Exception {
    // Q4 2020 holds 29 entries; the fixture's pages hold 10.
    String first = page("/time/quarter/2020-Q4").body();
    assertTrue(first.contains("page 1 of 3"), first);
    assertTrue(first.contains("href=\"/time/quarter/2020-Q4?page=2\""), "a link to page 2");
    assertTrue(first.contains("将 PCA 解释为玩游戏和去中心化"), "the first entry on page 1");
    String third = page("/time/quarter/2020-Q4?page=3").body();
    assertTrue(third.contains("page 3 of 3"));
    assertTrue(third.contains("href=\"/time/quarter/2020-Q4?page=2\""), "a link back");
    assertFalse(third.contains("将 PCA 解释为玩游戏和去中心化"));
    assertTrue(page("/time/quarter/2020-Q4?page=99").body().contains("page 3 of 3"), "past the end: the last page");
    // Search results and a generic page's incoming links too.
    String search = page("/search?q=" + URLEncoder.encode("的", StandardCharsets.UTF_8)).body();
    assertTrue(search.contains("page 1 of"), "search results are paginated");
    assertTrue(search.contains("&amp;page=2\""), search);
    String gan = page("/topic/GAN").body();
    assertFalse(gan.contains("page 1 of"), "a short list has no pager");
  }

  @Test
  void pagesShowLabelsNotIris() throws Exception {
    for (String p : List.of(ISSUE, "/topic/GAN", "/time/week/2020-W41", "/paper/arxiv/2010.00554", ISSUE + "/entry/openreview-PxTIG12RRHS")) {
      String b = page(p).body();
      var anchorText = Pattern.compile(">https://mlnews\\.example\\.org/[^<]*</a>").matcher(b);
      assertFalse(anchorText.find(), p + " shows an IRI as link text: " + (anchorText.find(0) ? anchorText.group() : ""));
    }
    String entry = page(ISSUE + "/entry/openreview-PxTIG12RRHS").body();
    assertTrue(entry.contains("甘作随机微分方程"), "the entry's headline as its title");
  }

  @Test
  void search() throws Exception {
    for (String q : List.of("GAN", "甘", "生成")) {
      String b = page("/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).body();
      assertTrue(b.contains("class=\"hit\""), q + " finds something");
      assertFalse(b.contains(">0 results"), q);
    }
    String gan = page("/search?q=GAN").body();
    assertTrue(gan.contains("href=\"/topic/GAN\"") || gan.contains("/paper/"), "results link to pages");
    String zh = page("/search?q=" + URLEncoder.encode("甘", StandardCharsets.UTF_8)).body();
    assertTrue(zh.contains("href=\"/issue/" + W41 + "#entry-openreview-PxTIG12RRHS\""), "the entry headlined 甘作随机微分方程");
    String word = page("/search?q=" + URLEncoder.encode("生成", StandardCharsets.UTF_8)).body();
    assertTrue(word.contains("生成"), word);
    String none = page("/search?q=zzzxqv").body();
    assertTrue(none.contains("0 results"), none);
    assertEquals(200, page("/search?q=" + URLEncoder.encode("a:b (\"c", StandardCharsets.UTF_8)).statusCode(),
        "Lucene syntax in a query is taken as text");
    // Results are a page: a client that asks for RDF is told so rather than sent HTML.
    var rdf = f.get("/search?q=GAN", "Accept", "text/turtle");
    assertEquals(406, rdf.statusCode());
    assertTrue(rdf.body().contains("/sparql"), rdf.body());
    assertEquals(200, f.get("/search?q=GAN", "Accept", "*/*").statusCode());
  }

  // ---------------------------------------------------------------------------------------------
  // Safety

  @Test
  void plantedMarkupIsEscaped() throws Exception {
    String b = page("/issue/" + PLANTED).body();
    assertTrue(b.contains("&lt;script&gt;window.__pwned=1&lt;/script&gt;"), "the text is shown, escaped");
    assertTrue(b.contains("&lt;img src=x onerror="), "escaped");
    assertFalse(b.contains("<script>window.__pwned"), "no live script");
    assertFalse(b.contains("<img src=x"), "no live img");
    String search = page("/search?q=" + URLEncoder.encode("<script>", StandardCharsets.UTF_8)).body();
    assertFalse(search.contains("<script>"), "the query is escaped too");
    String paper = page("/paper/arxiv/2010.99999").body();
    assertFalse(paper.contains("<script>window.__pwned"));
  }

  @Test
  void securityHeaders() throws Exception {
    for (String p : List.of("/", ISSUE, "/search?q=GAN", "/static/site.css")) {
      var r = f.get(p, "Accept", HTML_ACCEPT);
      String csp = header(r, "Content-Security-Policy");
      assertTrue(csp.contains("default-src 'self'") && csp.contains("script-src 'self'"), p + ": " + csp);
      assertFalse(csp.contains("unsafe-inline"), p);
      assertEquals("nosniff", header(r, "X-Content-Type-Options"), p);
    }
  }

  @Test
  void staticFilesComeFromTheClasspathOnly() throws Exception {
    var css = f.get("/static/site.css");
    assertEquals(200, css.statusCode());
    assertTrue(header(css, "Content-Type").startsWith("text/css"));
    Set<Integer> refused = Set.of(400, 404);
    for (String raw : List.of("/static/..%2f..%2fpom.xml", "/static/..%2F..%2Ftemplates%2Fhome.peb",
        "/static/%2e%2e/%2e%2e/pom.xml", "/static/..%5c..%5cpom.xml", "/static/../templates/home.peb",
        "/static/%252e%252e%252fpom.xml", "/static/.hidden.css", "/static/", "/static/nope.css",
        "/ui/..%2f..%2fbrowser/static/site.css")) {
      int status = f.rawStatus(raw);
      assertTrue(refused.contains(status), raw + " -> " + status);
    }
  }

  @Test
  void headAndOtherMethods() throws Exception {
    var head = f.send("HEAD", ISSUE, "Accept", "text/turtle");
    assertEquals(200, head.statusCode());
    assertTrue(head.body().isEmpty());
    assertTrue(header(head, "Content-Type").startsWith("text/turtle"));
    var post = f.send("POST", ISSUE);
    assertEquals(405, post.statusCode());
    assertTrue(header(post, "Allow").contains("GET"));
  }

  @Test
  void fusekiStillAnswersItsPaths() throws Exception {
    var r = f.get("/mlnews/sparql?query=" + URLEncoder.encode("ASK { ?s ?p ?o }", StandardCharsets.UTF_8),
        "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertEquals(200, f.get("/$/ping").statusCode());
    assertEquals(200, f.get("/queries").statusCode());
    assertTrue(f.get("/ui/").body().contains("Fuseki"));
  }

  @Test
  void theEndpointsAddressFollowedAsALinkLeadsToTheQueryEditor() throws Exception {
    var r = f.get("/mlnews/sparql", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertEquals(303, r.statusCode());
    assertEquals("/ui/#/dataset/mlnews/query", r.headers().firstValue("Location").orElse(""));
    // A SPARQL client asking without a query is not sent to a page: it is told what is missing.
    var client = f.get("/mlnews/sparql", "Accept", "application/sparql-results+json");
    assertEquals(400, client.statusCode());
    assertTrue(client.body().contains("no query"), client.body());
  }

  @Test
  void theTopicSchemeWithoutItsSlashRedirects() throws Exception {
    var r = f.get("/topic", "Accept", HTML_ACCEPT);
    assertEquals(301, r.statusCode());
    assertEquals("/topic/", r.headers().firstValue("Location").orElse(""));
  }

  // ---- Named queries as pages

  @Test
  void theNamedQueriesAreListedAsAPageLinkingEachQuery() throws Exception {
    String body = page("/queries").body();
    for (String name : List.of("gan-papers-q4-2020", "issue-contents", "papers-by-topic", "topic-trend")) {
      assertTrue(body.contains("href=\"/queries/" + name + "\""), name);
    }
    assertTrue(body.contains("Parameters:"), body);
    // A SPARQL client still gets the list as JSON.
    var json = f.get("/queries", "Accept", "application/json");
    assertTrue(header(json, "Content-Type").startsWith("application/json"), header(json, "Content-Type"));
  }

  @Test
  void aQueryWithRequiredParametersFirstShowsItsForm() throws Exception {
    String body = page("/queries/papers-by-topic").body();
    assertTrue(body.contains("<form class=\"params\" action=\"/queries/papers-by-topic\""), body);
    assertTrue(body.contains("name=\"topic\" type=\"text\" value=\"\" required list=\"topic-keys\""), body);
    assertTrue(body.contains("name=\"quarter\" type=\"number\" value=\"\" min=\"1\" max=\"4\""), body);
    assertTrue(body.contains("<option value=\"StyleGAN\">"), "topics offered by key");
    assertFalse(body.contains("<table class=\"results\""), "nothing asked, nothing answered");
    assertFalse(body.contains("class=\"error\""), "an empty form is no mistake");
  }

  @Test
  void aQueryPageAnswersAsTheResultsDo() throws Exception {
    String path = "/queries/topic-weeks?topic=GAN";
    String body = page(path).body();
    var json = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(f.get(path, "Accept", "application/sparql-results+json").body()).at("/results/bindings");
    assertEquals(3, json.size(), "the bundled weeks and the planted one: " + json);
    for (var row : json) {
      String week = row.at("/week/value").asText();
      String local = week.substring(week.indexOf("/time/"));
      String mentions = row.at("/mentions/value").asText();
      assertTrue(body.contains("<a href=\"" + local + "\""), "week linked to its page: " + local);
      assertTrue(body.contains("<td><span>" + mentions + "</span></td>"), mentions);
    }
    assertTrue(body.contains("value=\"GAN\""), "the form keeps the value");
    assertTrue(body.contains("href=\"/queries/topic-weeks?format=csv&amp;topic=GAN\""), "the answer as CSV");
    // The editor opens with the values bound, GAN's narrower topics included.
    assertTrue(body.contains("VALUES+%3Ftopic"), body);
    assertTrue(body.contains("%2Ftopic%2FStyleGAN"), body);
  }

  @Test
  void aLongAnswerIsPaged() throws Exception {
    String first = page("/queries/issue-contents?issue=" + W41).body();
    assertTrue(first.contains("rel=\"next\" href=\"/queries/issue-contents?issue=" + W41 + "&amp;page=2\""), first);
    int rows = first.split("<tr>", -1).length - 2; // minus the text before the first and the header row
    assertEquals(BrowserFixture.PAGE_SIZE, rows);
    String second = page("/queries/issue-contents?issue=" + W41 + "&page=2").body();
    assertTrue(second.contains("rel=\"prev\""), second);
  }

  @Test
  void aRefusedValueIsA400WithTheFormAndTheReasonAndIsInert() throws Exception {
    String hostile = "\"><script>alert(1)</script>";
    var r = f.get("/queries/topic-trend?topic=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8), "Accept", HTML_ACCEPT);
    assertEquals(400, r.statusCode());
    assertTrue(header(r, "Content-Type").startsWith("text/html"), header(r, "Content-Type"));
    assertTrue(r.body().contains("unknown topic"), r.body());
    assertFalse(r.body().contains("<script>"), "the value is escaped");
    assertTrue(r.body().contains("<form class=\"params\""), "the form, to correct it");
    var bounds = f.get("/queries/papers-by-topic?topic=GAN&year=2020&quarter=9", "Accept", HTML_ACCEPT);
    assertEquals(400, bounds.statusCode());
    assertTrue(bounds.body().contains("quarter"), bounds.body());
  }

  @Test
  void anUnknownQueryIsA404Page() throws Exception {
    var r = f.get("/queries/no-such-query", "Accept", HTML_ACCEPT);
    assertEquals(404, r.statusCode());
    assertTrue(header(r, "Content-Type").startsWith("text/html"), header(r, "Content-Type"));
    assertTrue(r.body().contains("/queries/no-such-query"), r.body());
  }

  @Test
  void queryPagesAnswerWhatTheSameUrlAnswersAClient() throws Exception {
    // A name percent-encoded names the same query; a value given twice is refused, as the API does.
    assertEquals(200, f.get("/queries/topic%2Dtrend?topic=GAN", "Accept", HTML_ACCEPT).statusCode());
    var twice = f.get("/queries/papers-by-topic?topic=GAN&topic=VAE", "Accept", HTML_ACCEPT);
    assertEquals(400, twice.statusCode());
    assertTrue(twice.body().contains("given 2 times"), twice.body());
    assertEquals(400, f.get("/queries/papers-by-topic?topic=GAN&topic=VAE", "Accept", "text/csv").statusCode());
    // Two requests share a cached page only when they asked the same: this one asks for a topic
    // named "GAN, year=2020", which there is none of.
    assertEquals(200, f.get("/queries/papers-by-topic?topic=GAN&year=2020", "Accept", HTML_ACCEPT).statusCode());
    assertEquals(400, f.get("/queries/papers-by-topic?topic=GAN%2C%20year%3D2020", "Accept", HTML_ACCEPT).statusCode());
    // The address of an issue's page names the issue.
    assertEquals(200, f.get("/queries/issue-contents?issue="
        + URLEncoder.encode(f.base + "issue/" + W41, StandardCharsets.UTF_8), "Accept", HTML_ACCEPT).statusCode());
  }

  @Test
  void queryAnswersVaryOnAcceptAndOrigin() throws Exception {
    for (String path : List.of("/queries/topic-trend?topic=GAN", "/queries/no-such-query", "/topic/GAN")) {
      for (String accept : List.of(HTML_ACCEPT, "application/sparql-results+json")) {
        var r = f.get(path, "Accept", accept, "Origin", "http://elsewhere.example");
        String vary = String.join(",", r.headers().allValues("Vary"));
        assertTrue(vary.contains("Accept") && vary.contains("Origin"), path + " " + accept + ": " + vary);
      }
    }
  }

  @Test
  void namedQueriesAnswerOnlyGetAndHead() throws Exception {
    for (String method : List.of("TRACE", "POST", "PUT", "DELETE")) {
      var r = f.send(method, "/queries/topic-trend?topic=GAN");
      assertEquals(405, r.statusCode(), method);
      assertEquals("GET, HEAD", header(r, "Allow"), method);
    }
  }

  @Test
  void topicAndIssuePagesOfferTheQueriesAboutThem() throws Exception {
    String topic = page("/topic/GAN").body();
    assertTrue(topic.contains("href=\"/queries/papers-by-topic?topic=GAN\""), topic);
    assertTrue(topic.contains("href=\"/queries/topic-trend?topic=GAN\""), topic);
    assertTrue(topic.contains("href=\"/queries/topic-weeks?topic=GAN\""), topic);
    String issue = page(ISSUE).body();
    assertTrue(issue.contains("href=\"/queries/issue-contents?issue=" + W41 + "\""), issue);
    assertTrue(page("/").body().contains("href=\"/queries/gan-papers-q4-2020\""), "the home page's example is a page");
  }

  @Test
  void anIssuesNewsletterLinksLeadSomewhere() throws Exception {
    // Week 41 links week 40 as its previous issue, which the dataset does not hold: the link goes
    // to the post the newsletter links to.
    String body = page(ISSUE).body();
    int at = body.indexOf("The newsletter links:");
    assertTrue(at >= 0, body);
    String line = body.substring(at, body.indexOf("</p>", at));
    assertTrue(line.contains("<a href=\"https://medium.com/analytics-vidhya/akiras-ml-news-week-40-2020-"), line);
    // A SPARQL client's page parameter is the browser's: the API ignores it.
    assertEquals(200, f.get("/queries/topics-per-week?page=2", "Accept", "application/sparql-results+json").statusCode());
  }

  @Test
  void aRepositorysPageSaysWhatItIs() throws Exception {
    String iri = f.iris.article("https://github.com/daviddao/awful-ai").getURI();
    String body = page(iri.substring(iri.indexOf("/article/"))).body();
    assertTrue(body.contains("<p class=\"kind\">Source code</p>"), body);
  }

  @Test
  void theQueryEditorMayRunItsScripts() throws Exception {
    var r = f.get("/ui/", "Accept", HTML_ACCEPT);
    assertEquals(200, r.statusCode());
    String csp = String.join(" | ", r.headers().allValues("Content-Security-Policy"));
    assertEquals(Browser.UI_CSP, csp, "one policy, the UI's");
    assertEquals(Browser.UI_CSP, header(f.get("/ui/favicon.ico"), "Content-Security-Policy"));
  }
}

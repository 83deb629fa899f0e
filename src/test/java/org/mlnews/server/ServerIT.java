package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.Fixture.enc;
import static org.mlnews.server.Fixture.get;
import static org.mlnews.server.Fixture.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSet;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.store.Store;

/** The read-only server over HTTP: protocol, formats, graphs, row cap, CORS, ping, metrics, UI. */
class ServerIT {
  static final int MAX_ROWS = 50;
  static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";
  static final String CONSTRUCT = "PREFIX dcterms: <http://purl.org/dc/terms/> "
      + "CONSTRUCT { ?i dcterms:title ?t } WHERE { ?i dcterms:title ?t }";

  @TempDir static Path dir;
  static Store store;
  static MlnewsServer server;
  static String base;
  static String sparql;

  @BeforeAll
  static void start() throws Exception {
    store = Fixture.store(dir.resolve("store"));
    server = Fixture.server(store, Fixture.queries(dir.resolve("queries"))).maxRows(MAX_ROWS).build().start();
    base = server.baseUrl();
    sparql = server.sparqlUrl();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  static long count(String body, Lang lang) {
    ResultSet rs = ResultSetMgr.read(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), lang);
    return Long.parseLong(rs.next().getLiteral("n").getLexicalForm());
  }

  static Graph graph(String body, Lang lang) {
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(body, lang).parse(g);
    return g;
  }

  @Test
  void listensOnAnEphemeralLoopbackPort() {
    assertTrue(server.port() > 0);
    assertTrue(base.startsWith("http://127.0.0.1:" + server.port() + "/"), base);
    assertEquals(base + "mlnews/sparql", sparql);
  }

  @Test
  void defaultGraphIsTheUnionOfTheNamedGraphs() throws Exception {
    var r = get(sparql + "?query=" + enc(COUNT), "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    // Two issue graphs and the topics graph (one triple).
    assertEquals(2L * Fixture.triplesPerIssue() + 1, count(r.body(), ResultSetLang.RS_JSON));
  }

  @Test
  void selectResultFormatsByAccept() throws Exception {
    String url = sparql + "?query=" + enc(COUNT);
    long expected = 2L * Fixture.triplesPerIssue() + 1;
    String[][] cases = {
        {"application/sparql-results+json", "application/sparql-results+json"},
        {"application/sparql-results+xml", "application/sparql-results+xml"},
        {"text/csv", "text/csv"},
        {"text/tab-separated-values", "text/tab-separated-values"}};
    for (String[] c : cases) {
      var r = get(url, "Accept", c[0]);
      assertEquals(200, r.statusCode(), c[0] + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(c[1]),
          c[0] + " gave " + r.headers().firstValue("Content-Type"));
      Lang lang = switch (c[0]) {
        case "application/sparql-results+json" -> ResultSetLang.RS_JSON;
        case "application/sparql-results+xml" -> ResultSetLang.RS_XML;
        case "text/csv" -> ResultSetLang.RS_CSV;
        default -> ResultSetLang.RS_TSV;
      };
      if (lang == ResultSetLang.RS_CSV || lang == ResultSetLang.RS_TSV) {
        // CSV and TSV read back untyped; compare the number's text.
        assertTrue(r.body().contains(Long.toString(expected)), c[0] + ": " + r.body());
      } else {
        assertEquals(expected, count(r.body(), lang), c[0]);
      }
    }
  }

  @Test
  void askResultFormats() throws Exception {
    String url = sparql + "?query=" + enc("ASK { ?s ?p ?o }");
    var json = get(url, "Accept", "application/sparql-results+json");
    assertEquals(200, json.statusCode());
    assertTrue(json.body().contains("true"));
    var xml = get(url, "Accept", "application/sparql-results+xml");
    assertTrue(xml.body().contains("<boolean>true</boolean>"), xml.body());
  }

  @Test
  void constructResultFormatsByAccept() throws Exception {
    String url = sparql + "?query=" + enc(CONSTRUCT);
    Object[][] cases = {
        {"text/turtle", Lang.TURTLE},
        {"application/n-triples", Lang.NTRIPLES},
        {"application/ld+json", Lang.JSONLD},
        {"application/rdf+xml", Lang.RDFXML}};
    Graph first = null;
    for (Object[] c : cases) {
      var r = get(url, "Accept", (String) c[0]);
      assertEquals(200, r.statusCode(), c[0] + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith((String) c[0]),
          c[0] + " gave " + r.headers().firstValue("Content-Type"));
      Graph g = graph(r.body(), (Lang) c[1]);
      assertEquals(2, g.size(), c[0] + ": " + r.body());
      if (first == null) {
        first = g;
      } else {
        assertTrue(first.isIsomorphicWith(g), c[0] + " differs");
      }
    }
  }

  @Test
  void queryByGetAndBothPostForms() throws Exception {
    long expected = 2L * Fixture.triplesPerIssue() + 1;
    for (String endpoint : new String[] {"sparql", "query"}) {
      String url = base + "mlnews/" + endpoint;
      var viaGet = get(url + "?query=" + enc(COUNT), "Accept", "application/sparql-results+json");
      var viaForm = post(url, "application/x-www-form-urlencoded", "query=" + enc(COUNT),
          "Accept", "application/sparql-results+json");
      var viaBody = post(url, "application/sparql-query", COUNT, "Accept", "application/sparql-results+json");
      for (var r : java.util.List.of(viaGet, viaForm, viaBody)) {
        assertEquals(200, r.statusCode(), endpoint + ": " + r.body());
        assertEquals(expected, count(r.body(), ResultSetLang.RS_JSON), endpoint);
      }
    }
  }

  @Test
  void namedGraphsBySparqlGraph() throws Exception {
    String q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + Fixture.IRIS.issueGraph("alpha").getURI()
        + "> { ?s ?p ?o } }";
    var r = get(sparql + "?query=" + enc(q), "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(Fixture.triplesPerIssue(), count(r.body(), ResultSetLang.RS_JSON));
  }

  /** A server with the default caps: whole graphs of the fixture are over this class's 50. */
  static MlnewsServer defaultCaps() throws Exception {
    // No browser: its search index belongs to the class's server.
    return Fixture.server(store, Fixture.queries(dir.resolve("queries-default-caps"))).browser(false).build().start();
  }

  @Test
  void graphStoreProtocolReadOfANamedGraph() throws Exception {
    MlnewsServer s = defaultCaps();
    try {
      String g = enc(Fixture.IRIS.issueGraph("beta").getURI());
      for (String endpoint : new String[] {"get", "data"}) {
        var r = get(s.baseUrl() + "mlnews/" + endpoint + "?graph=" + g, "Accept", "text/turtle");
        assertEquals(200, r.statusCode(), endpoint + ": " + r.body());
        assertEquals(Fixture.triplesPerIssue(), graph(r.body(), Lang.TURTLE).size(), endpoint);
      }
      var missing = get(s.baseUrl() + "mlnews/get?graph=" + enc("https://mlnews.example.org/graph/issue/none"));
      assertEquals(404, missing.statusCode());
    } finally {
      s.stop();
    }
    // Over this server's cap (50): refused whole, not cut short.
    var capped = get(base + "mlnews/get?graph=" + enc(Fixture.IRIS.issueGraph("beta").getURI()), "Accept", "text/turtle");
    assertEquals(403, capped.statusCode());
  }

  @Test
  void graphStoreProtocolReadOfTheDefaultGraph() throws Exception {
    MlnewsServer s = defaultCaps();
    try {
      var r = get(s.baseUrl() + "mlnews/get?default", "Accept", "application/n-triples");
      assertEquals(200, r.statusCode(), r.body());
      assertEquals(2L * Fixture.triplesPerIssue() + 1, graph(r.body(), Lang.NTRIPLES).size());
    } finally {
      s.stop();
    }
  }

  @Test
  void selectRowsAreCapped() throws Exception {
    var all = get(sparql + "?query=" + enc("SELECT * WHERE { ?s ?p ?o }"), "Accept", "text/csv");
    assertEquals(200, all.statusCode());
    assertEquals(MAX_ROWS + 1, all.body().strip().split("\r?\n").length, "header + capped rows");
    assertEquals(String.valueOf(MAX_ROWS), all.headers().firstValue("Mlnews-Row-Limit").orElse(null),
        "the answer says it was capped");
    var limited = get(sparql + "?query=" + enc("SELECT * WHERE { ?s ?p ?o } LIMIT 7"), "Accept", "text/csv");
    assertEquals(7 + 1, limited.body().strip().split("\r?\n").length, "a smaller LIMIT is kept");
    assertTrue(limited.headers().firstValue("Mlnews-Row-Limit").isEmpty(), "within the cap: no word of it");
    var named = get(base + "queries/all-triples?format=csv");
    assertEquals(200, named.statusCode(), named.body());
    assertEquals(MAX_ROWS + 1, named.body().strip().split("\r?\n").length, "named queries are capped too");
    assertEquals(String.valueOf(MAX_ROWS), named.headers().firstValue("Mlnews-Row-Limit").orElse(null));
  }

  @Test
  void corsOnTheEndpoint() throws Exception {
    String origin = "http://yasgui.example";
    var r = get(sparql + "?query=" + enc(COUNT), "Origin", origin, "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode());
    assertNotNull(r.headers().firstValue("Access-Control-Allow-Origin").orElse(null), r.headers().toString());
    var preflight = Fixture.HTTP.send(HttpRequest.newBuilder(URI.create(sparql))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
        .header("Origin", origin)
        .header("Access-Control-Request-Method", "POST")
        .header("Access-Control-Request-Headers", "content-type")
        .build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(preflight.statusCode() < 300, "preflight " + preflight.statusCode());
    assertNotNull(preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(null),
        preflight.headers().toString());
    assertTrue(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"),
        preflight.headers().toString());
    var named = get(base + "queries/issue-titles", "Origin", origin);
    assertNotNull(named.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "named queries too");
    // No site's script may send the browser's saved login along; a client may read the row cap.
    for (var h : List.of(r.headers(), preflight.headers(), named.headers())) {
      assertTrue(h.firstValue("Access-Control-Allow-Credentials").isEmpty(), h.toString());
    }
    assertTrue(r.headers().firstValue("Access-Control-Expose-Headers").orElse("")
        .contains(CappedQueryService.ROW_LIMIT_HEADER), r.headers().toString());
  }

  @Test
  void pingAndMetrics() throws Exception {
    assertEquals(200, get(base + "$/ping").statusCode());
    get(sparql + "?query=" + enc(COUNT));
    var metrics = get(base + "$/metrics");
    assertEquals(200, metrics.statusCode());
    assertTrue(metrics.body().contains("fuseki_requests"), metrics.body().lines().limit(5).toList().toString());
  }

  @Test
  void uiAndServerDescription() throws Exception {
    // The UI lives at /ui/ (the browser's home page is /); it asks for the server paths under it.
    var ui = get(base + "ui/");
    assertEquals(200, ui.statusCode());
    assertTrue(ui.body().contains("Fuseki"), ui.body());
    assertEquals(200, get(base + "ui/$/server").statusCode(), "the UI's view of /$/server");
    var viaUi = get(base + "ui/mlnews/sparql?query=" + enc(COUNT), "Accept", "application/sparql-results+json");
    assertEquals(200, viaUi.statusCode(), "the UI's view of the endpoint");
    assertEquals(2L * Fixture.triplesPerIssue() + 1, count(viaUi.body(), ResultSetLang.RS_JSON));
    var status = get(base + "$/server");
    assertEquals(200, status.statusCode());
    assertTrue(status.body().contains("\"/mlnews\""), status.body());
  }

  @Test
  void readOnlyByDefault() throws Exception {
    String update = "INSERT DATA { <urn:x> <urn:y> <urn:z> }";
    var u1 = post(base + "mlnews/update", "application/sparql-update", update);
    var u2 = post(base + "mlnews", "application/sparql-update", update);
    var u3 = post(sparql, "application/sparql-update", update);
    var u4 = Fixture.send(java.net.http.HttpClient.newHttpClient(), "PUT", base + "mlnews/data?graph=urn:g",
        "text/turtle", "<urn:x> <urn:y> <urn:z> .");
    var u5 = post(base + "mlnews/get?graph=urn:g", "text/turtle", "<urn:x> <urn:y> <urn:z> .");
    for (var r : java.util.List.of(u1, u2, u3, u4, u5)) {
      assertTrue(java.util.Set.of(400, 403, 404, 405, 415).contains(r.statusCode()),
          r.request().uri() + " -> " + r.statusCode() + " " + r.body());
    }
    var r = get(sparql + "?query=" + enc("ASK { <urn:x> ?p ?o }"), "Accept", "application/sparql-results+json");
    assertTrue(r.body().contains("false"), r.body());
  }

  // ---- Named queries

  @Test
  void namedQueryListAsJson() throws Exception {
    for (var r : java.util.List.of(get(base + "queries"), get(base + "queries", "Accept", "application/json"))) {
      assertEquals(200, r.statusCode());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
      JsonNode list = new ObjectMapper().readTree(r.body()).get("queries");
      assertEquals(4, list.size());
      JsonNode entries = null;
      for (JsonNode q : list) {
        if (q.get("name").asText().equals("entries-of")) {
          entries = q;
        }
      }
      assertNotNull(entries);
      assertEquals("Entries of an issue", entries.get("title").asText());
      assertTrue(entries.get("description").asText().contains("The entries of one issue"));
      assertEquals("issue", entries.get("params").get(0).get("name").asText());
      assertEquals("integer", entries.get("params").get(1).get("type").asText());
      assertTrue(entries.get("params").get(0).get("required").asBoolean());
    }
  }

  @Test
  void namedQueryListAsHtml() throws Exception {
    var r = get(base + "queries", "Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    assertEquals(200, r.statusCode());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
    assertTrue(r.body().contains("Entries of an issue"), r.body());
    assertTrue(r.body().contains("href=\"/queries/entries-of\""), "links each query's page");
    var page = get(base + "queries/entries-of?issue=alpha", "Accept", "text/html");
    assertEquals(200, page.statusCode(), page.body());
    assertTrue(page.body().contains("#/dataset/mlnews/query?query="), "links into the UI's editor");
    assertTrue(page.body().contains("answers are capped"), "says the answer is cut at the row cap");
  }

  @Test
  void namedQueryRunsWithParameters() throws Exception {
    var all = get(base + "queries/entries-of?issue=alpha", "Accept", "text/csv");
    assertEquals(200, all.statusCode(), all.body());
    assertTrue(all.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
    assertEquals(1 + MAX_ROWS, all.body().strip().split("\r?\n").length, "capped");
    var r = get(base + "queries/entries-of?issue=beta&position=" + Fixture.ENTRIES, "Accept", "text/csv");
    assertEquals(200, r.statusCode(), r.body());
    assertEquals(1 + 1, r.body().strip().split("\r?\n").length, r.body());
    assertTrue(r.body().contains("/issue/beta/entry/" + Fixture.ENTRIES), r.body());
    var unknown = get(base + "queries/entries-of?issue=nope", "Accept", "text/csv");
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertTrue(unknown.body().contains("no issue 'nope'"), unknown.body());
  }

  @Test
  void namedQueryFormats() throws Exception {
    String url = base + "queries/issue-titles";
    var json = get(url);
    assertEquals(200, json.statusCode());
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-results+json"));
    assertTrue(json.body().contains("Issue alpha"));
    String[][] select = {{"json", "application/sparql-results+json"}, {"xml", "application/sparql-results+xml"},
        {"csv", "text/csv"}, {"tsv", "text/tab-separated-values"}};
    for (String[] f : select) {
      var r = get(url + "?format=" + f[0]);
      assertEquals(200, r.statusCode(), f[0]);
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f[1]), f[0]);
      assertTrue(r.body().contains("Issue beta"), f[0] + ": " + r.body());
      var byAccept = get(url, "Accept", f[1]);
      assertTrue(byAccept.headers().firstValue("Content-Type").orElse("").startsWith(f[1]), f[1]);
    }
    String[][] graph = {{"turtle", "text/turtle"}, {"jsonld", "application/ld+json"},
        {"ntriples", "application/n-triples"}, {"rdfxml", "application/rdf+xml"}};
    for (String[] f : graph) {
      var r = get(base + "queries/issue-graph?format=" + f[0]);
      assertEquals(200, r.statusCode(), f[0] + ": " + r.body());
      assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith(f[1]), f[0]);
      var byAccept = get(base + "queries/issue-graph", "Accept", f[1]);
      assertTrue(byAccept.headers().firstValue("Content-Type").orElse("").startsWith(f[1]), f[1]);
      Lang lang = org.apache.jena.riot.RDFLanguages.contentTypeToLang(f[1]);
      assertEquals(2, graph(r.body(), lang).size(), f[0]);
    }
  }

  @Test
  void unknownNamedQueryIs404() throws Exception {
    var r = get(base + "queries/no-such-query");
    assertEquals(404, r.statusCode());
    assertTrue(r.body().contains("no-such-query"), r.body());
  }

  @Test
  void badParameterIs400WithTheMessage() throws Exception {
    var notInt = get(base + "queries/entries-of?issue=alpha&position=abc");
    assertEquals(400, notInt.statusCode());
    assertTrue(notInt.body().contains("'abc' is not an integer"), notInt.body());
    var missing = get(base + "queries/entries-of");
    assertEquals(400, missing.statusCode());
    assertTrue(missing.body().contains("issue"), missing.body());
    var unknown = get(base + "queries/issue-titles?year=2020");
    assertEquals(400, unknown.statusCode());
    assertTrue(unknown.body().contains("has no parameter 'year'"), unknown.body());
    var wrongFormat = get(base + "queries/issue-titles?format=turtle");
    assertEquals(400, wrongFormat.statusCode(), wrongFormat.body());
    // A value is a term, never query text: this one names no issue, and the data is untouched.
    var injection = get(base + "queries/entries-of?issue=" + enc("alpha> } ; DROP ALL #"));
    assertEquals(400, injection.statusCode(), injection.body());
    assertTrue(injection.body().contains("no issue 'alpha> } ; DROP ALL #'"), injection.body());
    assertEquals(200, get(base + "queries/entries-of?issue=alpha").statusCode());
  }
}

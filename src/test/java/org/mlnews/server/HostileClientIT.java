package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.Fixture.enc;
import static org.mlnews.server.Fixture.get;

import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.store.Store;

/**
 * The server against clients that mean harm: oversized bodies and URLs, path traversal, markup
 * in what it shows, results too large, and the headers every response must carry. (Runaway
 * queries: {@link TimeoutIT}; updates without credentials: {@link UpdateIT} and
 * {@link ServerIT#readOnlyByDefault}; the browser's pages and static files: BrowserIT.)
 */
class HostileClientIT {
  static final int MAX_ROWS = 50;
  static final String COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }";

  @TempDir static Path dir;
  static Store store;
  static MlnewsServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    store = Fixture.store(dir.resolve("store"));
    Path queries = Fixture.queries(dir.resolve("queries"));
    Files.writeString(queries.resolve("hostile.rq"), """
        # Hostile <script>alert('title')</script>
        # A description with <img src=x onerror=alert(1)> and "quotes" & ampersands.
        # @param issue issue optional The issue <b>bold</b>
        SELECT ?issue WHERE { ?issue ?p ?o } LIMIT 1
        """);
    server = Fixture.server(store, queries).maxRows(MAX_ROWS).build().start();
    base = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  /** A raw request (no client-side normalisation of the path); the whole response as text. */
  static String raw(String requestLine, String... headers) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(15_000);
      var sb = new StringBuilder(requestLine).append("\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
      for (String h : headers) {
        sb.append(h).append("\r\n");
      }
      socket.getOutputStream().write(sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
    }
  }

  /** The status answered to a POST's headers declaring a body of {@code length} bytes. */
  static int declared(String path, String contentType, long length) throws Exception {
    return status(raw("POST " + path + " HTTP/1.1", "Content-Type: " + contentType, "Content-Length: " + length));
  }

  static int status(String response) {
    return Integer.parseInt(response.substring(9, 12));
  }

  static HttpResponse<String> post(HttpRequest.BodyPublisher body, String contentType, String url) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).POST(body).build(), HttpResponse.BodyHandlers.ofString());
  }

  static byte[] bigQuery(int bytes) {
    var sb = new StringBuilder();
    String comment = "# " + "x".repeat(97) + "\n";
    while (sb.length() + comment.length() < bytes - COUNT.length()) {
      sb.append(comment);
    }
    return sb.append(COUNT).toString().getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aBadlyEncodedQueryStringIsTheClientsMistake() throws Exception {
    for (String path : List.of("/mlnews/sparql?query=%ZZ", "/mlnews/sparql?query=SELECT%", "/queries/t?x=%4")) {
      String r = raw("GET " + path + " HTTP/1.1");
      assertEquals(400, status(r), path + "\n" + r);
    }
    assertEquals(200, get(server.sparqlUrl() + "?query=" + enc(COUNT)).statusCode(), "well encoded");
    // The same in a form's body, as an HTML form POSTs a query.
    String form = "application/x-www-form-urlencoded";
    var bad = post(HttpRequest.BodyPublishers.ofString("query=%ZZ"), form, server.sparqlUrl());
    assertEquals(400, bad.statusCode(), bad.body());
    var good = post(HttpRequest.BodyPublishers.ofString("query=" + enc(COUNT)), form + "; charset=UTF-8",
        server.sparqlUrl());
    assertEquals(200, good.statusCode(), "a well-encoded form is read as before: " + good.body());
    assertTrue(good.body().contains("\"n\""), good.body());
    var charset = post(HttpRequest.BodyPublishers.ofString("query=" + enc(COUNT)), form + "; charset=bogus",
        server.sparqlUrl());
    assertEquals(415, charset.statusCode(), charset.body());
  }

  @Test
  void serviceCannotMakeTheServerFetchOtherUrls() throws Exception {
    // Pointed back at this server on loopback: a SERVICE that ran would answer the count.
    String q = "SELECT ?n WHERE { SERVICE <" + server.sparqlUrl() + "> { " + COUNT + " } }";
    var r = get(server.sparqlUrl() + "?query=" + enc(q), "Accept", "text/csv");
    assertEquals(422, r.statusCode(), r.body());
    assertTrue(r.body().contains("SERVICE execution disabled"), r.body());
    assertFalse(r.body().startsWith("n\r\n"), r.body());
  }

  @Test
  void anOversizedBodyIsRefusedWith413AndTheServerCarriesOn() throws Exception {
    String sparql = server.sparqlUrl();
    assertEquals(1 << 20, server.maxRequestBytes());
    // Under the limit: a 600 KB query (comments) runs.
    var fine = post(HttpRequest.BodyPublishers.ofByteArray(bigQuery(600_000)), "application/sparql-query", sparql);
    assertEquals(200, fine.statusCode(), fine.body());
    // Over it, with a Content-Length: refused before it is read. Sent as headers alone, as a
    // client waiting for the answer would: a client still sending a body the server has already
    // refused may see the connection closed instead of the 413, depending on timing.
    byte[] big = bigQuery(3 << 20);
    String sparqlPath = URI.create(sparql).getPath();
    assertEquals(413, declared(sparqlPath, "application/sparql-query", big.length));
    // A form and an update are bodies too.
    assertEquals(413, declared(sparqlPath, "application/x-www-form-urlencoded", big.length));
    int update = declared("/mlnews/update", "application/sparql-update", big.length);
    assertTrue(Set.of(404, 405, 413).contains(update), "update " + update);
    int gsp = declared("/mlnews/data?default", "text/turtle", big.length);
    assertTrue(Set.of(405, 413).contains(gsp), "gsp " + gsp);
    // Over it, chunked (no Content-Length): refused once the limit is passed, while the client is
    // still sending, so the client sees the 413 or the connection closed under it.
    int chunked;
    try {
      chunked = post(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)),
          "application/sparql-query", sparql).statusCode();
    } catch (java.io.IOException closed) {
      chunked = -1;
    }
    assertTrue(Set.of(413, -1).contains(chunked), "chunked: " + chunked);
    assertEquals(200, get(base + "$/ping").statusCode(), "still serving");
  }

  @Test
  void overlongUrlsAndHeadersAreRefused() throws Exception {
    // Fuseki allows 512 KB of request line and headers, so that long queries fit in a GET.
    String longQuery = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(100_000);
    assertEquals(200, status(raw("GET /mlnews/sparql?query=" + enc(longQuery) + " HTTP/1.1")));
    String tooLong = "SELECT * WHERE { ?s ?p ?o } # " + "x".repeat(600_000);
    assertTrue(Set.of(414, 431).contains(status(raw("GET /mlnews/sparql?query=" + enc(tooLong) + " HTTP/1.1"))));
    assertEquals(431, status(raw("GET /$/ping HTTP/1.1", "X-Junk: " + "y".repeat(600_000))));
    assertEquals(200, get(base + "$/ping").statusCode());
  }

  @Test
  void noPathLeavesTheServersFiles() throws Exception {
    // pom.xml and README.md are in the working directory; /etc/passwd is on every Linux box.
    List<String> attempts = List.of("/../pom.xml", "/../../../../etc/passwd", "/%2e%2e/pom.xml",
        "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2fpom.xml", "/..%2f..%2f..%2fetc%2fpasswd", "/..%5cpom.xml",
        "/%252e%252e/pom.xml", "/./pom.xml", "//etc/passwd", "/pom.xml", "/README.md", "/ontology/../pom.xml",
        "/ui/../../pom.xml", "/ui/..%2f..%2fpom.xml", "/ui/%2e%2e/%2e%2e/pom.xml", "/ui/index.html/../../pom.xml",
        "/static/..%2f..%2f..%2fpom.xml", "/queries/..%2f..%2fpom.xml", "/queries/../../pom.xml",
        "/mlnews/..%2f..%2fpom.xml", "/$/..%2f..%2fpom.xml", "/mlnews/get?graph=file:///etc/passwd",
        "/mlnews/get?graph=file:pom.xml", "/file:///etc/passwd", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF",
        "/ui/WEB-INF/web.xml", "/ui/../META-INF/MANIFEST.MF", "/static/../../META-INF/MANIFEST.MF");
    for (String path : attempts) {
      String response = raw("GET " + path + " HTTP/1.1");
      int status = status(response);
      assertFalse(response.contains("root:x:0:0") || response.contains("<artifactId>mlnews</artifactId>")
          || response.contains("Manifest-Version") || response.contains("The two commands"),
          path + " -> " + status + " leaked a file:\n" + response.substring(0, Math.min(500, response.length())));
      assertTrue(status == 400 || status == 404 || status == 406 || (status >= 300 && status < 400),
          path + " -> " + status);
    }
  }

  @Test
  void everyResponseCarriesSecurityHeaders() throws Exception {
    String sparql = server.sparqlUrl();
    var responses = List.of(
        get(sparql + "?query=" + enc(COUNT), "Accept", "application/sparql-results+json"),
        Fixture.post(sparql, "application/sparql-query", COUNT, "Accept", "text/csv"),
        get(base + "mlnews/get?graph=" + enc(Fixture.IRIS.issueGraph("alpha").getURI()), "Accept", "text/turtle"),
        get(base + "queries"),
        get(base + "queries", "Accept", "text/html"),
        get(base + "queries/issue-titles?format=csv"),
        get(base + "queries/no-such-query"),
        get(base + "$/ping"),
        get(base + "$/metrics"),
        get(base + "$/server"),
        get(base + ".well-known/void"),
        get(sparql + "?query=" + enc("SELECT nonsense")),
        get(base + "no/such/thing"));
    for (var r : responses) {
      String what = r.request().method() + " " + r.request().uri() + " -> " + r.statusCode();
      assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), what);
      assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), what);
      assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), what);
      String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
      assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src"), what + ": " + csp);
      assertEquals(1, r.headers().allValues("Content-Security-Policy").size(), what + ": one policy, not two");
    }
    // Data responses allow nothing to load or run; the browser's pages replace that with their own.
    var json = responses.get(0);
    assertEquals(Guard.CSP, json.headers().firstValue("Content-Security-Policy").orElse(""));
    var home = get(base, "Accept", "text/html");
    assertEquals(200, home.statusCode());
    String pageCsp = home.headers().firstValue("Content-Security-Policy").orElse("");
    assertTrue(pageCsp.contains("style-src 'self'") && pageCsp.contains("script-src 'self'"), pageCsp);
    assertEquals(1, home.headers().allValues("Content-Security-Policy").size());
  }

  @Test
  void theNamedQueryPageEscapesWhatTheQueryFilesSay() throws Exception {
    // The list shows each query's title and description, the query's page its parameters too.
    for (String path : List.of("queries", "queries/hostile")) {
      var r = get(base + path, "Accept", "text/html");
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("Hostile &lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;"), r.body());
      assertTrue(r.body().contains("&lt;img src=x onerror=alert(1)&gt; and &quot;quotes&quot; &amp; ampersands"),
          r.body());
      assertTrue(path.equals("queries") || r.body().contains("The issue &lt;b&gt;bold&lt;/b&gt;"), r.body());
      assertFalse(r.body().contains("<script>") || r.body().contains("<img") || r.body().contains("<b>bold"), r.body());
    }
    var json = get(base + "queries", "Accept", "application/json");
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void graphStoreGetsAreCappedLikeRows() throws Exception {
    // A graph or a dataset over the cap is refused whole, before anything is sent.
    for (String path : List.of("mlnews/get?default", "mlnews/data?default", "mlnews?default", "mlnews/get",
        "mlnews/get?graph=" + enc(Fixture.IRIS.issueGraph("alpha").getURI()))) {
      var r = get(base + path, "Accept", "text/turtle");
      assertEquals(403, r.statusCode(), path + ": " + r.body());
      assertTrue(r.body().contains("more than " + MAX_ROWS), path + ": " + r.body());
    }
    // A graph within the cap is sent as usual.
    var topics = get(base + "mlnews/get?graph=" + enc(Fixture.IRIS.topicsGraph().getURI()), "Accept", "text/turtle");
    assertEquals(200, topics.statusCode(), topics.body());
    assertTrue(topics.body().contains("topic/GAN"), topics.body());
  }

  @Test
  void graphResultsAreCappedLikeRows() throws Exception {
    for (String q : List.of("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "CONSTRUCT WHERE { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 100000")) {
      var r = get(server.sparqlUrl() + "?query=" + enc(q), "Accept", "application/n-triples");
      assertEquals(200, r.statusCode(), r.body());
      Graph g = GraphFactory.createDefaultGraph();
      RDFParser.fromString(r.body(), Lang.NTRIPLES).parse(g);
      assertTrue(g.size() <= MAX_ROWS && g.size() > 0, q + ": " + g.size() + " triples");
    }
    var rows = get(server.sparqlUrl() + "?query=" + enc("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"), "Accept", "text/csv");
    assertEquals(MAX_ROWS + 1, rows.body().strip().split("\r?\n").length, "a cross product stops at the cap");
  }
}

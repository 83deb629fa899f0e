package org.mlnews.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.QueryLibrary;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;

/** A small store of a few quads, a folder of test queries, and an HTTP client. */
final class Fixture {
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  static final String ML = "https://mlnews.example.org/ontology#";
  /** Entries per issue: enough that a five-fold cross product runs for minutes. */
  static final int ENTRIES = 60;
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Fixture() {}

  /** Opens a store in {@code dir} holding issues "alpha" and "beta" and a topics graph. */
  static Store store(Path dir) {
    Store store = Store.open(dir);
    store.write(() -> {
      DatasetGraph dsg = store.datasetGraph();
      for (String slug : new String[] {"alpha", "beta"}) {
        Node g = IRIS.issueGraph(slug);
        Node issue = IRIS.issue(slug);
        dsg.add(g, issue, RDF.type.asNode(), NodeFactory.createURI(ML + "Issue"));
        dsg.add(g, issue, DCTerms.title.asNode(), NodeFactory.createLiteralString("Issue " + slug));
        for (int i = 1; i <= ENTRIES; i++) {
          Node entry = IRIS.entry(slug, Integer.toString(i));
          dsg.add(g, issue, NodeFactory.createURI(ML + "hasEntry"), entry);
          dsg.add(g, entry, NodeFactory.createURI(ML + "position"),
              NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger));
        }
      }
      dsg.add(IRIS.topicsGraph(), NodeFactory.createURI("https://mlnews.example.org/topic/GAN"),
          RDF.type.asNode(), NodeFactory.createURI("http://www.w3.org/2004/02/skos/core#Concept"));
    });
    return store;
  }

  /** Triples in one issue graph. */
  static int triplesPerIssue() {
    return 2 + 2 * ENTRIES;
  }

  /** Test queries: a plain list, one with parameters, a CONSTRUCT, and one returning many rows. */
  static Path queries(Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("issue-titles.rq"), """
        # Issue titles
        # The title of every issue.
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX ml: <https://mlnews.example.org/ontology#>
        SELECT ?issue ?title WHERE { ?issue a ml:Issue ; dcterms:title ?title } ORDER BY ?issue
        """);
    write(dir.resolve("entries-of.rq"), """
        # Entries of an issue
        # The entries of one issue, or just the one at a position.
        # @param issue    issue   required The issue's slug or IRI
        # @param position integer optional Only the entry at this position
        PREFIX ml: <https://mlnews.example.org/ontology#>
        SELECT ?entry ?position WHERE {
          ?issue ml:hasEntry ?entry . ?entry ml:position ?position .
        } ORDER BY ?position
        """);
    write(dir.resolve("issue-graph.rq"), """
        # Issues as a graph
        # Every issue with its title.
        PREFIX dcterms: <http://purl.org/dc/terms/>
        PREFIX ml: <https://mlnews.example.org/ontology#>
        CONSTRUCT { ?issue dcterms:title ?title } WHERE { ?issue a ml:Issue ; dcterms:title ?title }
        """);
    write(dir.resolve("all-triples.rq"), """
        # All triples
        # Every triple of the union graph.
        SELECT * WHERE { ?s ?p ?o }
        """);
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  static ParamBinder binder() {
    return new ParamBinder(IRIS, TopicScheme.load(Path.of("ontology", "topics.ttl")));
  }

  static MlnewsServer.Builder server(Store store, Path queries) {
    return MlnewsServer.builder().store(store).queries(QueryLibrary.load(queries)).binder(binder())
        .port(0).host("127.0.0.1");
  }

  static HttpResponse<String> get(String url, String... headers) throws IOException, InterruptedException {
    var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A POST on a fresh connection: Jetty closes a connection whose request body it refused without
   * reading, and a pooled connection would then fail the next request.
   */
  static HttpResponse<String> post(String url, String contentType, String body, String... headers)
      throws IOException, InterruptedException {
    return send(HttpClient.newHttpClient(), "POST", url, contentType, body, headers);
  }

  static HttpResponse<String> send(HttpClient client, String method, String url, String contentType,
      String body, String... headers) throws IOException, InterruptedException {
    var b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}

package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.Fixture.get;

import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.dump.Describer;
import org.mlnews.dump.DumpFormat;
import org.mlnews.store.Store;

/** {@code GET /.well-known/void}: the dataset's description, naming this server's endpoint. */
class VoidServerIT {
  @TempDir static Path dir;
  static Store store;
  static MlnewsServer server;

  @BeforeAll
  static void start() throws Exception {
    store = Fixture.store(dir.resolve("store"));
    server = Fixture.server(store, Fixture.queries(dir.resolve("queries")))
        .describer(Describer.load(Path.of("ontology"), Fixture.IRIS)).build().start();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  static Graph description(String body, Lang lang) {
    return RDFParser.fromString(body, lang).toGraph();
  }

  @Test
  void turtleByDefault() throws Exception {
    var r = get(server.baseUrl() + ".well-known/void");
    assertEquals(200, r.statusCode(), r.body());
    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/turtle"), r.headers().toString());
    Graph g = description(r.body(), Lang.TURTLE);
    assertTrue(g.contains(Fixture.IRIS.dataset(), NodeFactory.createURI("http://rdfs.org/ns/void#sparqlEndpoint"),
        NodeFactory.createURI(server.sparqlUrl())), r.body());
    assertTrue(g.contains(Fixture.IRIS.dataset(), NodeFactory.createURI("http://rdfs.org/ns/void#triples"),
        NodeFactory.createLiteralDT(Long.toString(2L * Fixture.triplesPerIssue() + 1),
            org.apache.jena.datatypes.xsd.XSDDatatype.XSDinteger)), r.body());
  }

  @Test
  void otherFormatsByAcceptOrParameter() throws Exception {
    Graph turtle = description(get(server.baseUrl() + ".well-known/void").body(), Lang.TURTLE);
    var json = get(server.baseUrl() + ".well-known/void", "Accept", "application/ld+json");
    assertEquals(200, json.statusCode());
    assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith(DumpFormat.JSONLD.mediaType()));
    assertTrue(turtle.isIsomorphicWith(description(json.body(), Lang.JSONLD)));
    var xml = get(server.baseUrl() + ".well-known/void?format=rdfxml");
    assertTrue(turtle.isIsomorphicWith(description(xml.body(), Lang.RDFXML)));
    var nt = get(server.baseUrl() + ".well-known/void", "Accept", "text/html;q=0.9, application/n-triples");
    assertTrue(turtle.isIsomorphicWith(description(nt.body(), Lang.NTRIPLES)));
    assertEquals(400, get(server.baseUrl() + ".well-known/void?format=nquads").statusCode());
  }
}

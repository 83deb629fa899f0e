package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.pages.BrowserFixture.W41;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.jena.graph.Graph;
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

/**
 * The graph is published under a base that is not where the server runs (the usual case on a
 * laptop): the server answers for those IRIs at its own paths, HTML links stay on the server, and
 * the RDF keeps the public IRIs.
 */
class BaseIriIT {
  static final String BASE = "https://data.example.com/kg/";

  @TempDir static Path dir;
  static BrowserFixture f;

  @BeforeAll
  static void start() throws Exception {
    f = BrowserFixture.start(dir, new Iris(BASE));
  }

  @AfterAll
  static void stop() {
    f.close();
  }

  @Test
  void publicIrisAnswerAtServerPaths() throws Exception {
    var r = f.get("/issue/" + W41, "Accept", "text/turtle");
    assertEquals(200, r.statusCode(), r.body());
    Graph g = GraphFactory.createDefaultGraph();
    RDFParser.fromString(r.body(), Lang.TURTLE).parse(g);
    var issue = NodeFactory.createURI(BASE + "issue/" + W41);
    assertTrue(g.contains(issue, Vocab.WEEK_PROP, NodeFactory.createURI(BASE + "time/week/2020-W41")),
        "the data keeps the public IRIs");
    assertFalse(r.body().contains(f.base), "no server address in the data");
    // Vocabulary namespaces are fixed whatever the base: topics and ontology terms still resolve.
    assertEquals(200, f.get("/topic/GAN", "Accept", "text/turtle").statusCode());
    assertEquals(200, f.get("/ontology", "Accept", "text/turtle").statusCode());
    assertEquals(200, f.get("/time/quarter/2020-Q4", "Accept", "text/turtle").statusCode());
  }

  @Test
  void htmlLinksStayOnTheServer() throws Exception {
    for (String p : List.of("/", "/issue/" + W41, "/topic/GAN", "/time/week/2020-W41", "/paper/arxiv/2010.00554")) {
      var r = f.get(p, "Accept", "text/html");
      assertEquals(200, r.statusCode(), p);
      var hrefs = Pattern.compile("href=\"(https?://(data\\.example\\.com|mlnews\\.example\\.org)[^\"]*)\"").matcher(r.body());
      assertFalse(hrefs.find(), p + " links off the server: " + (hrefs.find(0) ? hrefs.group(1) : ""));
    }
    String issue = f.get("/issue/" + W41, "Accept", "text/html").body();
    assertTrue(issue.contains("href=\"/time/week/2020-W41\""));
    assertTrue(issue.contains("href=\"/topic/GAN\""));
    assertTrue(issue.contains(BASE + "issue/" + W41), "the page names the public IRI");
  }
}

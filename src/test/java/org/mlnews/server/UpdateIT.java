package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.Fixture.enc;
import static org.mlnews.server.Fixture.get;
import static org.mlnews.server.Fixture.post;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.store.Store;

/** With allowUpdate, SPARQL Update and GSP write need credentials; reads stay open. */
class UpdateIT {
  static final String GRAPH = "https://mlnews.example.org/graph/issue/gamma";

  @TempDir static Path dir;
  static Store store;
  static MlnewsServer server;
  static String base;

  @BeforeAll
  static void start() throws Exception {
    store = Fixture.store(dir.resolve("store"));
    Path passwords = dir.resolve("passwords");
    Files.writeString(passwords, "editor: s3cret\n");
    server = Fixture.server(store, Fixture.queries(dir.resolve("queries")))
        .allowUpdate(true).passwordFile(passwords).build().start();
    base = server.baseUrl();
  }

  @AfterAll
  static void stop() {
    server.stop();
    store.close();
  }

  static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static boolean ask(String where) throws Exception {
    var r = get(server.sparqlUrl() + "?query=" + enc("ASK { " + where + " }"), "Accept", "application/sparql-results+json");
    assertEquals(200, r.statusCode(), r.body());
    return r.body().contains("true");
  }

  @Test
  void allowUpdateWithoutCredentialsIsRefused() {
    var e = assertThrows(IllegalStateException.class,
        () -> Fixture.server(store, dir.resolve("queries")).allowUpdate(true).build());
    assertTrue(e.getMessage().startsWith("Updates need credentials"), e.getMessage());
  }

  @Test
  void sparqlUpdateNeedsCredentials() throws Exception {
    String update = "INSERT DATA { GRAPH <" + GRAPH + "> { <urn:a> <urn:b> <urn:c> } }";
    var anonymous = post(base + "mlnews/update", "application/sparql-update", update);
    assertEquals(401, anonymous.statusCode(), anonymous.body());
    var wrong = post(base + "mlnews/update", "application/sparql-update", update,
        "Authorization", basic("editor", "guess"));
    assertEquals(401, wrong.statusCode());
    assertTrue(!ask("<urn:a> <urn:b> <urn:c>"), "nothing written without credentials");
    var signedIn = post(base + "mlnews/update", "application/sparql-update", update,
        "Authorization", basic("editor", "s3cret"));
    assertTrue(signedIn.statusCode() / 100 == 2, signedIn.statusCode() + " " + signedIn.body());
    assertTrue(ask("<urn:a> <urn:b> <urn:c>"), "the union default graph sees the new graph");
  }

  @Test
  void graphStoreWriteNeedsCredentials() throws Exception {
    String url = base + "mlnews/data?graph=" + enc(GRAPH + "-gsp");
    var anonymous = Fixture.send(HttpClient.newHttpClient(), "PUT", url, "text/turtle", "<http://example.org/d> <http://example.org/e> <http://example.org/f> .");
    assertEquals(401, anonymous.statusCode());
    var signedIn = Fixture.send(HttpClient.newHttpClient(), "PUT", url, "text/turtle", "<http://example.org/d> <http://example.org/e> <http://example.org/f> .",
        "Authorization", basic("editor", "s3cret"));
    assertTrue(signedIn.statusCode() / 100 == 2, signedIn.statusCode() + " " + signedIn.body());
    assertTrue(ask("GRAPH <" + GRAPH + "-gsp> { <http://example.org/d> <http://example.org/e> <http://example.org/f> }"));
  }

  @Test
  void writesToTheDefaultGraphAreRefusedAndLeaveTheServerWritable() throws Exception {
    String[] auth = {"Authorization", basic("editor", "s3cret")};
    for (String update : List.of("INSERT DATA { <urn:d> <urn:e> <urn:f> }",
        "INSERT { ?s <urn:seen> true } WHERE { GRAPH ?g { ?s a ?type } }")) {
      var r = post(base + "mlnews/update", "application/sparql-update", update, auth);
      assertEquals(400, r.statusCode(), update + ": " + r.body());
      assertTrue(r.body().contains("read-only union"), r.body());
    }
    String triple = "<http://example.org/d> <http://example.org/e> <http://example.org/f> .";
    var client = HttpClient.newHttpClient();
    for (String method : List.of("PUT", "POST", "DELETE")) {
      // A PUT used to clear the union for ever, holding the write lock (Fixture.send times out).
      var r = Fixture.send(client, method, base + "mlnews/data?default", "text/turtle", triple, auth);
      assertEquals(400, r.statusCode(), method + ": " + r.body());
    }
    var dataset = Fixture.send(client, "POST", base + "mlnews/data", "text/turtle", triple, auth);
    assertEquals(400, dataset.statusCode(), "triples sent to the dataset go to the default graph: " + dataset.body());
    assertTrue(!ask("<http://example.org/d> <http://example.org/e> <http://example.org/f>"));
    // Writes to named graphs still go through.
    var named = post(base + "mlnews/update", "application/sparql-update",
        "INSERT DATA { GRAPH <" + GRAPH + "-after> { <urn:d> <urn:e> <urn:f> } }", auth);
    assertEquals(204, named.statusCode(), named.body());
  }

  @Test
  void readsStayOpen() throws Exception {
    assertEquals(200, get(server.sparqlUrl() + "?query=" + enc("ASK {}")).statusCode());
    assertEquals(200, get(base + "mlnews/get?graph=" + enc(Fixture.IRIS.issueGraph("alpha").getURI())).statusCode());
    assertEquals(200, get(base + "queries/issue-titles").statusCode());
  }
}

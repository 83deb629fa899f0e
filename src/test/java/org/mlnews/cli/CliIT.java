package org.mlnews.cli;

import static org.mlnews.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a user runs it, through picocli's {@code execute}, on the bundled issues.
 * The expected answers were checked by reading the two issues.
 */
class CliIT {
  @TempDir static Path tmp;
  static Path store;

  @BeforeAll
  static void buildStore() {
    store = tmp.resolve("store");
    CliRun r = run("build", "--store", store.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("2 issues in store (2 added"), r.out());
  }

  @Test
  void everyCommandTakesHelp() {
    for (String command : List.of("build", "serve", "query", "extract", "dump", "validate", "changes",
        "release", "generate", "bench", "publish")) {
      CliRun r = run(command, "--help");
      assertEquals(0, r.code(), command + ": " + r.err());
      assertTrue(r.out().startsWith("Usage: mlnews " + command), command + ": " + r.out());
    }
  }

  @Test
  void buildAgainIsANoOp() {
    CliRun r = run("build", "--store", store.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("(0 added, 0 updated, 2 unchanged, 0 removed, 0 failed)"), r.out());
  }

  @Test
  void ganPapersInQ4OfTwentyTwenty() {
    CliRun r = run("query", "gan-papers-q4-2020", "--store", store.toString(), "--format", "csv");
    assertEquals(0, r.code(), r.err());
    // Week 41: TinyGAN (distils BigGAN). Week 48: the few-shot GAN (OpenReview 1Fqg133qRaI),
    // DeepI2I (transfer from GANs), the resolution-dependent GAN interpolation (StyleGAN swap).
    for (String id : List.of("2009.13829", "1Fqg133qRaI", "2011.05867", "2010.05334")) {
      assertTrue(r.out().contains(id), id + " missing from\n" + r.out());
    }
  }

  @Test
  void papersByTopicAcceptsALabelAndFilters() {
    CliRun vae = run("query", "papers-by-topic", "--param", "topic=VAE", "--format", "csv", "--store", store.toString());
    assertEquals(0, vae.code(), vae.err());
    assertTrue(vae.out().contains("RLRXCV6DbEJ"), vae.out()); // very deep VAEs, week 41
    CliRun q3 = run("query", "papers-by-topic", "-p", "topic=GAN", "-p", "year=2020", "-p", "quarter=3",
        "--format", "csv", "--store", store.toString());
    assertEquals(0, q3.code(), q3.err());
    assertEquals(1, q3.out().strip().lines().count(), "no GAN paper in Q3 2020, only the header:\n" + q3.out());
  }

  @Test
  void aParameterGivenTwiceOrWithoutValueIsAUsageError() {
    CliRun twice = run("query", "papers-by-topic", "-p", "topic=VAE", "-p", "topic=GAN", "--store", store.toString());
    assertEquals(2, twice.code(), twice.out());
    assertTrue(twice.err().contains("parameter 'topic' given 2 times"), twice.err());
    CliRun bare = run("query", "papers-by-topic", "-p", "topic", "--store", store.toString());
    assertEquals(2, bare.code(), bare.out());
    assertTrue(bare.err().contains("--param takes NAME=VALUE, not 'topic'"), bare.err());
    CliRun bound = run("query", "papers-by-topic", "-p", "topic=VAE", "-p", "year=2020", "-p", "quarter=7",
        "--store", store.toString());
    assertEquals(2, bound.code(), bound.out());
    assertTrue(bound.err().contains("7 is not between 1 and 4"), bound.err());
  }

  @Test
  void unknownTopicIsAUsageError() {
    CliRun r = run("query", "papers-by-topic", "--param", "topic=NoSuchTopic", "--store", store.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("unknown topic 'NoSuchTopic'"), r.err());
  }

  @Test
  void injectionAttemptIsJustAnUnknownIssue() {
    CliRun r = run("query", "issue-contents", "--param", "issue=x> } ; DROP ALL ; #", "--format", "csv",
        "--store", store.toString());
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("no issue 'x> } ; DROP ALL ; #' in the store"), r.err());
    assertTrue(run("query", "issue-contents", "--param", "issue=akiras-ml-news-week41-2020-ff1938c74adf",
        "--store", store.toString()).out().contains("PCA"), "the store is whole");
  }

  @Test
  void issueContentsListsEntriesInOrder() throws Exception {
    CliRun r = run("query", "issue-contents", "--param", "issue=akiras-ml-news-week41-2020-ff1938c74adf",
        "--format", "json", "--store", store.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode rows = new ObjectMapper().readTree(r.out()).path("results").path("bindings");
    assertEquals(14, rows.size());
    assertEquals("将 PCA 解释为玩游戏和去中心化", rows.get(0).path("headline").path("value").asText());
  }

  @Test
  void everyFormat() {
    for (String f : List.of("table", "csv", "tsv", "json", "xml")) {
      CliRun r = run("query", "topics-per-week", "--format", f, "--store", store.toString());
      assertEquals(0, r.code(), f + ": " + r.err());
    }
    for (String f : List.of("turtle", "jsonld", "ntriples", "rdfxml")) {
      CliRun r = run("query", "--sparql", "CONSTRUCT WHERE { ?s a <https://mlnews.example.org/ontology#Paper> }",
          "--format", f, "--store", store.toString());
      assertEquals(0, r.code(), f + ": " + r.err());
      assertTrue(r.out().contains("paper/arxiv/2010.00554"), f + ":\n" + r.out());
    }
    CliRun wrong = run("query", "topics-per-week", "--format", "turtle", "--store", store.toString());
    assertEquals(2, wrong.code());
  }

  @Test
  void extractPrintsTheJsonContract() throws Exception {
    CliRun r = run("extract", "data/akiras-ml-news-week41-2020-ff1938c74adf.md");
    assertEquals(0, r.code(), r.err());
    JsonNode issue = new ObjectMapper().readTree(r.out());
    assertEquals(2020, issue.path("week").path("year").asInt());
    assertEquals(41, issue.path("week").path("number").asInt());
    assertEquals("2020-10-04", issue.path("coverageStart").asText());
    JsonNode first = issue.path("entries").get(0);
    assertEquals("2010.00554", first.path("ids").path("arxiv").get(0).asText());
    assertTrue(first.path("topics").toString().contains("PCA"), first.toString());
    for (String field : List.of("slug", "title", "language", "week", "month", "issueNumber",
        "coverageStart", "entries", "warnings")) {
      assertTrue(issue.has(field), field);
    }
  }

  @Test
  void extractOfABadFileNamesIt() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty.md"), "");
    CliRun r = run("extract", empty.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains(empty.toString()), r.err());
  }

  @Test
  void extractNamesEveryBadFileAndStillPrintsTheGoodOnes() throws Exception {
    Path empty = Files.writeString(tmp.resolve("empty2.md"), "");
    Path binary = Files.write(tmp.resolve("binary.md"), new byte[] {0, 1, 2, (byte) 0xff});
    CliRun r = run("extract", empty.toString(), "data/akiras-ml-news-week41-2020-ff1938c74adf.md",
        binary.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains(empty.toString()) && r.err().contains(binary.toString()), r.err());
    var array = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    assertEquals(1, array.size(), "an array of the one good file");
    assertEquals(41, array.get(0).path("week").path("number").asInt());
  }

  @Test
  void unknownQueryAndBadOptionsAreUsageErrors() {
    assertEquals(2, run("query", "no-such-query", "--store", store.toString()).code());
    assertEquals(2, run("query", "papers-by-topic", "--store", store.toString()).code());
    assertEquals(2, run("build", "--no-such-option").code());
    assertEquals(2, run("build", "--base", "not-an-iri", "--store", store.toString()).code());
    assertEquals(2, run("query", "issue-titles", "--timeout", "-1", "--store", store.toString()).code());
  }

  @Test
  void fileErrorsSayWhy() throws Exception {
    CliRun config = run("serve", "--config", tmp.resolve("no-such.conf").toString());
    assertEquals(2, config.code());
    assertTrue(config.err().contains("no-such.conf (no such file or folder)"), config.err());
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    CliRun dump = run("dump", "--store", store.toString(), "-o", file.resolve("x.nq").toString());
    assertEquals(1, dump.code());
    assertTrue(dump.err().contains("(it exists already, and is not a folder)"), dump.err());
  }

  @Test
  void aQueryOverItsTimeLimitSaysSo() {
    CliRun r = run("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
        "--timeout", "1", "--store", store.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("ran over its time limit of 1 s"), r.err());
  }

  @Test
  void aDescriptionWithoutTheDatasetFileIsRefused() throws Exception {
    // Run from another folder, the description would lose the licence and title without a word.
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.copy(Path.of("ontology", "topics.ttl"), elsewhere.resolve("topics.ttl"));
    for (String[] args : List.of(
        new String[] {"dump", "--void", "--ontology", elsewhere.toString(), "--store", store.toString()},
        new String[] {"release", tmp.resolve("releases").toString(), "--ontology", elsewhere.toString(),
            "--store", store.toString()})) {
      CliRun r = run(args);
      assertEquals(1, r.code(), args[0] + ": " + r.err());
      assertTrue(r.err().contains(elsewhere.resolve("dataset.ttl") + " does not exist"), args[0] + ": " + r.err());
    }
    Path releases = tmp.resolve("releases");
    if (Files.exists(releases)) {
      try (var files = Files.walk(releases)) {
        assertTrue(files.noneMatch(Files::isRegularFile), "no release written");
      }
    }
  }

  @Test
  void aMissingOrBrokenOntologyFileIsNamedWithItsLine() throws Exception {
    Path none = Files.createDirectories(tmp.resolve("no-ontology"));
    for (String command : List.of("build", "serve", "query")) {
      var args = new java.util.ArrayList<>(List.of(command, "--ontology", none.toString(), "--store", store.toString()));
      if (command.equals("query")) {
        args.addAll(List.of("papers-by-topic", "--param", "topic=VAE"));
      } else if (command.equals("serve")) {
        args.addAll(List.of("--port", "0"));
      }
      CliRun r = run(args.toArray(String[]::new));
      assertEquals(1, r.code(), command + ": " + r.err());
      assertTrue(r.err().contains(none.resolve("topics.ttl") + ": no such file"), command + ": " + r.err());
    }
    Path broken = Files.createDirectories(tmp.resolve("broken-ontology"));
    Files.copy(Path.of("ontology", "mlnews.ttl"), broken.resolve("mlnews.ttl"));
    Files.writeString(broken.resolve("topics.ttl"), "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n"
        + "<https://example.org/t> a skoss:Concept .\n");
    CliRun r = run("build", "--ontology", broken.toString(), "--store", tmp.resolve("other-store").toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains(broken.resolve("topics.ttl") + ":3:"), r.err());
  }

  @Test
  void commandsThatReadAStoreRefuseOneThatIsNotThere() {
    Path missing = tmp.resolve("no-such-store");
    var commands = List.of(
        List.of("query", "gan-papers-q4-2020"),
        List.of("dump"),
        List.of("validate"),
        List.of("publish", "--to", "http://127.0.0.1:9/ds"),
        List.of("release", tmp.resolve("release").toString()),
        List.of("serve", "--no-build", "--port", "0"),
        List.of("changes"),
        List.of("dump", "--since", "1"));
    for (var command : commands) {
      var args = new java.util.ArrayList<>(command);
      args.addAll(List.of("--store", missing.toString()));
      CliRun r = run(args.toArray(String[]::new));
      assertEquals(1, r.code(), command + ": " + r.err());
      assertTrue(r.err().contains("no store at " + missing), command + ": " + r.err());
      assertTrue(!Files.exists(missing), command + " left a store behind");
    }
  }

  @Test
  void aMissingQueriesFolderIsSaid() {
    Path nowhere = tmp.resolve("no-queries");
    CliRun r = run("query", "gan-papers-q4-2020", "--queries", nowhere.toString(), "--store", store.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("the queries folder " + nowhere + " does not exist"), r.err());
  }

  @Test
  void sparqlTextNeedsNoOntologyFolder() {
    CliRun r = run("query", "--sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?i a <https://mlnews.example.org/ontology#Issue> }",
        "--format", "csv", "--ontology", tmp.resolve("nowhere").toString(), "--store", store.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("n\r\n2\r\n", r.out());
  }
}

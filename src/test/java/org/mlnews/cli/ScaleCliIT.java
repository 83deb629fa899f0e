package org.mlnews.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, bench and publish as a user runs them (publish's real target is in PublishFusekiIT). */
class ScaleCliIT {
  @TempDir Path tmp;

  @Test
  void generateWritesTheIssuesAndSaysWhat() throws Exception {
    var r = CliRun.run("generate", "--issues", "12", "--seed", "3", "--out", tmp.resolve("gen").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("wrote 12 issues (1 per week, 2020-W37 to 2020-W48) to "), r.out());
    try (Stream<Path> files = Files.list(tmp.resolve("gen"))) {
      assertEquals(12, files.filter(f -> f.toString().endsWith(".md")).count());
    }
    var again = CliRun.run("generate", "--issues", "3", "--out", tmp.resolve("gen").toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already holds 12 issue files; give an empty or new folder"), again.err());
    var build = CliRun.run("build", "--data", tmp.resolve("gen").toString(), "--store", tmp.resolve("store").toString());
    assertEquals(0, build.code(), build.err());
    assertTrue(build.out().contains("12 issues in store (12 added"), build.out());
  }

  @Test
  void badOptionsAreUsageErrors() {
    var r = CliRun.run("generate", "--issues", "0", "--out", tmp.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Illegal issues=0"), r.err());
    // A week the year does not have is as much a usage error as a week no year has.
    for (String week : java.util.List.of("2020-W53", "2020-W99")) {
      var w = CliRun.run("generate", "--issues", "2", "--start", week, "--out", tmp.resolve("w").toString());
      assertEquals(2, w.code(), week + ": " + w.err());
    }
    var p = CliRun.run("publish", "--to", "ftp://example.org/ds", "--store", tmp.resolve("s").toString());
    assertEquals(2, p.code());
    assertTrue(p.err().contains("expected an http:// or https:// URL"), p.err());
    var u = CliRun.run("publish", "--to", "http://127.0.0.1:9/ds", "--user", "nocolon", "--store", tmp.resolve("s").toString());
    assertEquals(2, u.code());
  }

  @Test
  void publishDryRunSaysWhatWouldBeSentAndSendsNothing() {
    var store = tmp.resolve("store").toString();
    assertEquals(0, CliRun.run("build", "--store", store).code());
    // Port 9 (discard) on the loopback: nothing listens, and a dry run must not try.
    var r = CliRun.run("publish", "--to", "http://127.0.0.1:9/ds/data", "--dry-run", "--store", store);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("would publish 5 of 5 graphs to http://127.0.0.1:9/ds/data"), r.out());
  }

  @Test
  void publishToNobodyFailsAfterItsRetries() {
    var store = tmp.resolve("store").toString();
    assertEquals(0, CliRun.run("build", "--store", store).code());
    var r = CliRun.run("publish", "--to", "http://127.0.0.1:9/ds/data", "--retries", "1", "--backoff", "0.01", "-q", "--store", store);
    assertEquals(1, r.code(), r.out());
    assertTrue(r.err().contains("failed    https://mlnews.example.org/graph/ontology: PUT failed: ConnectException"), r.err());
    assertTrue(r.out().contains("published 0 of 5 graphs") && r.out().contains("5 failed, 5 retries"), r.out());
  }

  @Test
  void benchSmokeRunWritesTheTableAndTheJson() throws Exception {
    Path json = tmp.resolve("bench.json");
    var r = CliRun.run("bench", "--issues", "5", "--quick", "--work", tmp.resolve("work").toString(),
        "--out", json.toString(), "--page-seconds", "0.2");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("| **build / baseline rate** (by CPU time) |"), r.out());
    var report = new ObjectMapper().readTree(json.toFile());
    assertEquals(5, report.at("/results/0/issues").asInt());
    assertTrue(report.at("/results/0/quads").asLong() > 1000);
    assertEquals(org.mlnews.bench.Bench.DEFAULT_QUERIES.size(), report.at("/results/0/queries").size());
    assertEquals(1, report.at("/results/0/incremental/updated").asInt());
    assertTrue(report.at("/results/0/pages").findValues("errors").stream().allMatch(e -> e.asLong() == 0));
    assertTrue(Files.notExists(tmp.resolve("work").resolve("n5")), "the work folder is cleaned up");
  }
}

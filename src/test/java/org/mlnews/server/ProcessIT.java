package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.store.Store;

/** serve as its own process: refused on a store another process holds; SIGTERM closes the store. */
class ProcessIT {
  @TempDir Path tmp;

  /** {@code java -cp <this test's classpath> org.mlnews.Main serve ...}, stderr kept apart. */
  ProcessBuilder serve(Path store, String... extra) throws Exception {
    Path ontology = ServeCliIT.ontology(tmp);
    Path data = Files.createDirectories(tmp.resolve("data"));
    var cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.mlnews.Main",
        "serve", "--port", "0", "--no-build", "--store", store.toString(), "--data", data.toString(),
        "--ontology", ontology.toString(), "--queries", "queries"));
    cmd.addAll(List.of(extra));
    return new ProcessBuilder(cmd).redirectError(tmp.resolve("stderr.txt").toFile());
  }

  @Test
  void aSecondProcessOnTheSameStoreIsRefused() throws Exception {
    Path dir = tmp.resolve("store");
    try (Store held = Fixture.store(dir)) {
      Process p = serve(dir).redirectOutput(tmp.resolve("stdout.txt").toFile()).start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "serve should give up at once");
      String err = Files.readString(tmp.resolve("stderr.txt"));
      assertEquals(1, p.exitValue(), err);
      assertTrue(err.contains("mlnews serve: the store " + dir + " is in use by another process"), err);
      assertTrue(held.read(() -> held.datasetGraph().getUnionGraph().size()) > 0, "the holder is unharmed");
    }
  }

  @Test
  void sigtermStopsTheServerAndClosesTheStore() throws Exception {
    Path dir = tmp.resolve("store");
    Fixture.store(dir).close();
    Path stdout = tmp.resolve("stdout.txt");
    Process p = serve(dir).redirectOutput(stdout.toFile()).start();
    String endpoint = null;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (endpoint == null) {
      assertTrue(p.isAlive() && System.nanoTime() < deadline, "no endpoint announced: "
          + Files.readString(stdout) + Files.readString(tmp.resolve("stderr.txt")));
      Thread.sleep(100);
      for (String line : Files.readAllLines(stdout)) {
        if (line.contains("SPARQL endpoint")) {
          endpoint = line.replaceAll(".*SPARQL endpoint\\s+(\\S+).*", "$1");
        }
      }
    }
    assertEquals(200, Fixture.get(endpoint.replace("mlnews/sparql", "$/ping")).statusCode());

    p.destroy(); // SIGTERM
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
    List<String> lines = Files.readAllLines(stdout);
    assertTrue(lines.contains("mlnews stopped; store closed: " + dir), lines.toString());
    try (Store again = Store.open(dir)) {
      assertTrue(again.read(() -> again.datasetGraph().getUnionGraph().size()) > 0);
    }
  }
}

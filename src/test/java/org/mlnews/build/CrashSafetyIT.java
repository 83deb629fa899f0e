package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdfpatch.RDFPatchOps;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.changes.ChangeLog;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/**
 * Kill -9 at random points of {@code mlnews build}, many times: the store always opens, and holds
 * every issue in its previous or its new state, never a mix, and in fact the whole store before
 * or after the build (one TDB2 write transaction per build; its journal is replayed on the next
 * open). And the change log, once the next build has recovered what the kill left of it, replays
 * to exactly the store.
 *
 * <p>The build runs in a child JVM ({@code java -cp <test classpath> org.mlnews.Main build}) over
 * a data folder of real issues, killed with {@link Process#destroyForcibly()} (SIGKILL) after a
 * random delay: half of them between 0 and 1.1 times the length of an undisturbed build, half
 * 0 to 150 ms after the build starts writing to the store (its write transaction, its commit,
 * what follows). Runs alternate between
 * a full build (store deleted first) and an incremental one that switches the data folder between
 * two versions: A, and B with a third of the issues edited, one removed and one added. The
 * expected content of each issue graph in A and in B comes from reference stores built in this
 * JVM from the same folder; graphs are compared without their build time.
 *
 * <p>{@code -Dmlnews.crash.kills=N} (default 10), {@code -Dmlnews.crash.seed=S} (default 42);
 * the figures are printed.
 */
class CrashSafetyIT {
  static final int KILLS = Integer.getInteger("mlnews.crash.kills", 10);
  static final long SEED = Long.getLong("mlnews.crash.seed", 42L);
  static final int ISSUES = Integer.getInteger("mlnews.crash.issues", 10);
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);
  static final String EMPTY = "empty";
  /** Kills aimed at the writing happen 0 to this many ms after the node file starts to grow. */
  static final int WRITE_WINDOW = Integer.getInteger("mlnews.crash.window", 400);

  @TempDir Path tmp;
  Path data;

  /** Issue files of version A and B: file name -> content. */
  Map<String, String> versionA = new TreeMap<>();
  Map<String, String> versionB = new TreeMap<>();

  void prepareVersions() throws Exception {
    var sources = new ArrayList<Path>();
    for (Path dir : List.of(Path.of("data"), Path.of(System.getProperty("mlnews.corpus", "../shared/corpus/zh")))) {
      if (Files.isDirectory(dir)) {
        try (Stream<Path> s = Files.list(dir)) {
          s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(sources::add);
        }
      }
    }
    // Without the corpus, copies of the bundled issues under other names make up the number.
    for (int i = 0; versionA.size() < ISSUES; i++) {
      Path src = sources.get(i % sources.size());
      String name = i < sources.size() ? src.getFileName().toString() : "copy" + i + "-" + src.getFileName();
      versionA.put(name, Files.readString(src));
    }
    int i = 0;
    for (var e : versionA.entrySet()) {
      i++;
      if (i == 1) {
        continue; // removed in B
      }
      String text = e.getValue();
      if (i % 3 == 0) {
        // Edit the title line: the issue's title (and so its graph) changes, its week does not.
        int eol = text.indexOf('\n');
        text = text.substring(0, eol) + "（修订）" + text.substring(eol);
      }
      versionB.put(e.getKey(), text);
    }
    versionB.put("added-in-b.md", Files.readString(Path.of("data", BuilderIT.W48 + ".md")).replace("第 48 周", "第 50 周"));
  }

  void writeData(Map<String, String> version) throws Exception {
    try (Stream<Path> s = Files.list(data)) {
      for (Path f : s.toList()) {
        if (!version.containsKey(f.getFileName().toString())) {
          Files.delete(f);
        }
      }
    }
    for (var e : version.entrySet()) {
      Path f = data.resolve(e.getKey());
      if (!Files.exists(f) || !Files.readString(f).equals(e.getValue())) {
        Files.writeString(f, e.getValue());
      }
    }
  }

  /** Graph name -> hash of its triples (build time left out, blank node labels blanked). */
  static Map<String, String> fingerprints(Store store) {
    return store.read(() -> {
      var lines = new TreeMap<String, List<String>>();
      store.datasetGraph().find().forEachRemaining(q -> {
        if (q.getPredicate().equals(Vocab.PROV_GENERATED_AT_TIME)) {
          return;
        }
        String line = (fmt(q.getSubject()) + " " + fmt(q.getPredicate()) + " " + fmt(q.getObject()));
        lines.computeIfAbsent(q.getGraph().getURI(), g -> new ArrayList<>()).add(line);
      });
      var out = new TreeMap<String, String>();
      lines.forEach((g, ls) -> out.put(g, sha256(String.join("\n", new TreeSet<>(ls))) + " (" + ls.size() + ")"));
      return out;
    });
  }

  static String fmt(Node n) {
    return n.isBlank() ? "_:b" : NodeFmtLib.strNT(n);
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)))
          .substring(0, 16);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, String> reference(Map<String, String> version, String name) throws Exception {
    writeData(version);
    try (Store store = Store.open(tmp.resolve("reference-" + name))) {
      BuildReport r = new Builder(data, Path.of("ontology"), IRIS).build(store);
      assertTrue(r.ok(), r.failed().toString());
      return fingerprints(store);
    }
  }

  Process child(Path store) throws Exception {
    var cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
        "-cp", System.getProperty("java.class.path"), "org.mlnews.Main",
        "build", "--data", data.toString(), "--store", store.toString(), "--ontology", "ontology");
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
  }

  @Test
  void killedBuildsLeaveEveryIssueInItsPreviousOrItsNewState() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    prepareVersions();
    Map<String, Map<String, String>> expected = new LinkedHashMap<>();
    expected.put(EMPTY, Map.of());
    expected.put("A", reference(versionA, "A"));
    expected.put("B", reference(versionB, "B"));
    var graphs = new TreeSet<String>();
    expected.values().forEach(m -> graphs.addAll(m.keySet()));

    // How long an undisturbed full build takes in a child JVM.
    Path store = tmp.resolve("store");
    writeData(versionA);
    long t0 = System.nanoTime();
    Process first = child(store);
    assertTrue(first.waitFor(180, TimeUnit.SECONDS), "the build did not finish");
    long fullMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("child.log")));
    try (Store s = Store.open(store)) {
      assertEquals("A", matching(expected, fingerprints(s), graphs));
    }
    // And an undisturbed incremental one, A -> B.
    writeData(versionB);
    t0 = System.nanoTime();
    Process edit = child(store);
    assertTrue(edit.waitFor(180, TimeUnit.SECONDS), "the build did not finish");
    long editMillis = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(0, edit.exitValue(), Files.readString(tmp.resolve("child.log")));
    String state;
    try (Store s = Store.open(store)) {
      state = matching(expected, fingerprints(s), graphs);
    }
    assertEquals("B", state);

    Random random = new Random(SEED);
    int beforeCommit = 0;
    int afterCommit = 0;
    int finished = 0;
    int fullBuilds = 0;
    int recovered = 0;
    int aimedAtWrite = 0;
    long start = System.nanoTime();
    for (int k = 0; k < KILLS; k++) {
      String target;
      if (k % 3 == 0) {
        // A full build: from an empty store (killed while creating it, too).
        deleteTree(store);
        state = EMPTY;
        target = random.nextBoolean() ? "A" : "B";
        fullBuilds++;
      } else {
        target = state.equals("A") ? "B" : "A";
      }
      writeData(target.equals("A") ? versionA : versionB);
      // Half the kills anywhere in the run (start-up, journal replay, parsing, writing), half in
      // its last quarter, where the write transaction and its commit are.
      long millis = state.equals(EMPTY) ? fullMillis : editMillis;
      boolean inWrite = k % 2 == 1;
      long delay = (long) (millis * random.nextDouble() * 1.1);
      Process p = child(store);
      boolean exited;
      if (inWrite) {
        // Aim at the write transaction: TDB2 appends new RDF terms to its node file while the
        // transaction writes (each build has at least one new term, its time), and commits soon
        // after. Kill 0 to 150 ms after the node file starts to grow (WRITE_WINDOW).
        delay = 1 + random.nextInt(WRITE_WINDOW);
        exited = !waitForWrites(p, store, 5 * millis) || p.waitFor(delay, TimeUnit.MILLISECONDS);
        if (!exited) {
          aimedAtWrite++;
        }
      } else {
        exited = p.waitFor(delay, TimeUnit.MILLISECONDS);
      }
      if (!exited) {
        p.destroyForcibly();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed build did not die");
      } else {
        finished++;
      }

      String now;
      // The store must open (TDB2 replays its journal here) and be wholly before or after.
      try (Store s = Store.open(store)) {
        Map<String, String> actual = fingerprints(s);
        now = matching(expected, actual, graphs);
        if (now == null) {
          fail("run " + k + " (" + state + " -> " + target + ", killed after " + delay + " ms): the store matches"
              + " neither version:\n" + describe(expected, actual, graphs, state, target) + keepEvidence(store, k));
        }
        assertTrue(now.equals(state) || now.equals(target), "run " + k + ": " + now);
      }
      // The change log, once the next build's recovery has run, replays to exactly the store:
      // a kill between the commit and the change set neither loses the build's record nor keeps
      // the record of a build that did not commit.
      try (Store s = Store.open(store)) {
        if (!ChangeLog.of(store).recover(s.datasetGraph()).isEmpty()) {
          recovered++;
        }
        String diff = replayDifference(s, ChangeLog.of(store));
        if (diff != null) {
          fail("run " + k + " (" + state + " -> " + target + ", killed after " + delay + " ms): " + diff);
        }
      }
      if (now.equals(state)) {
        beforeCommit++;
      } else {
        afterCommit++;
      }
      state = now;
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    // Afterwards the store builds normally and ends in the data's version.
    Process last = child(store);
    assertTrue(last.waitFor(180, TimeUnit.SECONDS));
    assertEquals(0, last.exitValue(), Files.readString(tmp.resolve("child.log")));
    String target = Files.exists(data.resolve("added-in-b.md")) ? "B" : "A";
    try (Store s = Store.open(store)) {
      assertEquals(target, matching(expected, fingerprints(s), graphs));
    }
    System.out.printf("crash safety: %d kill -9 runs (%d full builds, %d killed while writing, seed %d, %d issues,"
        + " an undisturbed build %d ms full, %d ms incremental): %d left the previous state, %d the new one,"
        + " %d had finished; never a mix; the store always opened; the change log always replayed to the"
        + " store, %d times after recovering a change set left pending or unindexed; %.1f s%n", KILLS, fullBuilds, aimedAtWrite, SEED, versionA.size(), fullMillis,
        editMillis, beforeCommit, afterCommit - finished, finished, recovered, seconds);
  }

  /**
   * Where replaying every change set of the log into an empty dataset does not give the store back,
   * graph by graph; null when it does.
   */
  static String replayDifference(Store s, ChangeLog log) {
    DatasetGraph replay = DatasetGraphFactory.createTxnMem();
    for (var e : log.entries()) {
      RDFPatchOps.applyChange(replay, log.readPatch(e.build()));
    }
    return s.read(() -> {
      var names = new TreeSet<String>();
      s.datasetGraph().listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
      replay.listGraphNodes().forEachRemaining(n -> names.add(n.getURI()));
      for (String n : names) {
        Node g = NodeFactory.createURI(n);
        if (!s.datasetGraph().getGraph(g).isIsomorphicWith(replay.getGraph(g))) {
          return "replaying the change log (" + log.entries().size() + " change sets) does not give graph "
              + n + " back: " + s.datasetGraph().getGraph(g).size() + " triples in the store, "
              + replay.getGraph(g).size() + " replayed";
        }
      }
      return null;
    });
  }

  /**
   * Waits until the child starts writing to the store (its node file grows), and returns true;
   * false if the child ended first or the time ran out.
   */
  static boolean waitForWrites(Process p, Path store, long timeoutMillis) throws Exception {
    Path nodes = store.resolve("Data-0001").resolve("nodes-data.obj");
    long base = Files.exists(nodes) ? Files.size(nodes) : -1;
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (p.isAlive() && System.nanoTime() < deadline) {
      long size = Files.exists(nodes) ? Files.size(nodes) : -1;
      if (base < 0 && size >= 0) {
        base = size; // the store was just created
      } else if (size > base) {
        return true;
      }
      Thread.sleep(1);
    }
    return false;
  }

  /** The version every graph of the store matches ("empty", "A" or "B"), or null for a mix. */
  static String matching(Map<String, Map<String, String>> expected, Map<String, String> actual, TreeSet<String> graphs) {
    for (var e : expected.entrySet()) {
      boolean all = true;
      for (String g : graphs) {
        if (!java.util.Objects.equals(e.getValue().get(g), actual.get(g))) {
          all = false;
          break;
        }
      }
      if (all && graphs.containsAll(actual.keySet())) {
        return e.getKey();
      }
    }
    return null;
  }

  static String describe(Map<String, Map<String, String>> expected, Map<String, String> actual, TreeSet<String> graphs,
      String from, String to) {
    var sb = new StringBuilder();
    for (String g : graphs) {
      String a = actual.get(g);
      String f = expected.get(from).get(g);
      String t = expected.get(to).get(g);
      String verdict = java.util.Objects.equals(a, f) ? "previous" : java.util.Objects.equals(a, t) ? "new" : "NEITHER";
      sb.append("  ").append(verdict).append("  ").append(g).append(": ").append(a).append('\n');
    }
    return sb.toString();
  }

  /**
   * Copies the store as the failed check found it, and the killed build's output, to
   * {@code target/crash-failures/}; returns where, with the end of that output.
   */
  String keepEvidence(Path store, int run) throws Exception {
    Path dir = Path.of("target", "crash-failures", SEED + "-run" + run);
    deleteTree(dir);
    try (Stream<Path> s = Files.walk(store)) {
      for (Path p : s.toList()) {
        Path to = dir.resolve("store").resolve(store.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    String log = Files.readString(tmp.resolve("child.log"));
    Files.writeString(dir.resolve("child.log"), log);
    return "\nstore and the build's output kept in " + dir.toAbsolutePath() + "; the output ends:\n"
        + log.substring(Math.max(0, log.length() - 2000));
  }

  static void deleteTree(Path dir) throws Exception {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

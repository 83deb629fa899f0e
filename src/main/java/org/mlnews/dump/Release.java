package org.mlnews.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.graph.Graph;
import org.apache.jena.sparql.exec.QueryExec;
import org.mlnews.FileTrees;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;

/**
 * A release: a dated, versioned folder of dumps ready to upload.
 * <pre>
 * DIR/VERSION/mlnews-VERSION.ttl.gz    (and .nt.gz .nq.gz .trig.gz .jsonld.gz .rdf.gz)
 * DIR/VERSION/void.ttl                  the VoID/DCAT description, naming each dump's URL, size, checksum
 * DIR/VERSION/SHA256SUMS                sha256sum's format: sha256sum -c SHA256SUMS
 * </pre>
 * All files are written from one read transaction (one consistent state of the store) into a
 * hidden folder that is renamed into place at the end, so a release is there whole or not at
 * all; an existing release is never overwritten. The date defaults to the day of the last build
 * ({@code dcterms:modified}), the version to the date: the same data gives the same release, byte
 * for byte (gzip without file names or times).
 *
 * <pre>{@code
 * Release.Result r = Release.options().version("2020.12").downloadBase("https://example.org/releases/")
 *     .write(store, Describer.load(Path.of("ontology"), iris), Path.of("releases"));
 * }</pre>
 */
public final class Release {
  private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private String version;
  private LocalDate date;
  private String downloadBase;
  private String endpoint;

  private Release() {}

  public static Release options() {
    return new Release();
  }

  /** The version (letters, digits, '.', '_', '-'); default: the date. */
  public Release version(String version) {
    if (version != null && !VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("Illegal version=" + version
          + " : letters, digits, '.', '_' and '-' only (it is part of file names)");
    }
    this.version = version;
    return this;
  }

  /** The release date; default: the day of the last build. */
  public Release date(LocalDate date) {
    this.date = date;
    return this;
  }

  /** Where the release folders will be downloaded from; default {@code BASE/releases/}, apart from the {@code BASE/dumps/} a server answers with its current dumps. */
  public Release downloadBase(String url) {
    this.downloadBase = url == null || url.endsWith("/") ? url : url + "/";
    return this;
  }

  /** The public SPARQL endpoint to name in the description; default {@code BASE/mlnews/sparql}. */
  public Release endpoint(String url) {
    this.endpoint = url;
    return this;
  }

  /**
   * What was written.
   *
   * @param dir         the release folder
   * @param version     its version
   * @param files       its files, sorted by name
   * @param description the VoID/DCAT description it holds
   */
  public record Result(Path dir, String version, List<Path> files, Graph description) {}

  /**
   * Writes the release into {@code parent/VERSION}.
   *
   * @throws IllegalStateException when the store is empty or the release folder already exists
   */
  public Result write(Store store, Describer describer, Path parent) {
    return store.read(() -> {
      var dsg = store.datasetGraph();
      var modified = QueryExec.dataset(dsg).query("PREFIX prov: <" + Vocab.PROV + ">"
          + " SELECT (MAX(?t) AS ?m) WHERE { ?g prov:generatedAtTime ?t }").select().next().get("m");
      if (modified == null) {
        throw new IllegalStateException("the store " + store.dir() + " holds no issues; run 'mlnews build' first");
      }
      LocalDate day = date != null ? date
          : LocalDate.ofInstant(Instant.parse(modified.getLiteralLexicalForm()), ZoneOffset.UTC);
      String v = version != null ? version : day.toString();
      String base = describer.iris().base();
      String downloads = (downloadBase != null ? downloadBase : base + "releases/") + v + "/";
      String sparql = endpoint != null ? endpoint : base + "mlnews/sparql";
      Path target = parent.resolve(v);
      if (Files.exists(target)) {
        throw new IllegalStateException("release " + v + " already exists: " + target
            + " (releases are not overwritten; give another --version)");
      }
      Path work = parent.resolve("." + v + ".partial");
      try {
        FileTrees.delete(work);
        Files.createDirectories(work);
        var distributions = new ArrayList<Describer.Distribution>();
        var sums = new TreeMap<String, String>();
        for (DumpFormat f : DumpFormat.values()) {
          String name = "mlnews-" + v + "." + f.extension() + ".gz";
          Path file = work.resolve(name);
          String sha;
          try (var digest = new DigestOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), sha256());
               var gzip = new GZIPOutputStream(digest, 1 << 16)) {
            Dumper.write(dsg, f, gzip, Dumper.DEFAULT_RUN_LINES);
            gzip.finish();
            gzip.flush();
            sha = HexFormat.of().formatHex(digest.getMessageDigest().digest());
          }
          distributions.add(new Describer.Distribution(f, downloads + name, true, Files.size(file), sha));
          sums.put(name, sha);
        }
        Graph description = describer.describe(dsg, new Describer.Publication(sparql, v, day, distributions));
        Path voidFile = work.resolve("void.ttl");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(voidFile))) {
          Dumper.write(description, DumpFormat.TURTLE, out);
        }
        sums.put("void.ttl", HexFormat.of().formatHex(sha256().digest(Files.readAllBytes(voidFile))));
        var lines = new StringBuilder();
        sums.forEach((name, sha) -> lines.append(sha).append("  ").append(name).append('\n'));
        Files.writeString(work.resolve("SHA256SUMS"), lines, StandardCharsets.UTF_8);
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        List<Path> files;
        try (Stream<Path> s = Files.list(target)) {
          files = s.sorted().toList();
        }
        return new Result(target, v, files, description);
      } catch (IOException e) {
        deleteQuietly(work);
        throw new UncheckedIOException("cannot write release " + v + " in " + parent + ": " + e.getMessage(), e);
      } catch (RuntimeException e) {
        deleteQuietly(work);
        throw e;
      }
    });
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try {
      FileTrees.delete(dir);
    } catch (IOException e) {
      // a leftover hidden folder; the next release removes it
    }
  }
}

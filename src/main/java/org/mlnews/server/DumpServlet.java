package org.mlnews.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.mlnews.dump.DumpFormat;
import org.mlnews.dump.Dumper;
import org.mlnews.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dataset's dumps over HTTP, so that what the server publishes can be taken whole, at any
 * size (the Graph Store endpoint refuses a dataset over the row cap): {@code GET /dumps/} lists
 * them (JSON), {@code GET /dumps/mlnews.nq} gives one, in each of the {@code dump} command's
 * formats ({@code .nq}, {@code .trig}, {@code .nt}, {@code .ttl}, {@code .jsonld}, {@code .rdf}),
 * each also gzipped ({@code .nq.gz}). The bytes are those of {@code mlnews dump}: deterministic,
 * sorted. A dump is written once per state of the store, into {@code STORE/dumps/}, and served
 * from there until a build changes the store; it is then written again on the next request (the
 * first request for a large store waits for it: 20 to 40 s at 10,000 issues). One dump is
 * written at a time.
 *
 * <pre>{@code
 * FusekiServer.create().addServlet(DumpServlet.PATH + "/*", new DumpServlet(store));
 * }</pre>
 */
public final class DumpServlet extends ReadOnlyServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger("org.mlnews.server");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Where the dumps are served. */
  public static final String PATH = "/dumps";
  /** The dumps' file name before the extension. */
  public static final String NAME = "mlnews";

  private final transient Store store;
  private final transient Path cache;

  public DumpServlet(Store store) {
    this.store = store;
    this.cache = store.dir().resolve("dumps");
  }

  /** The dumps' file names, in the order of the formats. */
  public static List<String> fileNames() {
    var names = new ArrayList<String>();
    for (DumpFormat f : DumpFormat.values()) {
      names.add(NAME + "." + f.extension());
      names.add(NAME + "." + f.extension() + ".gz");
    }
    return names;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    String path = req.getPathInfo();
    if (path == null || path.equals("/")) {
      list(req, resp);
      return;
    }
    String name = path.substring(1);
    Optional<DumpFormat> format = fileNames().contains(name) ? DumpFormat.forFileName(name) : Optional.empty();
    if (format.isEmpty()) {
      text(resp, HttpServletResponse.SC_NOT_FOUND, "No dump " + name + "; there are: " + String.join(", ", fileNames()));
      return;
    }
    boolean gzip = name.endsWith(".gz");
    Dump dump = dump(format.get());
    try {
      String etag = "\"" + dump.version() + (gzip ? "-gz" : "") + "\"";
      resp.setHeader("ETag", etag);
      if (etag.equals(req.getHeader("If-None-Match"))) {
        resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return;
      }
      resp.setStatus(HttpServletResponse.SC_OK);
      resp.setContentType(gzip ? "application/gzip" : format.get().mediaType() + "; charset=utf-8");
      resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
      if (!gzip) {
        resp.setContentLengthLong(Files.size(dump.file()));
      }
      if (req.getMethod().equals("HEAD")) {
        return;
      }
      OutputStream out = resp.getOutputStream();
      if (gzip) {
        // Compressed as it is sent: the gzip level costs less than a second file per format.
        try (var z = new GZIPOutputStream(out, 1 << 16)) {
          Files.copy(dump.file(), z);
        }
      } else {
        Files.copy(dump.file(), out);
      }
    } finally {
      if (dump.temporary()) {
        Files.deleteIfExists(dump.file());
      }
    }
  }

  /** A dump's file, the state of the store it holds, and whether it is to be deleted once sent. */
  private record Dump(Path file, String version, boolean temporary) {}

  /**
   * The dump of the store as it is: the cached file while the store is unchanged, else written
   * now. It is kept only when the store did not change while it was written and its files have
   * settled ({@link Store.Signature#settled}); otherwise it is sent once and deleted.
   */
  private synchronized Dump dump(DumpFormat format) throws IOException {
    Store.Signature before = store.signature();
    String version = before.digest().substring(0, 16);
    Path file = cache.resolve(version).resolve(NAME + "." + format.extension());
    if (Files.isRegularFile(file)) {
      return new Dump(file, version, false);
    }
    Files.createDirectories(cache);
    // Left by a server stopped while writing (only one writes at a time, and one server per store).
    try (Stream<Path> parts = Files.list(cache)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
        Files.deleteIfExists(p);
      }
    }
    Path part = Files.createTempFile(cache, NAME, ".part");
    long start = System.nanoTime();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
      new Dumper(store).write(format, out);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(part);
      throw e;
    }
    LOG.info("dump {}.{} written in {} ms ({} bytes)", NAME, format.extension(),
        (System.nanoTime() - start) / 1_000_000, Files.size(part));
    Store.Signature after = store.signature();
    if (!before.equals(after) || !after.settled(Instant.now())) {
      return new Dump(part, version, true);
    }
    Files.createDirectories(file.getParent());
    Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    // Dumps of earlier states of the store are of no more use.
    try (Stream<Path> dirs = Files.list(cache)) {
      for (Path old : dirs.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().equals(version)).toList()) {
        deleteTree(old);
      }
    }
    return new Dump(file, version, false);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private void list(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    var dumps = new ArrayList<Map<String, Object>>();
    for (String name : fileNames()) {
      DumpFormat f = DumpFormat.forFileName(name).orElseThrow();
      var m = new LinkedHashMap<String, Object>();
      m.put("name", name);
      m.put("url", req.getContextPath() + PATH + "/" + name);
      m.put("mediaType", name.endsWith(".gz") ? "application/gzip" : f.mediaType());
      m.put("format", f.token());
      m.put("namedGraphs", f.quads());
      dumps.add(m);
    }
    resp.setStatus(HttpServletResponse.SC_OK);
    resp.setContentType("application/json");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(JSON.writeValueAsString(Map.of("dumps", dumps)));
  }
}

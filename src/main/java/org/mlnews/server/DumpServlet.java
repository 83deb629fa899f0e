package org.mlnews.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * first request for a large store waits for it: 20 to 40 s at 10,000 issues; requests meanwhile
 * wait for the same file, while other dumps already on disk are served).
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
    // Left by a server stopped while writing (one server per store: TDB2's lock sees to that).
    if (Files.isDirectory(cache)) {
      try (Stream<Path> parts = Files.list(cache)) {
        for (Path p : parts.filter(p -> p.getFileName().toString().endsWith(".part")).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot clean " + cache, e);
      }
    }
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
    Dump dump = dump(name, format.get(), gzip);
    try (FileChannel open = dump.channel()) {
      if (dump.version() != null) {
        String etag = "\"" + dump.version() + "\"";
        resp.setHeader("ETag", etag);
        if (matches(req.getHeader("If-None-Match"), etag)) {
          resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
          return;
        }
      }
      resp.setStatus(HttpServletResponse.SC_OK);
      resp.setContentType(gzip ? "application/gzip" : format.get().mediaType() + "; charset=utf-8");
      resp.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
      resp.setContentLengthLong(open.size());
      if (!req.getMethod().equals("HEAD")) {
        Channels.newInputStream(open).transferTo(resp.getOutputStream());
      }
    } finally {
      if (dump.version() == null) {
        Files.deleteIfExists(dump.file());
      }
    }
  }

  /** Whether an {@code If-None-Match} header names the tag: in a list, weakly, or as {@code *}. */
  static boolean matches(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    for (String tag : ifNoneMatch.split(",")) {
      String t = tag.strip();
      if (t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(etag)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A dump's file, opened, and the version of the store it holds (the first 16 hex digits of the
   * store's signature), or a null version for a file written while the store changed: sent once,
   * then deleted, and with no {@code ETag}, since it holds no one state of the store for certain.
   */
  private record Dump(Path file, String version, FileChannel channel) {}

  /** One lock per dump file name: a dump on disk is served while another is being written. */
  private final transient ConcurrentHashMap<String, Object> writing = new ConcurrentHashMap<>();
  /**
   * Held while a version's folder is made, filled, pruned of the others, or a file in it opened:
   * a dump is open before any request can delete its folder (an open file stays readable), and no
   * request prunes the folder another is moving its dump into.
   */
  private final transient Object versions = new Object();

  /**
   * The dump {@code name} of the store as it is: the file on disk while the store is unchanged,
   * else written now (a gzipped one from the plain one). A build's last commit is waited for
   * ({@link Store.Signature#settled}) so that the requests right after it share one file.
   */
  private Dump dump(String name, DumpFormat format, boolean gzip) throws IOException {
    Store.Signature before = settledSignature();
    String version = before.digest().substring(0, 16);
    Path file = cache.resolve(version).resolve(name);
    Dump ready = opened(file, version);
    if (ready != null) {
      return ready;
    }
    synchronized (writing.computeIfAbsent(name, k -> new Object())) {
      ready = opened(file, version);
      if (ready != null) {
        return ready;
      }
      Files.createDirectories(cache);
      Path part = Files.createTempFile(cache, name, ".part");
      long start = System.nanoTime();
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)) {
        if (gzip) {
          Dump plain = dump(name.substring(0, name.length() - ".gz".length()), format, false);
          try (var z = new GZIPOutputStream(out, 1 << 16); FileChannel in = plain.channel()) {
            Channels.newInputStream(in).transferTo(z);
          } finally {
            if (plain.version() == null) {
              Files.deleteIfExists(plain.file());
            }
          }
        } else {
          new Dumper(store).write(format, out);
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(part);
        throw e;
      }
      LOG.info("dump {} written in {} ms ({} bytes)", name, (System.nanoTime() - start) / 1_000_000, Files.size(part));
      if (!before.equals(store.signature())) {
        return new Dump(part, null, FileChannel.open(part));
      }
      synchronized (versions) {
        Files.createDirectories(file.getParent());
        Files.move(part, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Dump dump = new Dump(file, version, FileChannel.open(file));
        // Dumps of other states of the store are of no more use (one being sent stays readable).
        try (Stream<Path> dirs = Files.list(cache)) {
          for (Path old : dirs.filter(d -> Files.isDirectory(d) && !d.getFileName().toString().equals(version)).toList()) {
            org.mlnews.FileTrees.delete(old);
          }
        }
        return dump;
      }
    }
  }

  /** The dump at {@code file}, opened, or null when there is none. */
  private Dump opened(Path file, String version) throws IOException {
    synchronized (versions) {
      return Files.isRegularFile(file) ? new Dump(file, version, FileChannel.open(file)) : null;
    }
  }

  /** The store's signature once its files have settled: a build's commit is not caught half way. */
  private Store.Signature settledSignature() {
    Store.Signature s = store.signature();
    for (int tries = 0; tries < 3 && !s.settled(Instant.now()); tries++) {
      try {
        Thread.sleep(Math.max(50, Duration.between(Instant.now(), s.newest().plus(Store.Signature.SETTLE)).toMillis()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      s = store.signature();
    }
    return s;
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

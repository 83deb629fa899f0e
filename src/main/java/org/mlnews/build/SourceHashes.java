package org.mlnews.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The source hashes of the last build, with each file's size and modification time
 * ({@code STORE/sources.tsv}), so that a build skips reading and hashing a file that did not change
 * on disk: on 10,000 issues that is 68 MiB read and hashed for a one-issue build. A cache, never
 * the truth: it is ignored when the build's fingerprint (extractor, topics, base) differs, and a
 * file whose modification time is within {@link #RACY_MILLIS} of when the cache was written is
 * hashed anyway, since it may have been written again in the same clock tick with the same size
 * (git's index has the same rule).
 *
 * <pre>{@code
 * SourceHashes cache = SourceHashes.load(storeDir, fingerprint);
 * String hash = cache.lookup(name, attributes).orElseGet(() -> hashOf(file));
 * }</pre>
 */
final class SourceHashes {
  static final String FILE = "sources.tsv";
  static final long RACY_MILLIS = 2_000;

  private record Known(long size, long modifiedMillis, String hash) {}

  private final String fingerprint;
  private final long writtenMillis;
  private final Map<String, Known> known;
  private final Map<String, Known> seen = new HashMap<>();

  private SourceHashes(String fingerprint, long writtenMillis, Map<String, Known> known) {
    this.fingerprint = fingerprint;
    this.writtenMillis = writtenMillis;
    this.known = known;
  }

  /** The cache of {@code storeDir}, or an empty one when there is none, it is unreadable or stale. */
  static SourceHashes load(Path storeDir, String fingerprint) {
    Path file = storeDir.resolve(FILE);
    var known = new HashMap<String, Known>();
    long written = 0;
    try {
      if (Files.isRegularFile(file)) {
        var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (!lines.isEmpty() && lines.get(0).equals(fingerprint)) {
          written = Files.getLastModifiedTime(file).toMillis();
          for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            if (f.length == 4) {
              known.put(f[0], new Known(Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]));
            }
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      known.clear(); // a cache that cannot be read is no cache
    }
    return new SourceHashes(fingerprint, written, known);
  }

  /** The recorded hash of the file {@code name}, if its size and time match and are not racy. */
  Optional<String> lookup(String name, BasicFileAttributes attrs) {
    Known k = known.get(name);
    long modified = attrs.lastModifiedTime().toMillis();
    if (k == null || k.size() != attrs.size() || k.modifiedMillis() != modified
        || modified >= writtenMillis - RACY_MILLIS) {
      return Optional.empty();
    }
    return Optional.of(k.hash());
  }

  /** Notes a file's hash, for {@link #save}; thread-safe. */
  synchronized void put(String name, BasicFileAttributes attrs, String hash) {
    seen.put(name, new Known(attrs.size(), attrs.lastModifiedTime().toMillis(), hash));
  }

  /** Writes what {@link #put} noted, replacing the previous cache; a failure only loses the cache. */
  synchronized void save(Path storeDir) {
    var sb = new StringBuilder(fingerprint).append('\n');
    seen.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> sb.append(e.getKey())
        .append('\t').append(e.getValue().size()).append('\t').append(e.getValue().modifiedMillis())
        .append('\t').append(e.getValue().hash()).append('\n'));
    CacheFiles.replaceOrDrop(storeDir.resolve(FILE), () -> sb);
  }
}

package org.mlnews.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.mlnews.issue.WeekRef;
import org.mlnews.store.Store;

/**
 * What the last build left in the store, per issue ({@link Builder.Stored}) and per ontology file
 * (the hash of the file its graph was parsed from), kept beside it
 * ({@code STORE/state.tsv}) so that the next build need not read it back out of TDB2: on 10,000
 * issues that read decodes some 60,000 nodes from a node table that is cold after the store is
 * opened, most of a one-issue build. A cache, never the truth: it is used only while the store's
 * {@linkplain Store#signature() signature} is the one it was written with (so any write to the
 * store since, by any process, or a crash between a commit and this file, sets it aside), and only
 * when it was written after the store's newest file changed, so that a write in the same clock
 * tick cannot pass for none (git's index has the same rule).
 *
 * <pre>{@code
 * Optional<StateCache.State> cached = StateCache.load(store, prefix);
 * // ... the build commits ...
 * StateCache.save(store, prefix, new StateCache.State(issues, fileHashes));
 * }</pre>
 */
final class StateCache {
  static final String FILE = "state.tsv";
  private static final String HEADER = "mlnews-state 1";

  private StateCache() {}

  /**
   * The state of the issue graphs by slug, and the hashes of the files the ontology and topic
   * graphs were parsed from, by file name.
   */
  record State(Map<String, Builder.Stored> issues, Map<String, String> files) {}

  /** The cached state of the issue graphs under {@code graphPrefix}, if the cache is current. */
  static Optional<State> load(Store store, String graphPrefix) {
    Path file = store.dir().resolve(FILE);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      Store.Signature now = store.signature();
      var lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() < 4 || !lines.get(0).equals(HEADER) || !lines.get(1).equals(graphPrefix)
          || !lines.get(2).equals(now.digest())
          || !Files.getLastModifiedTime(file).toInstant().isAfter(now.newest())) {
        return Optional.empty();
      }
      var files = new TreeMap<String, String>();
      String[] named = lines.get(3).split("\t", -1);
      for (int i = 0; i + 1 < named.length; i += 2) {
        files.put(named[i], named[i + 1]);
      }
      var state = new TreeMap<String, Builder.Stored>();
      for (String line : lines.subList(4, lines.size())) {
        String[] f = line.split("\t", -1);
        if (f.length != 8) {
          return Optional.empty();
        }
        state.put(f[0], new Builder.Stored(f[1], f[2].isEmpty() ? null : Integer.valueOf(f[2]),
            week(f[3]), week(f[4]), f[5].isEmpty() ? null : YearMonth.parse(f[5]),
            f[6].isEmpty() ? null : LocalDate.parse(f[6]), f[7].isEmpty() ? null : unescape(f[7])));
      }
      return Optional.of(new State(state, files));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // a cache that cannot be read is no cache
    }
  }

  /**
   * Writes the state the store holds now that a build has committed; a failure only loses the
   * cache. Call with no write pending, so that the signature is the committed one.
   */
  static void save(Store store, String graphPrefix, State state) {
    CacheFiles.replaceOrDrop(store.dir().resolve(FILE), () -> {
      var sb = new StringBuilder(HEADER).append('\n').append(graphPrefix).append('\n')
          .append(store.signature().digest()).append('\n');
      sb.append(String.join("\t", new TreeMap<>(state.files()).entrySet().stream()
          .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toList())).append('\n');
      new TreeMap<>(state.issues()).forEach((slug, s) -> sb.append(slug).append('\t').append(s.hash())
          .append('\t').append(s.issueNumber() == null ? "" : s.issueNumber())
          .append('\t').append(week(s.declaredWeek())).append('\t').append(week(s.inferredWeek()))
          .append('\t').append(s.month() == null ? "" : s.month())
          .append('\t').append(s.coverageStart() == null ? "" : s.coverageStart())
          .append('\t').append(s.claimWarning() == null ? "" : escape(s.claimWarning())).append('\n'));
      return sb;
    });
  }

  private static String week(WeekRef w) {
    return w == null ? "" : w.year() + "-W" + w.number();
  }

  private static WeekRef week(String s) {
    if (s.isEmpty()) {
      return null;
    }
    int at = s.indexOf("-W");
    return new WeekRef(Integer.parseInt(s.substring(0, at)), Integer.parseInt(s.substring(at + 2)));
  }

  /** A warning message on one field: backslash, tab and line breaks escaped. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String s) {
    var sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(switch (n) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> n;
        });
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}

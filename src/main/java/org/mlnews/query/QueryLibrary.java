package org.mlnews.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The named queries of a folder ({@code queries/*.rq}), loaded once.
 *
 * <pre>{@code
 * QueryLibrary lib = QueryLibrary.load(Path.of("queries"));
 * NamedQuery q = lib.get("gan-papers-q4-2020").orElseThrow();
 * }</pre>
 */
public final class QueryLibrary {
  private final Map<String, NamedQuery> queries;

  private QueryLibrary(Map<String, NamedQuery> queries) {
    this.queries = Map.copyOf(queries);
  }

  /** Loads every {@code *.rq} file; a broken one fails the load with its file and line. */
  public static QueryLibrary load(Path dir) {
    var map = new TreeMap<String, NamedQuery>();
    if (!Files.isDirectory(dir)) {
      return new QueryLibrary(map);
    }
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".rq")).sorted().toList()) {
        String name = f.getFileName().toString().replaceFirst("\\.rq$", "");
        map.put(name, NamedQuery.parse(name, Files.readString(f, StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read queries from " + dir, e);
    }
    return new QueryLibrary(map);
  }

  public Optional<NamedQuery> get(String name) {
    return Optional.ofNullable(queries.get(name));
  }

  /** All queries, sorted by name. */
  public List<NamedQuery> all() {
    return new TreeMap<>(queries).values().stream().toList();
  }
}

package org.mlnews.build;

import static org.mlnews.Hashes.sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.graph.GraphFactory;
import org.mlnews.Version;
import org.mlnews.changes.ChangeLog;
import org.mlnews.changes.ChangeSet;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.Warning;
import org.mlnews.issue.WeekRef;
import org.mlnews.markdown.IssueReader;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.IssueMapper;
import org.mlnews.rdf.Provenance;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;
import org.mlnews.time.DateInference;
import org.mlnews.topics.TopicScheme;

/**
 * Brings the store up to date with a data folder, incrementally and idempotently:
 * <ul>
 *   <li>an issue whose source, extractor version, topic scheme and base IRI are unchanged is
 *       skipped (its graph records a hash of all of them);
 *   <li>a new or changed file replaces its issue's named graph; a removed file's graph is dropped;
 *   <li>a file that cannot be read is reported with file and line, and its previous graph, and
 *       every other graph, stay as they were;
 *   <li>all changes of one build are committed in one TDB2 write transaction, so a reader, or a
 *       crash, sees the store wholly before or wholly after the build;
 *   <li>graphs are replaced by their difference, and a build that changed something records what it
 *       added and removed as an RDF Patch in the store's {@code changes} folder
 *       ({@link org.mlnews.changes.ChangeLog});
 *   <li>graphs are stamped with the builder's clock: {@code SOURCE_DATE_EPOCH} when set
 *       ({@link BuildClock}), so builds can be reproducible.
 * </ul>
 *
 * <pre>{@code
 * Builder builder = new Builder(Path.of("data"), Path.of("ontology"), new Iris(Iris.DEFAULT_BASE));
 * try (Store store = Store.open(Path.of("store"))) {
 *   BuildReport report = builder.build(store);
 *   System.out.println(report.summary());
 * }
 * }</pre>
 */
public final class Builder {
  private final Path dataDir;
  private final Path ontologyDir;
  private final Iris iris;
  private final TopicScheme topics;
  private final Extractor extractor;
  private final IssueMapper mapper;
  private final String fingerprint;
  private final Clock clock;

  /** A builder whose clock is {@link BuildClock#fromEnvironment()} ({@code SOURCE_DATE_EPOCH} or now). */
  public Builder(Path dataDir, Path ontologyDir, Iris iris) {
    this(dataDir, ontologyDir, iris, BuildClock.fromEnvironment());
  }

  /** A builder that stamps its graphs with {@code clock}'s time (tests, reproducible builds). */
  public Builder(Path dataDir, Path ontologyDir, Iris iris, Clock clock) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.ontologyDir = Objects.requireNonNull(ontologyDir, "ontologyDir");
    this.iris = Objects.requireNonNull(iris, "iris");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (!Files.isDirectory(dataDir)) {
      throw new IllegalArgumentException("data folder " + dataDir + " does not exist");
    }
    Path topicsFile = ontologyDir.resolve("topics.ttl");
    this.topics = TopicScheme.load(topicsFile);
    this.extractor = new Extractor(IssueReader.create(), topics.tagger());
    this.mapper = new IssueMapper(iris);
    // Everything besides the source file that an issue graph depends on.
    this.fingerprint = sha256((Version.EXTRACTOR + "\n" + iris.base() + "\n").getBytes(StandardCharsets.UTF_8),
        read(topicsFile));
  }

  public TopicScheme topics() {
    return topics;
  }

  public Extractor extractor() {
    return extractor;
  }

  /** The issue files of the data folder by slug; a JSON file wins over a Markdown file. */
  public Map<String, Path> sources(List<String> notes) {
    var bySlug = new TreeMap<String, Path>();
    try (Stream<Path> files = Files.list(dataDir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (name.startsWith(".") || !Files.isRegularFile(f)
            || !(name.endsWith(".md") || name.endsWith(".json"))) {
          continue;
        }
        String slug = name.replaceFirst("\\.(md|json)$", "");
        Path previous = bySlug.get(slug);
        if (previous != null) {
          Path json = Extractor.isJson(f) ? f : previous;
          notes.add(json + " overrides " + (json == f ? previous : f));
          bySlug.put(slug, json);
        } else {
          bySlug.put(slug, f);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + dataDir, e);
    }
    return bySlug;
  }

  /** What the store knows of an issue graph, enough to skip it and to infer neighbours' dates. */
  private record Stored(String hash, Integer issueNumber, WeekRef declaredWeek, WeekRef inferredWeek,
      YearMonth month, java.time.LocalDate coverageStart) {
    /** Just the dating facts, as the calendar's inference reads them. */
    Issue asDatingFacts(String slug) {
      return new Issue(slug, null, slug, null, declaredWeek, month, issueNumber, coverageStart,
          null, null, null, null);
    }
  }

  public BuildReport build(Store store) {
    var notes = new ArrayList<String>();
    Map<String, Path> sources = sources(notes);
    Map<String, Stored> stored = store.read(() -> storedState(store));

    var failed = new ArrayList<SourceException>();
    var failedSlugs = new java.util.HashSet<String>();
    var hashes = new LinkedHashMap<String, String>();
    var parsed = new LinkedHashMap<String, Issue>();
    // Files are hashed and extracted on every core (the extractor is thread-safe); the results are
    // gathered in the sources' order, so a build does the same whichever thread read what.
    record Read(String slug, String hash, Issue issue, SourceException error) {}
    List<Read> reads = sources.entrySet().parallelStream().map(e -> {
      String hash = null;
      try {
        hash = sha256(fingerprint.getBytes(StandardCharsets.UTF_8), readSource(e.getValue()));
        Stored s = stored.get(e.getKey());
        Issue issue = s == null || !s.hash().equals(hash) ? extractor.extract(e.getValue()) : null;
        return new Read(e.getKey(), hash, issue, null);
      } catch (SourceException ex) {
        return new Read(e.getKey(), hash, null, ex);
      }
    }).toList();
    for (Read r : reads) {
      if (r.hash() != null) {
        hashes.put(r.slug(), r.hash());
      }
      if (r.error() != null) {
        failed.add(r.error());
        failedSlugs.add(r.slug());
      } else if (r.issue() != null) {
        parsed.put(r.slug(), r.issue());
      }
    }

    // Dates are inferred across all issues; an unchanged issue whose inferred week moved is redone.
    var known = new ArrayList<Issue>();
    parsed.values().forEach(known::add);
    stored.forEach((slug, s) -> {
      if (!parsed.containsKey(slug) && hashes.containsKey(slug)) {
        known.add(s.asDatingFacts(slug));
      }
    });
    Map<String, DateInference.Inferred> inferences = DateInference.infer(known);
    Map<String, WeekRef> inferred = new TreeMap<>();
    inferences.forEach((slug, inf) -> inferred.put(slug, inf.week()));
    for (var e : stored.entrySet()) {
      String slug = e.getKey();
      if (hashes.containsKey(slug) && !parsed.containsKey(slug)
          && !Objects.equals(e.getValue().inferredWeek(), inferred.get(slug))) {
        try {
          parsed.put(slug, extractor.extract(sources.get(slug)));
        } catch (SourceException ex) {
          failed.add(ex);
          failedSlugs.add(slug);
        }
      }
    }
    BuildChecks.apply(store, iris, extractor, mapper, sources, known, parsed, inferred, failed, failedSlugs);

    var added = new ArrayList<String>();
    var updated = new ArrayList<String>();
    var removed = new ArrayList<String>();
    var warnings = new TreeMap<String, List<Warning>>();
    var now = clock.instant();
    // Every add and delete of this build, recorded as the store makes it (see org.mlnews.changes).
    var changes = new ChangeSet();
    store.write(() -> {
      replaceIfDifferent(store, iris.ontologyGraph(), ontologyDir.resolve("mlnews.ttl"), changes);
      replaceIfDifferent(store, iris.topicsGraph(), ontologyDir.resolve("topics.ttl"), changes);
      parsed.forEach((slug, extracted) -> {
        var inference = inferences.get(slug);
        Issue issue = inference == null ? extracted : extracted.withWarnings(List.of(new Warning(
            "date-inferred", "the issue declares no date; week " + inference.week()
                + " was inferred from " + inference.basis(), 0)));
        Graph g = GraphFactory.createDefaultGraph();
        var prov = new Provenance(dataDir.resolve(sources.get(slug).getFileName()).toString(),
            hashes.get(slug), Version.EXTRACTOR, now);
        mapper.map(issue, prov, inferred.get(slug), StreamRDFLib.graph(g));
        store.replaceGraph(iris.issueGraph(slug), g, changes);
        (stored.containsKey(slug) ? updated : added).add(slug);
        if (!issue.warnings().isEmpty()) {
          warnings.put(slug, issue.warnings());
        }
      });
      for (String slug : stored.keySet()) {
        if (!sources.containsKey(slug)) {
          store.removeGraph(iris.issueGraph(slug), changes);
          removed.add(slug);
        }
      }
    });
    if (!changes.isEmpty()) {
      var entry = ChangeLog.of(store.dir()).record(changes, now);
      notes.add(String.format("change set %d: +%d -%d quads in %s", entry.build(), entry.added(),
          entry.removed(), ChangeLog.of(store.dir()).patchFile(entry.build())));
    }
    var unchanged = new ArrayList<String>(hashes.keySet());
    unchanged.removeAll(parsed.keySet());
    unchanged.removeAll(failedSlugs);
    long[] counts = store.read(() -> new long[] {
        store.graphNames(iris.issueGraphPrefix()).size(),
        store.datasetGraph().getUnionGraph().size()});
    return new BuildReport(added, updated, unchanged, removed, failed, warnings, notes,
        counts[0], counts[1]);
  }

  private Map<String, Stored> storedState(Store store) {
    var state = new TreeMap<String, Stored>();
    var dsg = store.datasetGraph();
    for (Node g : store.graphNames(iris.issueGraphPrefix())) {
      String slug = g.getURI().substring(iris.issueGraphPrefix().length());
      Graph graph = dsg.getGraph(g);
      String hash = object(graph, g, Vocab.CONTENT_HASH).map(Node::getLiteralLexicalForm).orElse("");
      Node issue = iris.issue(slug);
      Integer number = object(graph, issue, Vocab.ISSUE_NUMBER)
          .map(n -> Integer.valueOf(n.getLiteralLexicalForm())).orElse(null);
      WeekRef week = object(graph, issue, Vocab.WEEK_PROP).map(Builder::weekOf).orElse(null);
      boolean wasInferred = graph.contains(issue, Vocab.DATE_INFERRED, Node.ANY);
      YearMonth month = object(graph, issue, Vocab.MONTH_PROP)
          .map(n -> YearMonth.parse(n.getURI().substring(n.getURI().lastIndexOf('/') + 1)))
          .orElse(null);
      java.time.LocalDate coverage = object(graph, issue, Vocab.COVERAGE_START)
          .map(n -> java.time.LocalDate.parse(n.getLiteralLexicalForm())).orElse(null);
      state.put(slug, new Stored(hash, number, wasInferred ? null : week, wasInferred ? week : null,
          month, coverage));
    }
    return state;
  }

  private static java.util.Optional<Node> object(Graph g, Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? java.util.Optional.of(it.next().getObject()) : java.util.Optional.empty();
    } finally {
      it.close();
    }
  }

  /** The week of a week IRI ({@code .../time/week/2020-W41}). */
  private static WeekRef weekOf(Node weekIri) {
    String key = weekIri.getURI().substring(weekIri.getURI().lastIndexOf('/') + 1);
    return new WeekRef(Integer.parseInt(key.substring(0, 4)), Integer.parseInt(key.substring(6)));
  }

  private void replaceIfDifferent(Store store, Node graphName, Path file, ChangeSet changes) {
    Graph fresh = GraphFactory.createDefaultGraph();
    RDFParser.source(file).parse(fresh);
    Graph current = store.datasetGraph().getGraph(graphName);
    if (!current.isIsomorphicWith(fresh)) {
      store.replaceGraph(graphName, fresh, changes);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  private static byte[] readSource(Path file) throws SourceException {
    try {
      return org.mlnews.issue.SourceLimits.read(file);
    } catch (IOException e) {
      throw new SourceException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }
}

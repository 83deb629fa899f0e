package org.mlnews.build;

import static org.mlnews.Hashes.sha256;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.system.StreamRDFLib;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.graph.GraphFactory;
import org.mlnews.Version;
import org.mlnews.changes.ChangeLog;
import org.mlnews.changes.ChangeSet;
import org.mlnews.changes.PatchBody;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.SourceLimits;
import org.mlnews.issue.Warning;
import org.mlnews.issue.WeekRef;
import org.mlnews.markdown.IssueReader;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.IssueMapper;
import org.mlnews.rdf.Provenance;
import org.mlnews.rdf.RdfFiles;
import org.mlnews.rdf.TrendMapper;
import org.mlnews.rdf.Vocab;
import org.mlnews.store.Store;
import org.mlnews.store.StoreException;
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
 *   <li>the first build into an empty store goes through TDB2's bulk loader instead
 *       ({@link Store#bulkLoad}): several times faster, and as safe, since a load cut off leaves a
 *       marker and the store is emptied on the next open, back to where it was;
 *   <li>graphs are replaced by their difference, and a build that changed something records what it
 *       added and removed as an RDF Patch in the store's {@code changes} folder
 *       ({@link org.mlnews.changes.ChangeLog}), written before the commit and logged after it, so
 *       a build killed in between is neither missing from the log nor in it without its changes;
 *   <li>each week-year's trend statistics ({@link TrendMapper}, a graph per year) are counted from
 *       its issue graphs: all of them in a first build, then again for every year that an issue
 *       written or removed belongs to, before or after, in the same transaction;
 *   <li>graphs are stamped with the builder's clock: {@code SOURCE_DATE_EPOCH} when set
 *       ({@link BuildClock}), so builds can be reproducible.
 * </ul>
 * Parsing, mapping and formatting the change set run on every core; only the writes are sequential.
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
  private final TrendMapper trends;
  private final String fingerprint;
  private final Clock clock;
  /** The ontology folder's files stored as graphs, by file name: the ontology, the topic scheme. */
  private final Map<String, Node> ontologyGraphs;

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
    this.trends = new TrendMapper(iris, topics);
    var graphs = new LinkedHashMap<String, Node>();
    graphs.put("mlnews.ttl", iris.ontologyGraph());
    graphs.put("topics.ttl", iris.topicsGraph());
    this.ontologyGraphs = java.util.Collections.unmodifiableMap(graphs);
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
        String slug = name.substring(0, name.lastIndexOf('.'));
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

  /**
   * What the store knows of an issue graph: enough to skip it, to infer its neighbours' dates, and
   * to see whether its duplicate-week warning still holds.
   */
  record Stored(String hash, Integer issueNumber, WeekRef declaredWeek, WeekRef inferredWeek,
      YearMonth month, LocalDate coverageStart, String claimWarning) {
    /** Just the dating facts, as the calendar's inference reads them. */
    Issue asDatingFacts(String slug) {
      return new Issue(slug, null, slug, null, declaredWeek, month, issueNumber, coverageStart,
          null, null, null, null);
    }
  }

  /** The issues to write, with what the build worked out about them. */
  private record Plan(Map<String, Path> sources, Map<String, String> hashes, Map<String, Issue> parsed,
      Map<String, DateInference.Inferred> inferences, Map<String, WeekRef> inferred, Instant now) {}

  /**
   * One graph ready to write: its name and content, and for an issue its slug and issue (for the
   * report) and its tally for the trend statistics (null when it has no week), or the error that
   * kept it from being mapped.
   */
  private record Rendered(Node name, String slug, Issue issue, Graph graph, TrendMapper.Tally tally,
      SourceException error) {}

  /**
   * Files read, or graphs rendered, ahead of the one being stored: enough to keep every core busy,
   * few enough to bound a large build's memory.
   */
  private static final int AHEAD = 256;

  /**
   * Builds; one build at a time per store ({@link Store#exclusively}): a watcher's build and one
   * started by hand would otherwise number their change sets from the same log.
   */
  public BuildReport build(Store store) {
    return store.exclusively(() -> buildAlone(store));
  }

  private BuildReport buildAlone(Store store) {
    var notes = new ArrayList<String>();
    // A build killed between its commit and its change set left that change set pending.
    notes.addAll(ChangeLog.of(store.dir()).recover(store.datasetGraph()));
    refuseAnotherBase(store);
    Map<String, Path> sources = sources(notes);
    Optional<StateCache.State> cached = StateCache.load(store, iris.issueGraphPrefix());
    Map<String, Stored> stored = cached.map(StateCache.State::issues)
        .orElseGet(() -> store.read(() -> storedState(store)));
    var ontologyFiles = new TreeMap<String, String>();
    for (String file : ontologyGraphs.keySet()) {
      ontologyFiles.put(file, sha256(read(ontologyDir.resolve(file))));
    }
    // Ontology files whose graphs the store holds as they are now: not compared again.
    Set<String> ontologyUnchanged = cached.map(c -> ontologyFiles.keySet().stream()
        .filter(f -> ontologyFiles.get(f).equals(c.files().get(f))).collect(Collectors.toSet()))
        .orElse(Set.of());
    boolean firstBuild = stored.isEmpty() && store.read(store::isEmpty);

    var failed = new ArrayList<SourceException>();
    var failedSlugs = new HashSet<String>();
    var hashes = new LinkedHashMap<String, String>();
    var parsed = new LinkedHashMap<String, Issue>();
    // Files are hashed and extracted on every core (the extractor is thread-safe); the results are
    // gathered in the sources' order, so a build does the same whichever thread read what.
    record Read(String slug, String hash, Issue issue, SourceException error) {}
    SourceHashes cache = SourceHashes.load(store.dir(), fingerprint);
    InOrder.map(List.copyOf(sources.entrySet()), e -> {
      Path file = e.getValue();
      String name = file.getFileName().toString();
      String hash = null;
      try {
        Stored s = stored.get(e.getKey());
        var attrs = attributes(file);
        String remembered = cache.lookup(name, attrs).orElse(null);
        if (remembered != null && s != null && s.hash().equals(remembered)) {
          cache.put(name, attrs, remembered);
          return new Read(e.getKey(), remembered, null, null);
        }
        // Hashed and extracted from the same bytes: a file replaced while the build reads it must
        // not give a graph of one content under the hash of another.
        byte[] bytes = SourceLimits.readSource(file);
        hash = hash(bytes);
        cache.put(name, attrs, hash);
        Issue issue = s == null || !s.hash().equals(hash) ? extractor.extract(file, bytes) : null;
        return new Read(e.getKey(), hash, issue, null);
      } catch (SourceException ex) {
        return new Read(e.getKey(), hash, null, ex);
      }
    }, r -> {
      if (r.hash() != null) {
        hashes.put(r.slug(), r.hash());
      }
      if (r.error() != null) {
        failed.add(r.error());
        failedSlugs.add(r.slug());
      } else if (r.issue() != null) {
        parsed.put(r.slug(), r.issue());
      }
    }, AHEAD);

    // Dates are inferred across all issues; an unchanged issue whose inferred week moved is redone.
    var known = new ArrayList<Issue>();
    parsed.values().forEach(known::add);
    // An issue that failed this time keeps its stored graph, so its dates stay evidence too,
    // whether its file could not be read at all or did not parse.
    stored.forEach((slug, s) -> {
      if (!parsed.containsKey(slug) && (hashes.containsKey(slug) || failedSlugs.contains(slug))) {
        known.add(s.asDatingFacts(slug));
      }
    });
    Map<String, DateInference.Inferred> inferences = DateInference.infer(known);
    Map<String, WeekRef> inferred = new TreeMap<>();
    inferences.forEach((slug, inf) -> inferred.put(slug, inf.week()));
    for (var e : stored.entrySet()) {
      String slug = e.getKey();
      if (hashes.containsKey(slug) && !parsed.containsKey(slug) && !failedSlugs.contains(slug)
          && !Objects.equals(e.getValue().inferredWeek(), inferred.get(slug))) {
        try {
          parsed.put(slug, reread(slug, sources, hashes));
        } catch (SourceException ex) {
          failed.add(ex);
          failedSlugs.add(slug);
        }
      }
    }
    BuildChecks.duplicateClaims(slug -> reread(slug, sources, hashes), sources, known, parsed, stored,
        failed, failedSlugs);

    var plan = new Plan(sources, hashes, parsed, inferences, inferred, clock.instant());
    var added = new ArrayList<String>();
    var updated = new ArrayList<String>();
    var removed = new ArrayList<String>();
    var warnings = new TreeMap<String, List<Warning>>();
    var state = new TreeMap<>(stored); // what the store holds once this build has committed
    Consumer<Rendered> written = r -> {
      if (r.error() != null) {
        failed.add(r.error());
        failedSlugs.add(r.slug());
      } else if (r.slug() != null) {
        state.put(r.slug(), storedOf(r));
        (stored.containsKey(r.slug()) ? updated : added).add(r.slug());
        if (!r.issue().warnings().isEmpty()) {
          warnings.put(r.slug(), r.issue().warnings());
        }
      }
    };
    ChangeLog.Entry entry = firstBuild ? loadAll(store, plan, written)
        : replaceChanged(store, plan, stored, ontologyUnchanged, written, removed);
    if (entry != null) {
      notes.add(String.format("change set %d: +%d -%d quads in %s", entry.build(), entry.added(),
          entry.removed(), ChangeLog.of(store.dir()).patchFile(entry.build())));
    }
    removed.forEach(state::remove);
    StateCache.save(store, iris.issueGraphPrefix(), new StateCache.State(state, ontologyFiles));
    cache.save(store.dir());
    var unchanged = new ArrayList<String>(hashes.keySet());
    unchanged.removeAll(parsed.keySet());
    unchanged.removeAll(failedSlugs);
    var inStore = new TreeSet<>(stored.keySet());
    inStore.addAll(added);
    removed.forEach(inStore::remove);
    return new BuildReport(added, updated, unchanged, removed, failed, warnings, notes, inStore.size(),
        entry == null ? 0 : entry.added(), entry == null ? 0 : entry.removed());
  }

  /**
   * Refuses a store built with another base: its graphs are named under that base, and this build
   * would add every one of them again under this base's names, beside the old ones (a build knows
   * the store's graphs by the prefix of their names). The ontology graph tells, in one index
   * look-up: the ontology's IRI is the same whatever the base, the graph's name is not.
   */
  private void refuseAnotherBase(Store store) {
    Node ours = iris.ontologyGraph();
    String suffix = ours.getURI().substring(iris.base().length());
    Optional<String> other = store.read(() -> Iter.asStream(store.datasetGraph()
            .find(Node.ANY, Vocab.ONTOLOGY, Vocab.RDF_TYPE, Vocab.OWL_ONTOLOGY))
        .map(Quad::getGraph)
        .filter(g -> g.isURI() && !g.equals(ours) && g.getURI().endsWith(suffix))
        .map(g -> g.getURI().substring(0, g.getURI().length() - suffix.length()))
        .findFirst());
    if (other.isPresent()) {
      throw new StoreException("the store " + store.dir() + " was built with the base " + other.get()
          + "; building it with " + iris.base() + " would add every graph again under new names,"
          + " beside the old ones. Build into a new store (--store) for the new base, or give --base "
          + other.get());
    }
  }

  /**
   * A first build: every graph through TDB2's bulk loader, rendered on every core a little ahead
   * of the loader ({@link InOrder}), its change set streamed to the change log as it goes, in the
   * order a {@link ChangeSet} would write it; memory stays flat however large the corpus.
   * {@code written} hears of every graph, loaded or failed.
   */
  private ChangeLog.Entry loadAll(Store store, Plan plan, Consumer<Rendered> written) {
    // Graphs in the order of a patch's blocks.
    var units = new TreeMap<Node, Supplier<Rendered>>(PatchBody.GRAPH_ORDER);
    ontologyGraphs.forEach((file, name) -> units.put(name, () -> parsedFile(name, file)));
    plan.parsed().keySet().forEach(slug -> units.put(iris.issueGraph(slug), () -> render(plan, slug)));
    var log = ChangeLog.of(store.dir());
    var entry = new ChangeLog.Entry[1];
    record Loadable(Rendered rendered, PatchBody.Block patch) {}
    var years = new HashMap<Integer, TrendMapper.Tally>();
    try (PatchBody body = log.openBody(plan.now())) {
      store.bulkLoad(stream -> {
        BiConsumer<Rendered, PatchBody.Block> load = (r, patch) -> {
          r.graph().find().forEachRemaining(t -> stream.quad(Quad.create(r.name(), t)));
          body.write(patch);
        };
        InOrder.map(List.copyOf(units.values()), unit -> {
          Rendered r = unit.get();
          return new Loadable(r, r.error() != null ? null
              : PatchBody.Block.of(r.name(), true, r.graph().find().toList()));
        }, l -> {
          Rendered r = l.rendered();
          if (r.error() == null) {
            load.accept(r, l.patch());
            if (r.tally() != null) {
              years.merge(r.tally().weekYear(), r.tally(), TrendMapper.Tally::plus);
            }
          }
          written.accept(r);
        }, AHEAD);
        // The trend graphs come after every other graph in a patch's order (graph/trend/ sorts
        // after graph/topics), so they are written last, once every issue has been counted.
        var trendGraphs = new TreeMap<Node, Graph>(PatchBody.GRAPH_ORDER);
        years.values().forEach(y -> trendGraphs.put(iris.trendGraph(y.weekYear()), trendGraph(y)));
        if (!trendGraphs.isEmpty() && PatchBody.GRAPH_ORDER.compare(units.lastKey(), trendGraphs.firstKey()) >= 0) {
          throw new IllegalStateException(trendGraphs.firstKey() + " sorts before " + units.lastKey());
        }
        trendGraphs.forEach((name, g) -> load.accept(new Rendered(name, null, null, g, null, null),
            PatchBody.Block.of(name, true, g.find().toList())));
        body.finish();
      }, () -> {
        if (!body.isEmpty()) {
          entry[0] = log.record(body);
        }
      });
    }
    return entry[0];
  }

  /**
   * Any later build: changed issue graphs replaced by their difference and removed ones dropped, in
   * one write transaction; the change set is written before the commit and enters the log after it
   * ({@link ChangeLog.Pending}).
   */
  private ChangeLog.Entry replaceChanged(Store store, Plan plan, Map<String, Stored> stored,
      Set<String> ontologyUnchanged, Consumer<Rendered> written, List<String> removed) {
    if (plan.parsed().isEmpty() && ontologyUnchanged.containsAll(ontologyGraphs.keySet())
        && plan.sources().keySet().containsAll(stored.keySet())) {
      // Nothing to write: no write transaction either, whose commit would change the store's
      // files, and with them its signature, which the page cache and the dumps' ETags go by.
      return null;
    }
    var changes = new ChangeSet();
    var log = ChangeLog.of(store.dir());
    var pending = new ChangeLog.Pending[1];
    try {
      store.write(() -> {
        boolean schemeChanged = false;
        for (var e : ontologyGraphs.entrySet()) {
          if (!ontologyUnchanged.contains(e.getKey())
              && replaceIfDifferent(store, parsedFile(e.getValue(), e.getKey()), changes)) {
            schemeChanged |= e.getValue().equals(iris.topicsGraph());
          }
        }
        var tallies = new HashMap<String, TrendMapper.Tally>(); // of the issues written, null without a week
        InOrder.map(List.copyOf(plan.parsed().keySet()), slug -> render(plan, slug), r -> {
          if (r.error() == null) {
            store.replaceGraph(r.name(), r.graph(), changes);
            tallies.put(r.slug(), r.tally());
          }
          written.accept(r);
        }, AHEAD);
        for (String slug : stored.keySet()) {
          if (!plan.sources().containsKey(slug)) {
            store.removeGraph(iris.issueGraph(slug), changes);
            removed.add(slug);
          }
        }
        recount(store, stored, tallies, removed, schemeChanged, changes);
        // Written before the commit and published after it: a process killed in between leaves
        // it pending, and the next build's ChangeLog.recover finds out from the store which it was.
        if (!changes.isEmpty()) {
          pending[0] = log.prepare(changes, plan.now());
        }
      });
    } catch (RuntimeException | Error e) {
      if (pending[0] != null) {
        pending[0].discard();
      }
      throw e;
    }
    return pending[0] == null ? null : pending[0].publish();
  }

  /**
   * Counts again the trend statistics of every week-year that an issue written or removed by this
   * build belonged to, before or after, or of every year when the topic scheme changed (each year
   * has an observation per topic): from the tallies of the issues just written and the graphs of
   * the year's other issues as the store holds them. Call inside the build's write transaction.
   */
  private void recount(Store store, Map<String, Stored> stored, Map<String, TrendMapper.Tally> written,
      List<String> removed, boolean schemeChanged, ChangeSet changes) {
    var yearOf = new TreeMap<String, Integer>(); // every issue's week-year once this build commits
    stored.forEach((slug, s) -> {
      WeekRef week = s.declaredWeek() != null ? s.declaredWeek() : s.inferredWeek();
      if (week != null) {
        yearOf.put(slug, week.year());
      }
    });
    var affected = new TreeSet<Integer>();
    written.forEach((slug, tally) -> {
      Integer before = tally == null ? yearOf.remove(slug) : yearOf.put(slug, tally.weekYear());
      if (before != null) {
        affected.add(before);
      }
      if (tally != null) {
        affected.add(tally.weekYear());
      }
    });
    removed.forEach(slug -> {
      Integer before = yearOf.remove(slug);
      if (before != null) {
        affected.add(before);
      }
    });
    if (schemeChanged) {
      affected.addAll(yearOf.values());
      for (Node g : store.graphNames(iris.trendGraphPrefix())) {
        String year = g.getURI().substring(iris.trendGraphPrefix().length());
        if (year.matches("\\d{1,9}")) {
          affected.add(Integer.valueOf(year));
        }
      }
    }
    var slugsOf = new TreeMap<Integer, List<String>>();
    yearOf.forEach((slug, year) -> {
      if (affected.contains(year)) {
        slugsOf.computeIfAbsent(year, y -> new ArrayList<>()).add(slug);
      }
    });
    for (int year : affected) {
      TrendMapper.Tally sum = null;
      for (String slug : slugsOf.getOrDefault(year, List.of())) {
        Node graph = iris.issueGraph(slug);
        TrendMapper.Tally t = written.containsKey(slug) ? written.get(slug)
            : trends.tally(graph, iris.issue(slug), store.datasetGraph().getGraph(graph)).orElse(null);
        if (t != null) {
          sum = sum == null ? t : sum.plus(t);
        }
      }
      if (sum == null) {
        store.removeGraph(iris.trendGraph(year), changes);
      } else {
        store.replaceGraph(iris.trendGraph(year), trendGraph(sum), changes);
      }
    }
  }

  /**
   * An issue's graph. A mapping that fails (a bug in mlnews) fails that issue alone, with its file,
   * before anything of it is written.
   */
  private Rendered render(Plan plan, String slug) {
    Node name = iris.issueGraph(slug);
    Path source = plan.sources().get(slug);
    var inference = plan.inferences().get(slug);
    Issue issue = plan.parsed().get(slug);
    if (inference != null) {
      issue = issue.withWarnings(List.of(new Warning("date-inferred", "the issue names no week; week "
          + inference.week() + " was inferred from " + inference.basis(), Extractor.titleLine(source))));
    }
    try {
      Graph g = GraphFactory.createDefaultGraph();
      // The file's name in the data folder: where that folder is on the building machine is no
      // fact about the data (and would make the dumps of two checkouts differ).
      var prov = new Provenance(source.getFileName().toString(),
          plan.hashes().get(slug), Version.EXTRACTOR, plan.now());
      mapper.map(issue, prov, plan.inferred().get(slug), StreamRDFLib.graph(g));
      return new Rendered(name, slug, issue, g, trends.tally(name, iris.issue(slug), g).orElse(null), null);
    } catch (RuntimeException ex) {
      return new Rendered(name, slug, issue, null, null, new SourceException(source, 0, 0,
          "cannot be stored as RDF (a bug in mlnews; please report it): " + ex, ex));
    }
  }

  /** A week-year's trend graph, from the tally of its issues. */
  private Graph trendGraph(TrendMapper.Tally year) {
    Graph g = GraphFactory.createDefaultGraph();
    trends.map(year, StreamRDFLib.graph(g));
    return g;
  }

  /** The ontology's or the topic scheme's graph, from its file in the ontology folder. */
  private Rendered parsedFile(Node name, String file) {
    return new Rendered(name, null, null, RdfFiles.read(ontologyDir.resolve(file)), null, null);
  }

  /**
   * The stored state of every issue graph, read one property at a time across all graphs (a range
   * scan of one index each) rather than graph by graph: on a large store, a one-issue rebuild would
   * otherwise spend most of its time here.
   */
  Map<String, Stored> storedState(Store store) {
    DatasetGraph dsg = store.datasetGraph();
    String prefix = iris.issueGraphPrefix();
    var hash = new HashMap<String, String>();
    dsg.find(Node.ANY, Node.ANY, Vocab.CONTENT_HASH, Node.ANY).forEachRemaining(q -> {
      if (q.getSubject().equals(q.getGraph()) && q.getGraph().getURI().startsWith(prefix)) {
        hash.put(q.getGraph().getURI().substring(prefix.length()), q.getObject().getLiteralLexicalForm());
      }
    });
    // An issue graph without a hash (none written by this builder) is known too, and rebuilt.
    for (Node g : store.graphNames(prefix)) {
      hash.putIfAbsent(g.getURI().substring(prefix.length()), "");
    }
    var number = issueObjects(dsg, Vocab.ISSUE_NUMBER);
    var week = issueObjects(dsg, Vocab.WEEK_PROP);
    var dateInferred = issueObjects(dsg, Vocab.DATE_INFERRED);
    var month = issueObjects(dsg, Vocab.MONTH_PROP);
    var coverage = issueObjects(dsg, Vocab.COVERAGE_START);
    var claims = BuildChecks.storedClaims(dsg, prefix);
    var state = new TreeMap<String, Stored>();
    hash.forEach((slug, h) -> state.put(slug, stored(h, number.get(slug), week.get(slug),
        dateInferred.containsKey(slug), month.get(slug), coverage.get(slug), claims.get(slug))));
    return state;
  }

  /** What the store will hold of a graph this build writes: as {@link #storedState} reads it back. */
  private Stored storedOf(Rendered r) {
    Graph g = r.graph();
    Node issue = iris.issue(r.slug());
    Function<Node, Node> object = p -> g.find(issue, p, Node.ANY).nextOptional().map(t -> t.getObject()).orElse(null);
    String hash = g.find(r.name(), Vocab.CONTENT_HASH, Node.ANY).nextOptional()
        .map(t -> t.getObject().getLiteralLexicalForm()).orElse("");
    return stored(hash, object.apply(Vocab.ISSUE_NUMBER), object.apply(Vocab.WEEK_PROP),
        object.apply(Vocab.DATE_INFERRED) != null, object.apply(Vocab.MONTH_PROP),
        object.apply(Vocab.COVERAGE_START), BuildChecks.claimIn(g));
  }

  /** An issue's state from the values its graph holds (null where it holds none). */
  private static Stored stored(String hash, Node number, Node week, boolean dateInferred, Node month,
      Node coverage, String claim) {
    Integer n = number == null ? null : Integer.valueOf(number.getLiteralLexicalForm());
    WeekRef w = week == null ? null : weekOf(week);
    YearMonth m = month == null ? null : YearMonth.parse(lastSegment(month));
    LocalDate c = coverage == null ? null : LocalDate.parse(coverage.getLiteralLexicalForm());
    return new Stored(hash, n, dateInferred ? null : w, dateInferred ? w : null, m, c, claim);
  }

  /** Slug -> the object of {@code (issue, p, ?)} in that issue's own graph, for every issue graph. */
  private Map<String, Node> issueObjects(DatasetGraph dsg, Node p) {
    String prefix = iris.issueGraphPrefix();
    var out = new HashMap<String, Node>();
    dsg.find(Node.ANY, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
      if (q.getGraph().getURI().startsWith(prefix)) {
        String slug = q.getGraph().getURI().substring(prefix.length());
        if (q.getSubject().equals(iris.issue(slug))) {
          out.putIfAbsent(slug, q.getObject());
        }
      }
    });
    return out;
  }

  private static String lastSegment(Node iri) {
    return iri.getURI().substring(iri.getURI().lastIndexOf('/') + 1);
  }

  /** The week of a week IRI ({@code .../time/week/2020-W41}). */
  private static WeekRef weekOf(Node weekIri) {
    String key = lastSegment(weekIri);
    return new WeekRef(Integer.parseInt(key.substring(0, 4)), Integer.parseInt(key.substring(6)));
  }

  /** Replaces the stored graph by {@code fresh} unless they are the same; whether it did. */
  private static boolean replaceIfDifferent(Store store, Rendered fresh, ChangeSet changes) {
    Graph current = store.datasetGraph().getGraph(fresh.name());
    if (current.isIsomorphicWith(fresh.graph())) {
      return false;
    }
    store.replaceGraph(fresh.name(), fresh.graph(), changes);
    return true;
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /**
   * An unchanged file read again (its inferred week moved, or its week's claims did): extracted from
   * the bytes read now, with its hash taken from them too, in case the file changed since.
   */
  private Issue reread(String slug, Map<String, Path> sources, Map<String, String> hashes)
      throws SourceException {
    byte[] bytes = SourceLimits.readSource(sources.get(slug));
    Issue issue = extractor.extract(sources.get(slug), bytes);
    hashes.put(slug, hash(bytes));
    return issue;
  }

  /** A source's hash with the build's fingerprint. */
  private String hash(byte[] source) {
    return sha256(fingerprint.getBytes(StandardCharsets.UTF_8), source);
  }

  private static java.nio.file.attribute.BasicFileAttributes attributes(Path file) throws SourceException {
    try {
      return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
    } catch (IOException e) {
      throw new SourceException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }

}

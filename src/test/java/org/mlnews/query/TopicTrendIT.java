package org.mlnews.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mlnews.build.Builder;
import org.mlnews.generate.Generator;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;
import org.mlnews.topics.TopicScheme;

/**
 * {@code topic-weeks} looks each week's mentions up inside the issue's own graph, and
 * {@code topic-trend} reads the trend statistics the builder keeps, for speed; on the bundled
 * issues and a generated corpus they answer exactly what the plain union-graph count does, and
 * an incremental build leaves the statistics a fresh build would write.
 */
class TopicTrendIT {
  private static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  /** The definition the named query must agree with, written the plain way. */
  private static final String REFERENCE = """
      PREFIX ml:      <https://mlnews.example.org/ontology#>
      PREFIX dcterms: <http://purl.org/dc/terms/>
      PREFIX schema:  <https://schema.org/>
      SELECT ?week ?weekStart (COUNT(DISTINCT ?entry) AS ?mentions)
      WHERE {
        ?issue ml:week ?week .
        ?week ml:weekYear ?year ; schema:startDate ?weekStart .
        OPTIONAL { ?entry ml:inIssue ?issue ; dcterms:subject ?topic . }
      }
      GROUP BY ?week ?weekStart
      ORDER BY ?weekStart
      """;

  /** Issues and entries per week-year, counted the plain way. */
  private static final String YEAR_TOTALS = """
      PREFIX ml: <https://mlnews.example.org/ontology#>
      SELECT ?year (COUNT(DISTINCT ?issue) AS ?issues) (COUNT(DISTINCT ?entry) AS ?entries)
      WHERE {
        ?issue ml:week ?week .
        ?week ml:weekYear ?year .
        OPTIONAL { ?entry ml:inIssue ?issue ; a ml:Entry }
      }
      GROUP BY ?year
      ORDER BY ?year
      """;

  @TempDir static Path tmp;
  static Store store;
  static ParamBinder binder;
  static NamedQuery weeks;
  static NamedQuery trend;
  /** The named query's comment lines, parameters included, so the reference binds the same. */
  static String header;
  static Path data;

  @BeforeAll
  static void build() throws Exception {
    data = Files.createDirectories(tmp.resolve("data"));
    for (Path f : Files.list(Path.of("data")).toList()) {
      Files.copy(f, data.resolve(f.getFileName()));
    }
    Generator.builder().issues(60).seed(11).build().generate(data);
    store = Store.open(tmp.resolve("store"));
    assertTrue(new Builder(data, Path.of("ontology"), IRIS).build(store).ok());
    binder = new ParamBinder(IRIS, TopicScheme.load(Path.of("ontology", "topics.ttl")));
    var library = QueryLibrary.load(Path.of("queries"));
    weeks = library.get("topic-weeks").orElseThrow();
    trend = library.get("topic-trend").orElseThrow();
    header = Files.readAllLines(Path.of("queries", "topic-weeks.rq")).stream()
        .filter(l -> l.startsWith("#")).map(l -> l + "\n").reduce("", String::concat);
  }

  @AfterAll
  static void close() {
    if (store != null) {
      store.close();
    }
  }

  @ParameterizedTest
  @CsvSource({"GAN,", "GAN,2020", "GAN,2021", "VAE,", "Transformer,", "DiffusionModel,2021", "GenerativeModel,"})
  void answersWhatThePlainCountAnswers(String topic, String year) throws Exception {
    var params = new LinkedHashMap<String, String>();
    params.put("topic", topic);
    if (year != null) {
      params.put("year", year);
    }
    Query named = binder.bind(weeks, params);
    Query plain = binder.bind(NamedQuery.parse("reference", header + REFERENCE), params);
    List<String> expected = rows(plain);
    assertTrue(expected.size() > 1, "the corpus has several weeks: " + expected);
    assertTrue(expected.stream().anyMatch(r -> !r.endsWith(" 0")), topic + " is mentioned somewhere");
    assertEquals(expected, rows(named));
  }

  /** The years of {@code topic-trend}: each the sum of its weeks by the plain count, 0 included. */
  @ParameterizedTest
  @CsvSource({"GAN", "VAE", "Transformer", "DiffusionModel", "GenerativeModel", "GPT3", "Covid19"})
  void yearsAreTheSumsOfTheirWeeks(String topic) throws Exception {
    var byYear = new TreeMap<Integer, Long>();
    for (String week : rows(binder.bind(NamedQuery.parse("reference", header + REFERENCE), Map.of("topic", topic)))) {
      int year = Integer.parseInt(week.substring(week.lastIndexOf('/') + 1, week.lastIndexOf('/') + 5));
      byYear.merge(year, Long.parseLong(week.substring(week.lastIndexOf(' ') + 1)), Long::sum);
    }
    var expected = new ArrayList<String>();
    byYear.forEach((y, n) -> expected.add(y + " " + n));
    assertTrue(expected.size() > 1, "the corpus has several years: " + expected);
    assertEquals(expected, select(binder.bind(trend, Map.of("topic", topic)), "year", "mentions"));
  }

  /** The years' issues and entries are those the plain count gives. */
  @Test
  void yearTotalsAreThePlainCounts() {
    Query totals = QueryFactory.create("""
        PREFIX ml: <https://mlnews.example.org/ontology#>
        PREFIX qb: <http://purl.org/linked-data/cube#>
        SELECT ?year ?issues ?entries WHERE {
          ?t qb:dataSet ml:yearTotals ; ml:trendYear ?year ; ml:issueCount ?issues ; ml:entryCount ?entries .
        } ORDER BY ?year
        """);
    List<String> expected = select(QueryFactory.create(YEAR_TOTALS), "year", "issues", "entries");
    assertTrue(expected.size() > 1, expected.toString());
    assertEquals(expected, select(totals, "year", "issues", "entries"));
  }

  /** The lexical forms of these variables, a line per row. */
  private static List<String> select(Query q, String... vars) {
    return store.read(() -> {
      try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
        var out = new ArrayList<String>();
        qe.execSelect().forEachRemaining(s -> out.add(java.util.Arrays.stream(vars)
            .map(v -> s.get(v).asLiteral().getLexicalForm()).collect(java.util.stream.Collectors.joining(" "))));
        return out;
      }
    });
  }

  /**
   * Editing, adding and removing issues, and moving one to another year, leaves the trend graphs
   * a fresh build of the same files writes.
   */
  @Test
  void incrementalBuildsKeepTheStatisticsAFreshBuildWrites() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("edited"));
    Generator.builder().issues(30).seed(5).build().generate(folder);
    List<Path> files = Files.list(folder).sorted().toList();
    try (Store edited = Store.open(tmp.resolve("edited-store"))) {
      var builder = new Builder(folder, Path.of("ontology"), IRIS);
      assertTrue(builder.build(edited).ok());
      Files.delete(files.get(3));
      String text = Files.readString(files.get(10));
      Files.writeString(files.get(10), text.replace("GAN", "VAE").replace("甘", "变分自编码器"));
      Files.copy(Path.of("data").resolve(Files.list(Path.of("data")).sorted().toList().get(0).getFileName()),
          folder.resolve("bundled-issue.md"));
      assertTrue(builder.build(edited).ok());
      try (Store fresh = Store.open(tmp.resolve("fresh-store"))) {
        assertTrue(new Builder(folder, Path.of("ontology"), IRIS).build(fresh).ok());
        assertEquals(trendGraphs(fresh), trendGraphs(edited));
      }
    }
  }

  /**
   * A topic added to the scheme gets its observation in every year, also in one whose only issue
   * failed to read this time (its stored graph is what that year counts).
   */
  @Test
  void aNewTopicIsCountedInEveryYear() throws Exception {
    Path folder = Files.createDirectories(tmp.resolve("scheme"));
    Generator.builder().issues(8).seed(9).build().generate(folder);
    Path bundled = Files.list(Path.of("data")).sorted().toList().get(0);
    Path alone = folder.resolve("alone-2023.md");
    Files.writeString(alone, Files.readString(bundled).replaceFirst("2020 年第 41 周", "2023 年第 5 周"));
    Path ontology = Files.createDirectories(tmp.resolve("scheme-ontology"));
    for (Path f : Files.list(Path.of("ontology")).toList()) {
      Files.copy(f, ontology.resolve(f.getFileName()));
    }
    try (Store s = Store.open(tmp.resolve("scheme-store"))) {
      assertTrue(new Builder(folder, ontology, IRIS).build(s).ok());
      assertTrue(trendGraphs(s).containsKey(IRIS.trendGraph(2023).getURI()), "the issue moved to 2023");
      Files.write(alone, new byte[] {0});
      Files.writeString(ontology.resolve("topics.ttl"), Files.readString(ontology.resolve("topics.ttl")) + """

          topic:ZzTest
              a skos:Concept ;
              skos:inScheme <https://mlnews.example.org/topic/> ;
              skos:prefLabel "zz test"@en , "zz 测试"@zh ;
              skos:notation "ZzTest" ;
              skos:broader topic:GenerativeModel .
          """);
      assertFalse(new Builder(folder, ontology, IRIS).build(s).ok(), "the emptied file fails");
      var graphs = trendGraphs(s);
      for (var e : graphs.entrySet()) {
        assertTrue(e.getValue().stream().anyMatch(l -> l.contains("/trend/") && l.contains("/ZzTest>")), e.getKey());
      }
      assertTrue(graphs.containsKey(IRIS.trendGraph(2023).getURI()), graphs.keySet().toString());
    }
  }

  /** The trend graphs of a store, each as its sorted N-Triples lines, by name. */
  private static Map<String, List<String>> trendGraphs(Store s) {
    return s.read(() -> {
      var out = new TreeMap<String, List<String>>();
      for (Node g : s.graphNames(IRIS.trendGraphPrefix())) {
        out.put(g.getURI(), s.datasetGraph().getGraph(g).find()
            .mapWith(t -> NodeFmtLib.str(t)).toList().stream().sorted().toList());
      }
      assertFalse(out.isEmpty());
      return out;
    });
  }

  @Test
  void countsTheBundledWeeks() throws Exception {
    try (Store bundled = Store.open(tmp.resolve("bundled"))) {
      assertTrue(new Builder(Path.of("data"), Path.of("ontology"), IRIS).build(bundled).ok());
      assertEquals(List.of("https://mlnews.example.org/time/week/2020-W41 2020-10-04 3",
              "https://mlnews.example.org/time/week/2020-W48 2020-11-22 4"),
          rows(bundled, binder.bind(weeks, Map.of("topic", "GAN"))));
      assertEquals(List.of("https://mlnews.example.org/time/week/2020-W41 2020-10-04 0",
              "https://mlnews.example.org/time/week/2020-W48 2020-11-22 3"),
          rows(bundled, binder.bind(weeks, Map.of("topic", "TransferLearning", "year", "2020"))));
    }
  }

  private static List<String> rows(Query q) {
    return rows(store, q);
  }

  private static List<String> rows(Store store, Query q) {
    return store.read(() -> {
      try (QueryExecution qe = QueryExecution.dataset(store.dataset()).query(q).build()) {
        ResultSet rs = qe.execSelect();
        var out = new ArrayList<String>();
        rs.forEachRemaining(s -> out.add(s.getResource("week").getURI() + " "
            + s.getLiteral("weekStart").getLexicalForm() + " " + s.getLiteral("mentions").getLong()));
        return out;
      }
    });
  }
}

package org.mlnews.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
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
 * {@code topic-trend} looks each week's mentions up inside the issue's own graph, for speed; on the
 * bundled issues and a generated corpus it answers exactly what the plain union-graph count does.
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

  @TempDir static Path tmp;
  static Store store;
  static ParamBinder binder;
  static NamedQuery trend;
  /** The named query's comment lines, parameters included, so the reference binds the same. */
  static String header;

  @BeforeAll
  static void build() throws Exception {
    Path data = Files.createDirectories(tmp.resolve("data"));
    for (Path f : Files.list(Path.of("data")).toList()) {
      Files.copy(f, data.resolve(f.getFileName()));
    }
    Generator.builder().issues(60).seed(11).build().generate(data);
    store = Store.open(tmp.resolve("store"));
    assertTrue(new Builder(data, Path.of("ontology"), IRIS).build(store).ok());
    binder = new ParamBinder(IRIS, TopicScheme.load(Path.of("ontology", "topics.ttl")));
    trend = QueryLibrary.load(Path.of("queries")).get("topic-trend").orElseThrow();
    header = Files.readAllLines(Path.of("queries", "topic-trend.rq")).stream()
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
    Query named = binder.bind(trend, params);
    Query plain = binder.bind(NamedQuery.parse("reference", header + REFERENCE), params);
    List<String> expected = rows(plain);
    assertTrue(expected.size() > 1, "the corpus has several weeks: " + expected);
    assertTrue(expected.stream().anyMatch(r -> !r.endsWith(" 0")), topic + " is mentioned somewhere");
    assertEquals(expected, rows(named));
  }

  @Test
  void countsTheBundledWeeks() throws Exception {
    try (Store bundled = Store.open(tmp.resolve("bundled"))) {
      assertTrue(new Builder(Path.of("data"), Path.of("ontology"), IRIS).build(bundled).ok());
      assertEquals(List.of("https://mlnews.example.org/time/week/2020-W41 2020-10-04 3",
              "https://mlnews.example.org/time/week/2020-W48 2020-11-22 4"),
          rows(bundled, binder.bind(trend, Map.of("topic", "GAN"))));
      assertEquals(List.of("https://mlnews.example.org/time/week/2020-W41 2020-10-04 0",
              "https://mlnews.example.org/time/week/2020-W48 2020-11-22 3"),
          rows(bundled, binder.bind(trend, Map.of("topic", "TransferLearning", "year", "2020"))));
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

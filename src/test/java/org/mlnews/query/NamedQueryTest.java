package org.mlnews.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamedQueryTest {
  @Test
  void headerGivesTitleDescriptionAndParams() {
    var q = NamedQuery.parse("t", """
        # Topic trend
        # Mentions per week.
        # Zero when none.
        # @param topic topic required A topic key or label
        # @param year integer optional The year
        SELECT ?week WHERE { ?e <urn:p> ?topic ; <urn:y> ?year ; <urn:w> ?week }
        """);
    assertEquals("Topic trend", q.title());
    assertEquals("Mentions per week. Zero when none.", q.description());
    assertEquals(List.of(new Param("topic", Param.Type.TOPIC, true, "A topic key or label"),
        new Param("year", Param.Type.INTEGER, false, "The year")), q.params());
  }

  @Test
  void anIntegerMayBeBoundedAndAValueOutsideIsRefused() throws Exception {
    var q = NamedQuery.parse("q", """
        # Q
        # @param quarter integer(1..4) optional Quarter
        SELECT * WHERE { ?s <urn:q> ?quarter }
        """);
    Param quarter = q.params().get(0);
    assertEquals("integer(1..4)", quarter.typeToken());
    var binder = new ParamBinder(new org.mlnews.rdf.Iris(org.mlnews.rdf.Iris.DEFAULT_BASE),
        org.mlnews.topics.TopicScheme.load(Path.of("ontology", "topics.ttl")));
    assertTrue(binder.bind(q, java.util.Map.of("quarter", "4")).toString().contains("4"));
    var e = assertThrows(ParamException.class, () -> binder.bind(q, java.util.Map.of("quarter", "7")));
    assertEquals("parameter 'quarter' of query 'q': 7 is not between 1 and 4", e.getMessage());
    var bad = assertThrows(IllegalArgumentException.class, () -> NamedQuery.parse("t", """
        # T
        # @param n integer(5..1) optional x
        SELECT * WHERE { ?s ?p ?n }
        """));
    assertTrue(bad.getMessage().startsWith("t.rq:2: Illegal bounds 5..1"), bad.getMessage());
    var notInteger = assertThrows(IllegalArgumentException.class, () -> NamedQuery.parse("t", """
        # T
        # @param n topic(1..4) optional x
        SELECT * WHERE { ?s ?p ?n }
        """));
    assertTrue(notInteger.getMessage().contains("only an integer has bounds"), notInteger.getMessage());
  }

  @Test
  void theNamesAQueryUrlUsesAreNoParameters() {
    var e = assertThrows(IllegalArgumentException.class, () -> NamedQuery.parse("t", """
        # T
        # @param page integer optional x
        SELECT * WHERE { ?s ?p ?page }
        """));
    assertTrue(e.getMessage().startsWith("t.rq:2: 'page' cannot be a parameter"), e.getMessage());
  }

  @Test
  void valuesAreCheckedByType() throws Exception {
    var q = NamedQuery.parse("q", """
        # Q
        # @param period period optional A period
        # @param issue issue optional An issue
        SELECT * WHERE { ?s <urn:p> ?period ; <urn:i> ?issue }
        """);
    var iris = new org.mlnews.rdf.Iris(org.mlnews.rdf.Iris.DEFAULT_BASE);
    var binder = new ParamBinder(iris, org.mlnews.topics.TopicScheme.load(Path.of("ontology", "topics.ttl")))
        .withIssues(n -> n.equals(iris.issue("w41")));
    // A period must exist in the calendar, not only look like one.
    assertTrue(binder.bind(q, java.util.Map.of("period", "2022-W53")).toString().contains("time/week/2022-W53"));
    for (String impossible : List.of("2020-W99", "2020-W00", "2020-W53", "2020-13", "2020-Q5", "spring")) {
      var e = assertThrows(ParamException.class, () -> binder.bind(q, java.util.Map.of("period", impossible)));
      assertTrue(e.getMessage().contains("is no period of the calendar"), impossible + ": " + e.getMessage());
    }
    // An issue by slug, IRI, or the address of its page (or of a part of it) on any server.
    for (String issue : List.of("w41", "https://mlnews.example.org/issue/w41", "http://127.0.0.1:3030/issue/w41",
        "/issue/w41/entry/3", "http://localhost/issue/w41?format=ttl")) {
      assertTrue(binder.bind(q, java.util.Map.of("issue", issue)).toString().contains("/issue/w41>"), issue);
    }
    assertThrows(ParamException.class, () -> binder.bind(q, java.util.Map.of("issue", "w42")));
    var control = assertThrows(ParamException.class, () -> binder.bind(q, java.util.Map.of("issue", "w41\u0000")));
    assertTrue(control.getMessage().contains("control character"), control.getMessage());
  }

  @Test
  void aTopicBindsItsNarrowerTopicsAConceptItselfAlone() throws Exception {
    var q = NamedQuery.parse("q", """
        # Q
        # @param topic topic optional A topic
        # @param concept concept optional The same topic alone
        SELECT * WHERE { ?s <urn:t> ?topic ; <urn:c> ?concept }
        """);
    var binder = new ParamBinder(new org.mlnews.rdf.Iris(org.mlnews.rdf.Iris.DEFAULT_BASE),
        org.mlnews.topics.TopicScheme.load(Path.of("ontology", "topics.ttl")));
    String bound = binder.bind(q, java.util.Map.of("topic", "甘", "concept", "甘")).toString();
    assertTrue(bound.contains("VALUES ?topic {") && bound.contains("topic/StyleGAN>"), bound);
    String concept = bound.substring(bound.indexOf("VALUES ?concept"));
    assertEquals("VALUES ?concept { <https://mlnews.example.org/topic/GAN> }",
        concept.substring(0, concept.indexOf('}') + 1).replaceAll("\\s+", " "), bound);
    assertThrows(ParamException.class, () -> binder.bind(q, java.util.Map.of("concept", "no such topic")));
  }

  @Test
  void aParameterMustBeAVariableOfTheQuery() {
    var e = assertThrows(IllegalArgumentException.class, () -> NamedQuery.parse("t", """
        # T
        # @param topic topic required x
        SELECT * WHERE { ?s ?p ?o }
        """));
    assertEquals("t.rq: parameter 'topic' is not a variable of the query's WHERE clause", e.getMessage());
  }

  @Test
  void badParamLineNamesFileAndLine() {
    var e = assertThrows(IllegalArgumentException.class, () -> NamedQuery.parse("t", """
        # T
        # @param topic colour required x
        SELECT * WHERE { ?s ?p ?topic }
        """));
    assertTrue(e.getMessage().startsWith("t.rq:2: unknown parameter type 'colour'"), e.getMessage());
  }

  @Test
  void syntaxErrorNamesLine() {
    var e = assertThrows(IllegalArgumentException.class, () -> NamedQuery.parse("t", """
        # T
        SELECT * WHERE { ?s ?p }
        """));
    // The position given is the one the parser's own message names: the token it could not take.
    assertTrue(e.getMessage().matches("(?s)t\\.rq:2:(\\d+): .*line 2, column \\1\\b.*"), e.getMessage());
    var other = assertThrows(IllegalArgumentException.class,
        () -> NamedQuery.parse("sparql", "--sparql", "SELECT * WHERE { ?s ?p }"));
    assertTrue(other.getMessage().startsWith("--sparql:1:"), other.getMessage());
    // The token found, not the thirty the parser would have taken instead.
    assertFalse(other.getMessage().contains("Was expecting"), other.getMessage());
    assertTrue(other.getMessage().contains("Encountered \" \"}\""), other.getMessage());
  }

  @Test
  void everyBundledQueryParsesAndIsDocumented() {
    var lib = QueryLibrary.load(Path.of("queries"));
    var names = lib.all().stream().map(NamedQuery::name).toList();
    assertTrue(names.containsAll(List.of("gan-papers-q4-2020", "papers-by-topic", "topics-per-week",
        "issue-contents", "papers-in-several-issues", "topic-trend", "topic-weeks")), names.toString());
    for (NamedQuery q : lib.all()) {
      assertFalse(q.title().equals(q.name()), q.name() + " has no title comment");
      assertFalse(q.description().isBlank(), q.name() + " has no description");
    }
    assertEquals(List.of("topic", "year", "quarter"),
        lib.get("papers-by-topic").orElseThrow().params().stream().map(Param::name).toList());
  }
}

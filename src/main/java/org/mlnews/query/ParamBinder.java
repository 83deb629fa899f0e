package org.mlnews.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIs;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.syntax.Element;
import org.apache.jena.sparql.syntax.ElementData;
import org.apache.jena.sparql.syntax.ElementGroup;
import org.apache.jena.system.Txn;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;
import org.mlnews.time.Period;
import org.mlnews.topics.TopicScheme;

/**
 * Binds parameter values to a named query. Values become RDF terms in a {@code VALUES} block
 * placed first in the WHERE clause: they are never spliced into query text, so no value can
 * change the query's structure. A topic binds itself and every narrower topic.
 *
 * <pre>{@code
 * Query q = new ParamBinder(iris, topics).bind(library.get("papers-by-topic").orElseThrow(),
 *     Map.of("topic", "VAE", "year", "2020"));
 * }</pre>
 */
public final class ParamBinder {
  private final Iris iris;
  private final TopicScheme topics;
  private final Predicate<Node> knownIssue;

  public ParamBinder(Iris iris, TopicScheme topics) {
    this(iris, topics, issue -> true);
  }

  private ParamBinder(Iris iris, TopicScheme topics, Predicate<Node> knownIssue) {
    this.iris = Objects.requireNonNull(iris, "iris");
    this.topics = Objects.requireNonNull(topics, "topics");
    this.knownIssue = Objects.requireNonNull(knownIssue, "knownIssue");
  }

  /**
   * A binder that refuses an issue parameter naming no issue {@code known} knows: an unknown
   * issue is a mistake, as an unknown topic is, not a question whose answer is empty.
   */
  public ParamBinder withIssues(Predicate<Node> known) {
    return new ParamBinder(iris, topics, known);
  }

  /** The topic scheme a topic parameter is resolved in. */
  public TopicScheme topics() {
    return topics;
  }

  /** The issues of a dataset, each looked up when asked (in a read transaction of its own). */
  public static Predicate<Node> issuesIn(DatasetGraph dsg) {
    return n -> Txn.calculateRead(dsg, () -> dsg.getUnionGraph().contains(n, Vocab.RDF_TYPE, Vocab.ISSUE));
  }

  public Query bind(NamedQuery named, Map<String, String> values) throws ParamException {
    for (String key : values.keySet()) {
      if (named.param(key).isEmpty()) {
        throw new ParamException("query '" + named.name() + "' has no parameter '" + key + "'"
            + (named.params().isEmpty() ? "" : "; its parameters: "
                + String.join(", ", named.params().stream().map(Param::name).toList())));
      }
    }
    var bound = new LinkedHashMap<Param, List<Node>>();
    for (Param p : named.params()) {
      String v = values.get(p.name());
      if (v == null || v.isBlank()) {
        if (p.required()) {
          throw new ParamException("query '" + named.name() + "' needs the parameter " + p.name()
              + "=… (" + p.typeToken() + ": " + p.description() + ")");
        }
        continue;
      }
      if (v.chars().anyMatch(Character::isISOControl)) {
        throw new ParamException("parameter '" + p.name() + "' of query '" + named.name()
            + "' holds a control character");
      }
      bound.put(p, terms(named, p, v.strip()));
    }
    return withValues(named.query(), bound);
  }

  private List<Node> terms(NamedQuery named, Param p, String v) throws ParamException {
    String where = "parameter '" + p.name() + "' of query '" + named.name() + "'";
    switch (p.type()) {
      case TOPIC, CONCEPT -> {
        var topic = topics.resolve(v).orElseThrow(() -> new ParamException(where
            + ": unknown topic '" + v + "' (a topic key such as GAN, or a label in ontology/topics.ttl)"));
        if (p.type() == Param.Type.CONCEPT) {
          return List.of(NodeFactory.createURI(topic.iri()));
        }
        var nodes = new ArrayList<Node>();
        for (String key : topics.narrowerOrSelf(topic.key())) {
          nodes.add(NodeFactory.createURI(topics.resolve(key).orElseThrow().iri()));
        }
        return nodes;
      }
      case ISSUE -> {
        // An issue's IRI, or the address of its page (copied from a browser: any host, since the
        // server answers for the IRIs at its own paths), names it by its slug.
        int at = v.lastIndexOf("/issue/");
        String slug = at < 0 ? v : v.substring(at + "/issue/".length()).replaceFirst("[?#/].*", "");
        Node issue = iris.issue(slug);
        if (!knownIssue.test(issue)) {
          throw new ParamException(where + ": no issue '" + v + "' in the store (an issue's slug, such as "
              + "akiras-ml-news-week41-2020-ff1938c74adf, or its IRI)");
        }
        return List.of(issue);
      }
      case PERIOD -> {
        Period period = Period.parse(v);
        if (period == null) {
          throw new ParamException(where + ": '" + v + "' is no period of the calendar (expected a week such as "
              + "2020-W41, a month 2020-10, a quarter 2020-Q4 or a year 2020)");
        }
        return List.of(iris.period(period.key()));
      }
      case INTEGER -> {
        long n;
        try {
          n = Long.parseLong(v);
        } catch (NumberFormatException e) {
          throw new ParamException(where + ": '" + v + "' is not an integer");
        }
        if (p.min() != null && (n < p.min() || n > p.max())) {
          throw new ParamException(where + ": " + n + " is not between " + p.min() + " and " + p.max());
        }
        return List.of(NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger));
      }
      case STRING -> {
        return List.of(NodeFactory.createLiteralString(v));
      }
      case IRI -> {
        return List.of(iri(where, v));
      }
      default -> throw new IllegalStateException(p.type().toString());
    }
  }

  private static Node iri(String where, String v) throws ParamException {
    try {
      IRIs.checkEx(v);
    } catch (RuntimeException e) {
      throw new ParamException(where + ": '" + v + "' is not a valid IRI");
    }
    return NodeFactory.createURI(v);
  }

  /** A copy of the query whose WHERE clause starts with one VALUES block per bound parameter. */
  private static Query withValues(Query original, Map<Param, List<Node>> bound) {
    Query copy = original.cloneQuery();
    if (bound.isEmpty()) {
      return copy;
    }
    var group = new ElementGroup();
    bound.forEach((p, nodes) -> {
      Var var = Var.alloc(p.name());
      var data = new ElementData();
      data.add(var);
      nodes.forEach(n -> data.add(BindingFactory.binding(var, n)));
      group.addElement(data);
    });
    Element pattern = copy.getQueryPattern();
    if (pattern instanceof ElementGroup g) {
      g.getElements().forEach(group::addElement);
    } else if (pattern != null) {
      group.addElement(pattern);
    }
    copy.setQueryPattern(group);
    return copy;
  }
}

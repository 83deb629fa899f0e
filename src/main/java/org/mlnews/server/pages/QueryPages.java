package org.mlnews.server.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.vocabulary.XSD;
import org.mlnews.query.NamedQuery;
import org.mlnews.query.Param;
import org.mlnews.query.ParamBinder;
import org.mlnews.query.ParamException;
import org.mlnews.query.QueryLibrary;
import org.mlnews.server.CappedQueryService;
import org.mlnews.server.Conneg;
import org.mlnews.server.NamedQueryServlet;
import org.mlnews.server.pages.Pages.Rendered;
import org.mlnews.server.pages.View.Link;
import org.mlnews.server.pages.View.Pager;
import org.mlnews.server.pages.View.Value;

/**
 * The named queries as pages of the browser: {@code /queries} lists them, {@code /queries/NAME}
 * shows one with a form for its parameters and, once they are given, its answer as a table
 * whose IRIs link to their pages, with links to the same answer as SPARQL results and to the
 * query editor holding the query with its values bound. The same URLs answer SPARQL results to a
 * client that asks for those ({@link org.mlnews.server.NamedQueryServlet}); the browser answers
 * a client that prefers HTML. Built once; each page runs in the caller's read transaction.
 *
 * <pre>{@code
 * var queryPages = new QueryPages(library, binder, 10_000, 10_000);
 * Rendered r = Txn.calculateRead(dsg,
 *     () -> queryPages.query(pages, dsg, "topic-trend", Map.of("topic", new String[] {"GAN"}), 1));
 * }</pre>
 */
public final class QueryPages {
  /** A parameter as the form shows it: an input of the right kind, filled with the value given. */
  record Field(String name, String type, String input, Long min, Long max, boolean required, String description,
      String value, String list) {}

  /** A topic the form offers for a topic parameter: its key, what it is called. */
  record Option(String value, String label) {}

  private final QueryLibrary library;
  private final ParamBinder binder;
  private final long maxRows;
  private final long timeoutMillis;
  /** What a topic parameter takes, for the form to offer. */
  private final List<Option> topics;

  /**
   * {@code maxRows}: the most rows an answer has, as on the SPARQL endpoint; {@code timeoutMillis}:
   * how long a query may run.
   */
  public QueryPages(QueryLibrary library, ParamBinder binder, long maxRows, long timeoutMillis) {
    this.library = Objects.requireNonNull(library, "library");
    this.binder = Objects.requireNonNull(binder, "binder");
    this.maxRows = maxRows;
    this.timeoutMillis = timeoutMillis;
    this.topics = binder.topics().topics().stream().map(t -> new Option(t.key(), t.label("en")))
        .sorted(Comparator.comparing(Option::value, String.CASE_INSENSITIVE_ORDER)).toList();
  }

  /** Every format a named query's answer comes in, then HTML: a client that names none gets results. */
  private static final Conneg<Boolean> PAGE_OR_RESULTS = new Conneg<>(pageOrResults());

  private static Map<String, Boolean> pageOrResults() {
    var m = new LinkedHashMap<String, Boolean>();
    for (String type : List.of("application/sparql-results+json", "application/json", "application/sparql-results+xml",
        "application/xml", "text/csv", "text/tab-separated-values", "text/plain", "text/turtle",
        "application/ld+json", "application/n-triples", "application/rdf+xml")) {
      m.put(type, false);
    }
    m.put("text/html", true);
    m.put("application/xhtml+xml", true);
    return m;
  }

  /**
   * Whether a request for a named query (or their list) is for this page rather than for SPARQL
   * results: {@code ?format=html}, or no {@code format} and an {@code Accept} that prefers HTML to
   * every result format (a browser's does).
   */
  static boolean wantsPage(String format, String accept) {
    return format != null ? format.equalsIgnoreCase("html") : PAGE_OR_RESULTS.choose(accept).orElse(false);
  }

  boolean exists(String name) {
    return library.get(name).isPresent();
  }

  /** Every named query, with its parameters and a link to its page. */
  Rendered list() {
    var m = new LinkedHashMap<String, Object>();
    m.put("title", "Named queries");
    var queries = new ArrayList<Map<String, Object>>();
    for (NamedQuery q : library.all()) {
      var row = new LinkedHashMap<String, Object>();
      row.put("name", q.name());
      row.put("title", q.title());
      row.put("description", q.description());
      row.put("href", NamedQueryServlet.path(q.name()));
      row.put("params", q.params());
      queries.add(row);
    }
    m.put("queries", queries);
    return new Rendered("queries", m);
  }

  /**
   * One query's page: its form, and its answer (page {@code page} of it) when every required
   * parameter has a value; with {@code error} set, and no answer, when a value is refused.
   * {@code params} are the request's, {@link NamedQuery#RESERVED} ones included. The caller has
   * checked that the query {@link #exists}.
   */
  Rendered query(Pages pages, DatasetGraph dsg, String name, Map<String, String[]> params, int page) {
    NamedQuery named = library.get(name).orElseThrow();
    var values = new LinkedHashMap<String, String>();
    String repeated = null;
    for (Map.Entry<String, String[]> e : params.entrySet()) {
      if (!NamedQuery.RESERVED.contains(e.getKey())) {
        values.put(e.getKey(), e.getValue()[0]);
        if (e.getValue().length > 1 && repeated == null) {
          // As the same URL answers a SPARQL client: which of the values was meant is not ours to guess.
          repeated = "parameter '" + e.getKey() + "' given " + e.getValue().length + " times; give it once";
        }
      }
    }
    String self = NamedQueryServlet.path(named.name());
    var m = new LinkedHashMap<String, Object>();
    m.put("title", named.title());
    m.put("name", named.name());
    m.put("self", self);
    m.put("description", named.description());
    m.put("sparqlText", named.sparql());
    var fields = new ArrayList<Field>();
    for (Param p : named.params()) {
      String input = p.type() == Param.Type.INTEGER ? "number" : "text";
      fields.add(new Field(p.name(), p.typeToken(), input, p.min(), p.max(), p.required(), p.description(),
          values.getOrDefault(p.name(), ""), p.type().isTopic() ? "topic-keys" : null));
    }
    m.put("fields", fields);
    if (named.params().stream().anyMatch(p -> p.type().isTopic())) {
      m.put("topics", topics);
    }
    String given = queryString(values);
    // A page with nothing asked yet is a form to fill in, not an error.
    boolean asked = !values.isEmpty() || named.params().stream().noneMatch(Param::required);
    if (!asked) {
      return new Rendered("query", m);
    }
    Query bound;
    try {
      if (repeated != null) {
        throw new ParamException(repeated);
      }
      bound = CappedQueryService.cap(binder.bind(named, values), maxRows);
    } catch (ParamException e) {
      m.put("error", e.getMessage());
      return new Rendered("query", m);
    }
    // The editor opens with the query as run: its VALUES filled in, ready to change.
    m.put("boundQuery", URLEncoder.encode(bound.serialize(), StandardCharsets.UTF_8));
    var downloads = new ArrayList<Link>();
    boolean graph = bound.isConstructType() || bound.isDescribeType();
    for (String f : graph ? List.of("turtle", "jsonld", "ntriples", "rdfxml") : List.of("json", "csv", "tsv", "xml")) {
      downloads.add(new Link(self + "?format=" + f + (given.isEmpty() ? "" : "&" + given), f.toUpperCase(Locale.ROOT), ""));
    }
    m.put("downloads", downloads);

    List<String> columns;
    List<List<Node>> rows = new ArrayList<>();
    try (QueryExec exec = QueryExec.dataset(dsg).query(bound)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS).build()) {
      if (graph) {
        columns = List.of("subject", "predicate", "object");
        (bound.isConstructType() ? exec.construct() : exec.describe()).find()
            .forEach(t -> rows.add(List.of(t.getSubject(), t.getPredicate(), t.getObject())));
        rows.sort(Comparator.comparing((List<Node> r) -> r.toString()));
      } else if (bound.isAskType()) {
        columns = List.of("answer");
        rows.add(List.of(NodeFactory.createLiteralByValue(exec.ask())));
      } else {
        var result = exec.select();
        columns = result.getResultVars().stream().map(Var::getVarName).toList();
        List<Var> vars = result.getResultVars();
        while (result.hasNext()) {
          Binding b = result.next();
          rows.add(vars.stream().map(v -> b.get(v)).collect(Collectors.toList()));
        }
      }
    }
    Pager pager = pages.pager(self + (given.isEmpty() ? "" : "?" + given), "page", page, rows.size());
    var shown = new ArrayList<List<Value>>();
    for (List<Node> row : pages.slice(rows, pager)) {
      shown.add(row.stream().map(n -> n == null ? null : cell(pages, n)).collect(Collectors.toList()));
    }
    m.put("columns", columns);
    m.put("rows", shown);
    m.put("pager", pager);
    // The cap limits solutions; a graph's triples are not counted against it.
    m.put("capped", bound.isSelectType() && rows.size() >= maxRows ? maxRows : null);
    return new Rendered("query", m);
  }

  /**
   * A cell of the answer: as a resource page shows the value, without the tag of an XML Schema
   * datatype (a column of counts or dates says what it holds).
   */
  private static Value cell(Pages pages, Node n) {
    Value v = pages.value(n);
    return n.isLiteral() && n.getLiteralDatatypeURI().startsWith(XSD.NS) ? new Value(null, v.text(), v.lang(), null) : v;
  }

  /**
   * Links to the pages of the queries that ask about one thing of a {@code type} (a topic, an
   * issue): those whose one parameter of that type is required and whose others are optional,
   * with {@code value} filled in. What a topic's or an issue's page offers to ask next; a query
   * file added to the folder is offered too.
   */
  List<Link> about(java.util.function.Predicate<Param.Type> type, String value) {
    var links = new ArrayList<Link>();
    for (NamedQuery q : library.all()) {
      var ofType = q.params().stream().filter(p -> type.test(p.type())).toList();
      if (ofType.size() == 1 && ofType.get(0).required()
          && q.params().stream().filter(Param::required).count() == 1) {
        links.add(new Link(NamedQueryServlet.path(q.name()) + "?" + queryString(Map.of(ofType.get(0).name(), value)), q.title(), "en"));
      }
    }
    return links;
  }


  /** The values as a URL's query string, in the query's parameter order. */
  private static String queryString(Map<String, String> values) {
    return values.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}

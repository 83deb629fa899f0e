package org.mlnews.server.pages;

import static org.mlnews.server.pages.Sparql.get;
import static org.mlnews.server.pages.Sparql.str;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;
import org.mlnews.rdf.Vocab;
import org.mlnews.server.pages.View.Entry;
import org.mlnews.server.pages.View.EntryRow;
import org.mlnews.server.pages.View.Featured;
import org.mlnews.server.pages.View.IssueRow;
import org.mlnews.server.pages.View.Link;
import org.mlnews.server.pages.View.Pager;
import org.mlnews.server.pages.View.Property;
import org.mlnews.server.pages.View.QuarterGroup;
import org.mlnews.server.pages.View.Section;
import org.mlnews.server.pages.View.TopicRow;
import org.mlnews.server.pages.View.Value;
import org.mlnews.time.Month;
import org.mlnews.time.NewsletterCalendar;
import org.mlnews.time.Period;
import org.mlnews.time.Quarter;
import org.mlnews.time.Week;
import org.mlnews.time.Year;

/**
 * The models of the HTML pages, read from the store: one method per page type. Call inside a read
 * transaction. Lists longer than {@link #PAGE_SIZE} are paginated with {@code ?page=N}.
 */
final class Pages {
  /** Items on one page of a long list, unless the server says otherwise. */
  static final int PAGE_SIZE = 50;

  /** A template name and the values it renders. */
  record Rendered(String template, Map<String, Object> model) {}

  /** Issues the newsletter itself links from an issue, by relation, in IRI order. */
  record Declared(String rel, List<Link> links) {}

  private final DatasetGraph dsg;
  private final Graph g;
  private final LocalPaths paths;
  private final Sparql sparql;
  private final int pageSize;

  Pages(DatasetGraph dsg, LocalPaths paths, long timeoutMillis, int pageSize) {
    this.pageSize = pageSize;
    this.dsg = dsg;
    this.g = dsg.getUnionGraph();
    this.paths = paths;
    this.sparql = new Sparql(dsg, timeoutMillis);
  }

  // ---------------------------------------------------------------------------------------------
  // Links and labels

  /** A link to a resource: its page on this server if it is ours, else its IRI, with its label. */
  Link link(Node n) {
    return link(n, "en");
  }

  Link link(Node n, String lang) {
    Node lit = Labels.labelNode(g, n, lang);
    if (lit == null && n.isURI()) {
      // A work without a title (the entry gave none): the newsletter's headline for it.
      Node entry = g.find(Node.ANY, Vocab.ABOUT, n).nextOptional().map(Triple::getSubject).orElse(null);
      lit = entry == null ? null : Labels.labelNode(g, entry, lang);
    }
    String text = lit != null ? lit.getLiteralLexicalForm() : unlabelled(n);
    return new Link(href(n), text, lit != null ? lit.getLiteralLanguage() : "");
  }

  /** A paper's identifiers, in the order they name it, with what goes before each. */
  private static final List<java.util.Map.Entry<Node, String>> ID_NAMES = List.of(
      java.util.Map.entry(Vocab.ARXIV_ID, "arXiv:"), java.util.Map.entry(Vocab.OPENREVIEW_ID, "OpenReview "),
      java.util.Map.entry(Vocab.BIBO_DOI, "doi:"), java.util.Map.entry(Vocab.PROCEEDINGS_ID, ""));

  /**
   * A name for a resource without a label: a paper's identifier ("arXiv:2008.11062"), a work's
   * URL, an outside IRI in full, else the last segment.
   */
  private String unlabelled(Node n) {
    if (n.isURI()) {
      for (var id : ID_NAMES) {
        Node value = first(n, id.getKey());
        if (value != null && value.isLiteral()) {
          return id.getValue() + value.getLiteralLexicalForm();
        }
      }
      for (Node p : List.of(Vocab.SCHEMA_URL, Vocab.FOAF_PAGE)) {
        Node url = first(n, p);
        if (url != null && url.isURI()) {
          return url.getURI();
        }
      }
      if (paths.toLocal(n.getURI()) == null) {
        return prefixed(n.getURI());
      }
    }
    return Labels.fallback(n);
  }

  String href(Node n) {
    if (!n.isURI()) {
      return null;
    }
    String local = paths.toLocal(n.getURI());
    return local != null ? local : Link.safeUrl(n.getURI());
  }

  String label(Node n) {
    return Labels.label(g, n);
  }

  private List<Node> objects(Node s, Node p) {
    return g.find(s, p, Node.ANY).mapWith(Triple::getObject).toList();
  }

  private List<Node> subjects(Node p, Node o) {
    return g.find(Node.ANY, p, o).mapWith(Triple::getSubject).toList();
  }

  private Node first(Node s, Node p) {
    var it = g.find(s, p, Node.ANY);
    try {
      return it.hasNext() ? it.next().getObject() : null;
    } finally {
      it.close();
    }
  }

  private String text(Node s, Node p) {
    Node o = first(s, p);
    return o == null ? null : o.isLiteral() ? o.getLiteralLexicalForm() : o.toString();
  }

  /** The literal of {@code p} in the preferred language, else any. */
  private Node literal(Node s, Node p, String lang) {
    Node best = null;
    for (Node o : objects(s, p)) {
      if (!o.isLiteral()) {
        continue;
      }
      if (o.getLiteralLanguage().equalsIgnoreCase(lang)) {
        return o;
      }
      if (best == null) {
        best = o;
      }
    }
    return best;
  }

  private List<Link> links(List<Node> nodes) {
    return nodes.stream().map(this::link).sorted(Comparator.comparing(Link::text)).toList();
  }

  boolean exists(Node n) {
    return g.contains(n, Node.ANY, Node.ANY) || g.contains(Node.ANY, Node.ANY, n);
  }

  boolean hasType(Node n, Node type) {
    return g.contains(n, Vocab.RDF_TYPE, type);
  }

  int pages(long total) {
    return (int) Math.max(1, (total + pageSize - 1) / pageSize);
  }

  Pager pager(String path, String param, int page, long total) {
    int pages = pages(total);
    int p = Math.min(Math.max(page, 1), pages);
    String at = path + (path.contains("?") ? "&" : "?") + param + "=";
    return new Pager(p, pages, total, p > 1 ? at + (p - 1) : null, p < pages ? at + (p + 1) : null);
  }

  <T> List<T> slice(List<T> all, Pager pager) {
    int from = (pager.page() - 1) * pageSize;
    return all.subList(Math.min(from, all.size()), Math.min(from + pageSize, all.size()));
  }

  // ---------------------------------------------------------------------------------------------
  // Home

  Rendered home() {
    var m = new LinkedHashMap<String, Object>();
    var counts = new LinkedHashMap<String, Long>();
    counts.put("issues", sparql.count("SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a ml:Issue }", null));
    counts.put("entries", sparql.count("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ml:Entry }", null));
    counts.put("papers", sparql.count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ml:Paper }", null));
    counts.put("articles", sparql.count("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ml:Article }", null));
    // An entry is in one issue's graph and the union graph holds each triple once, so COUNT
    // needs no DISTINCT here; the topics in use are the rows of this list.
    List<TopicRow> topics = topicRows("""
        SELECT ?topic (COUNT(?e) AS ?n) WHERE { ?e a ml:Entry ; dcterms:subject ?topic }
        GROUP BY ?topic ORDER BY DESC(?n) ?topic
        """, null);
    counts.put("topics", (long) topics.size());
    counts.put("triples", (long) g.size());
    m.put("counts", counts);
    // The ten latest issues first, then only their entries counted (not every issue's).
    m.put("latest", issueRows("""
        SELECT ?issue ?date ?period (COUNT(DISTINCT ?e) AS ?entries) WHERE {
          { SELECT ?issue ?date ?period WHERE {
              ?issue a ml:Issue .
              OPTIONAL { ?issue ml:period ?period . ?period schema:startDate ?date }
            } ORDER BY DESC(?date) ?issue LIMIT 10 }
          OPTIONAL { ?issue ml:hasEntry ?e }
        } GROUP BY ?issue ?date ?period ORDER BY DESC(?date) ?issue
        """, null));
    m.put("topics", topics);
    m.put("topicScheme", new Link("/topic/", "all topics", ""));
    m.put("dataset", new Link("/dataset", "the dataset's description", ""));
    m.put("title", "Akira's ML News as linked data");
    return new Rendered("home", m);
  }

  private List<IssueRow> issueRows(String query, Node self) {
    var rows = new ArrayList<IssueRow>();
    for (Binding b : self == null ? sparql.select(query) : sparql.select(query, self)) {
      Node period = get(b, "period");
      rows.add(new IssueRow(link(get(b, "issue"), "zh"), period == null ? null : link(period),
          str(b, "date"), Long.parseLong(str(b, "entries"))));
    }
    return rows;
  }

  private List<TopicRow> topicRows(String query, Node self) {
    var rows = new ArrayList<TopicRow>();
    for (Binding b : self == null ? sparql.select(query) : sparql.select(query, self)) {
      Node t = get(b, "topic");
      Node zh = literal(t, Vocab.SKOS_PREF_LABEL, "zh");
      rows.add(new TopicRow(link(t), zh != null && zh.getLiteralLanguage().equals("zh")
          ? zh.getLiteralLexicalForm() : null, Long.parseLong(str(b, "n"))));
    }
    return rows;
  }

  // ---------------------------------------------------------------------------------------------
  // Issue

  Rendered issue(Node issue) {
    var m = new LinkedHashMap<String, Object>();
    m.put("title", label(issue));
    m.put("titleLang", link(issue).lang());
    Node week = first(issue, Vocab.WEEK_PROP);
    Node month = first(issue, Vocab.MONTH_PROP);
    m.put("week", week == null ? null : link(week));
    m.put("month", month == null ? null : link(month));
    Node period = week != null ? week : month;
    if (period != null) {
      m.put("quarter", objects(period, Vocab.IN_PERIOD).stream()
          .filter(p -> hasType(p, Vocab.QUARTER)).findFirst().map(this::link).orElse(null));
    }
    Node language = first(issue, Vocab.DC_LANGUAGE);
    m.put("language", language == null ? null
        : language.isURI() ? language.getURI().substring(language.getURI().lastIndexOf('/') + 1) : text(issue, Vocab.DC_LANGUAGE));
    m.put("issueNumber", text(issue, Vocab.ISSUE_NUMBER));
    m.put("coverageStart", text(issue, Vocab.COVERAGE_START));
    m.put("dateInferred", "true".equals(text(issue, Vocab.DATE_INFERRED)));
    Node source = first(issue, Vocab.DC_SOURCE);
    m.put("source", source == null ? null : Link.external(source.getURI(), source.getURI()));
    // The newsletter's own previous/next links, and the neighbours in this dataset by date.
    // Each may be several (two previous issues, a summary of each month the issue covers).
    var declared = new ArrayList<Declared>();
    for (var rel : List.of(Map.entry("previous", Vocab.PREVIOUS_ISSUE), Map.entry("next", Vocab.NEXT_ISSUE),
        Map.entry("summary", Vocab.RELATED_SUMMARY))) {
      var links = objects(issue, rel.getValue()).stream().sorted(java.util.Comparator.comparing(Node::toString))
          .map(this::issueLink).toList();
      if (!links.isEmpty()) {
        declared.add(new Declared(rel.getKey(), links));
      }
    }
    m.put("declared", declared);
    var timeline = sparql.select("""
        SELECT ?issue ?date WHERE {
          ?issue a ml:Issue ; ml:period ?p . ?p schema:startDate ?date
        } ORDER BY ?date ?issue
        """);
    for (int i = 0; i < timeline.size(); i++) {
      if (get(timeline.get(i), "issue").equals(issue)) {
        m.put("previous", i > 0 ? link(get(timeline.get(i - 1), "issue"), "zh") : null);
        m.put("next", i + 1 < timeline.size() ? link(get(timeline.get(i + 1), "issue"), "zh") : null);
      }
    }

    var sections = new LinkedHashMap<Node, List<Entry>>();
    for (Binding b : sparql.select("""
        SELECT ?s WHERE { ?s a ml:Section ; ml:inIssue ?this . OPTIONAL { ?s ml:position ?pos } }
        ORDER BY ?pos ?s
        """, issue)) {
      sections.put(get(b, "s"), new ArrayList<>());
    }
    var unsectioned = new ArrayList<Entry>();
    for (Binding b : sparql.select("""
        SELECT ?entry ?pos ?section WHERE {
          ?entry a ml:Entry ; ml:inIssue ?this .
          OPTIONAL { ?entry ml:position ?pos } OPTIONAL { ?entry ml:inSection ?section }
        } ORDER BY ?pos ?entry
        """, issue)) {
      Entry e = entry(get(b, "entry"), Sparql.integer(b, "pos", 0));
      Node s = get(b, "section");
      (s != null && sections.containsKey(s) ? sections.get(s) : unsectioned).add(e);
    }
    var sectionViews = new ArrayList<Section>();
    if (!unsectioned.isEmpty()) {
      sectionViews.add(new Section("Editor's picks and other entries", "en", null, unsectioned));
    }
    sections.forEach((s, entries) -> {
      Link l = link(s, "zh");
      Node kind = first(s, Vocab.SECTION_KIND_PROP);
      sectionViews.add(new Section(l.text(), l.lang(), kind == null ? null : label(kind), entries));
    });
    m.put("sections", sectionViews);
    m.put("entryCount", sectionViews.stream().mapToInt(s -> s.entries().size()).sum());
    m.put("picks", sectionViews.stream().flatMap(s -> s.entries().stream()).filter(Entry::pick).count());

    var warnings = new ArrayList<Map<String, Object>>();
    for (Binding b : sparql.select("""
        SELECT ?w ?code ?comment ?line WHERE {
          ?this ml:hasWarning ?w . OPTIONAL { ?w ml:warningCode ?code } OPTIONAL { ?w rdfs:comment ?comment }
          OPTIONAL { ?w ml:sourceLine ?line }
        } ORDER BY ?line ?w
        """, issue)) {
      var w = new LinkedHashMap<String, Object>();
      w.put("code", str(b, "code"));
      w.put("comment", str(b, "comment"));
      w.put("line", str(b, "line"));
      warnings.add(w);
    }
    m.put("warnings", warnings);
    // Provenance of the issue's graph.
    for (Binding b : sparql.select("""
        SELECT ?graph ?file ?time ?version WHERE {
          ?graph ml:sourceFile ?file . OPTIONAL { ?graph prov:generatedAtTime ?time }
          OPTIONAL { ?graph ml:extractorVersion ?version }
          FILTER (?graph = ?g)
        } LIMIT 1
        """, Map.of("g", paths.iris().issueGraph(text(issue, Vocab.SLUG) == null ? Labels.fallback(issue)
            : text(issue, Vocab.SLUG))))) {
      m.put("graph", link(get(b, "graph")));
      m.put("sourceFile", str(b, "file"));
      m.put("generatedAt", str(b, "time"));
      m.put("extractorVersion", str(b, "version"));
    }
    return new Rendered("issue", m);
  }

  /** A link to an issue if the dataset has it; else its slug as text. */
  /**
   * A linked issue: its page when the dataset holds it, else the post the newsletter links to
   * ({@code foaf:page}), or the document itself when it is no issue of this newsletter.
   */
  private Link issueLink(Node issue) {
    if (hasType(issue, Vocab.ISSUE)) {
      return link(issue, "zh");
    }
    Node page = first(issue, Vocab.FOAF_PAGE);
    if (page != null && page.isURI()) {
      return Link.external(page.getURI(), Labels.fallback(issue));
    }
    if (issue.isURI() && paths.toLocal(issue.getURI()) == null) {
      return Link.external(issue.getURI(), issue.getURI());
    }
    return new Link(null, Labels.fallback(issue), "");
  }

  private Entry entry(Node e, int position) {
    Node headline = literal(e, Vocab.HEADLINE, "zh");
    Node summary = literal(e, Vocab.DC_DESCRIPTION, "zh");
    var works = new ArrayList<Link>();
    for (Node w : objects(e, Vocab.ABOUT)) {
      works.add(link(w, "zh"));
    }
    var out = new ArrayList<Link>();
    for (Node l : objects(e, Vocab.LINK)) {
      if (l.isURI()) {
        out.add(Link.external(l.getURI(), linkKind(l.getURI())));
      }
    }
    out.sort(Comparator.comparing(Link::text));
    String anchor = "entry-" + Labels.fallback(e);
    return new Entry(anchor, position, headline == null ? "(no headline)" : headline.getLiteralLexicalForm(),
        headline == null ? "" : headline.getLiteralLanguage(), works,
        summary == null ? null : summary.getLiteralLexicalForm(), summary == null ? "" : summary.getLiteralLanguage(),
        out, links(objects(e, Vocab.DC_SUBJECT)), "true".equals(text(e, Vocab.EDITORS_PICK)));
  }

  /**
   * What a link out is, by its host: arXiv, OpenReview, DOI, GitHub, the proceedings the
   * identifiers know (NeurIPS, CVF, ECCV), else "article (host)".
   */
  static String linkKind(String url) {
    String host;
    try {
      host = java.net.URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    if (host == null) {
      return "link";
    }
    host = host.toLowerCase(java.util.Locale.ROOT).replaceFirst("^www\\.", "");
    if (host.endsWith("arxiv.org")) {
      return "arXiv";
    } else if (host.endsWith("openreview.net")) {
      return "OpenReview";
    } else if (host.equals("doi.org") || host.equals("dx.doi.org")) {
      return "DOI";
    } else if (host.equals("github.com")) {
      return "GitHub";
    } else if (host.equals("papers.nips.cc") || host.equals("proceedings.neurips.cc")) {
      return "NeurIPS proceedings";
    } else if (host.equals("openaccess.thecvf.com")) {
      return "CVF open access";
    } else if (host.equals("ecva.net")) {
      return "ECCV proceedings";
    }
    return "article (" + host + ")";
  }

  // ---------------------------------------------------------------------------------------------
  // Paper, article, other work

  Rendered work(Node work) {
    var m = new LinkedHashMap<String, Object>();
    Link self = link(work, "zh");
    m.put("title", self.text());
    m.put("titleLang", self.lang());
    m.put("titles", objects(work, Vocab.DC_TITLE).stream().filter(Node::isLiteral)
        .map(t -> new Value(null, t.getLiteralLexicalForm(), t.getLiteralLanguage(), null)).toList());
    m.put("kind", hasType(work, Vocab.PAPER) ? "paper" : hasType(work, Vocab.ARTICLE) ? "article"
        : hasType(work, NodeFactory.createURI(Vocab.SCHEMA + "SoftwareSourceCode")) ? "source code"
        : hasType(work, NodeFactory.createURI(Vocab.SCHEMA + "VideoObject")) ? "video"
        : hasType(work, NodeFactory.createURI(Vocab.SCHEMA + "Course")) ? "course" : "work");
    var ids = new ArrayList<Map<String, Object>>();
    for (Node id : objects(work, Vocab.ARXIV_ID)) {
      ids.add(id("arXiv", id, "https://arxiv.org/abs/"));
    }
    for (Node id : objects(work, Vocab.OPENREVIEW_ID)) {
      ids.add(id("OpenReview", id, "https://openreview.net/forum?id="));
    }
    for (Node id : objects(work, Vocab.BIBO_DOI)) {
      ids.add(id("DOI", id, "https://doi.org/"));
    }
    for (Node id : objects(work, Vocab.PROCEEDINGS_ID)) {
      ids.add(id("proceedings", id, null));
    }
    m.put("identifiers", ids);
    var pages = new ArrayList<Link>();
    for (Node p : objects(work, Vocab.FOAF_PAGE)) {
      if (p.isURI()) {
        pages.add(Link.external(p.getURI(), p.getURI()));
      }
    }
    for (Node p : objects(work, Vocab.SCHEMA_URL)) {
      if (p.isURI()) {
        pages.add(Link.external(p.getURI(), p.getURI()));
      }
    }
    pages.sort(Comparator.comparing(Link::text));
    m.put("pages", pages);
    var featured = new ArrayList<Featured>();
    for (Binding b : sparql.select("""
        SELECT ?issue ?entry ?date ?period WHERE {
          ?this ml:featuredIn ?issue .
          OPTIONAL { ?entry ml:about ?this ; ml:inIssue ?issue }
          OPTIONAL { ?issue ml:period ?period . ?period schema:startDate ?date }
        } ORDER BY ?date ?issue ?entry
        """, work)) {
      Node issue = get(b, "issue");
      Node entry = get(b, "entry");
      Node period = get(b, "period");
      Link entryLink = null;
      if (entry != null) {
        Node h = literal(entry, Vocab.HEADLINE, "zh");
        entryLink = new Link(href(issue) + "#entry-" + Labels.fallback(entry),
            h == null ? Labels.fallback(entry) : h.getLiteralLexicalForm(), h == null ? "" : h.getLiteralLanguage());
      }
      featured.add(new Featured(link(issue, "zh"), entryLink, period == null ? null : link(period), str(b, "date")));
    }
    m.put("featured", featured);
    m.put("topics", links(objects(work, Vocab.DC_SUBJECT)));
    return new Rendered("work", m);
  }

  private static Map<String, Object> id(String scheme, Node id, String prefix) {
    var m = new LinkedHashMap<String, Object>();
    String v = id.isLiteral() ? id.getLiteralLexicalForm() : id.toString();
    m.put("scheme", scheme);
    m.put("value", v);
    m.put("href", prefix == null ? null : Link.safeUrl(prefix + v));
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // Topic

  Rendered topic(Node topic, String path, int page) {
    var m = new LinkedHashMap<String, Object>();
    Node en = literal(topic, Vocab.SKOS_PREF_LABEL, "en");
    Node zh = literal(topic, Vocab.SKOS_PREF_LABEL, "zh");
    m.put("title", en != null ? en.getLiteralLexicalForm() : label(topic));
    m.put("labelEn", en == null ? null : en.getLiteralLexicalForm());
    m.put("labelZh", zh == null || !zh.getLiteralLanguage().equals("zh") ? null : zh.getLiteralLexicalForm());
    m.put("notation", text(topic, Vocab.SKOS_NOTATION));
    m.put("altLabels", objects(topic, Vocab.SKOS_ALT_LABEL).stream().filter(Node::isLiteral)
        .sorted(Comparator.comparing(Node::getLiteralLanguage).thenComparing(Node::getLiteralLexicalForm))
        .map(t -> new Value(null, t.getLiteralLexicalForm(), t.getLiteralLanguage(), null)).toList());
    m.put("broader", links(objects(topic, Vocab.SKOS_BROADER)));
    m.put("narrower", links(subjects(Vocab.SKOS_BROADER, topic)));
    m.put("mentions", sparql.count("""
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?t skos:broader* ?this . ?e dcterms:subject ?t ; a ml:Entry }
        """, topic));

    // Papers on the topic or a narrower one, grouped by the quarter they were first featured in.
    // Here and in the count above the topic's pattern is written before the type's: TDB2 weighs
    // the two alike and keeps the written order, and starting from the topic reads its entries
    // or papers only, not every entry or paper (26% and 12% less time at 10,000 issues).
    var rows = sparql.select("""
        SELECT ?paper (MIN(?start) AS ?first) WHERE {
          ?t skos:broader* ?this .
          ?paper dcterms:subject ?t ; a ml:Paper ; ml:featuredIn ?issue .
          ?issue ml:period ?p . ?p schema:startDate ?start
        } GROUP BY ?paper ORDER BY DESC(?first) ?paper
        """, topic);
    Pager pager = pager(path, "page", page, rows.size());
    var groups = new LinkedHashMap<String, List<Link>>();
    var quarters = new LinkedHashMap<String, Link>();
    for (Binding b : slice(rows, pager)) {
      LocalDate first = LocalDate.parse(str(b, "first"));
      Quarter q = Quarter.of(first);
      quarters.computeIfAbsent(q.key(), k -> {
        Node qn = paths.iris().period(k);
        return new Link(href(qn), q.labelEn(), "en");
      });
      groups.computeIfAbsent(q.key(), k -> new ArrayList<>()).add(link(get(b, "paper"), "zh"));
    }
    var groupViews = new ArrayList<QuarterGroup>();
    groups.forEach((k, papers) -> groupViews.add(new QuarterGroup(quarters.get(k), papers)));
    m.put("paperGroups", groupViews);
    m.put("paperCount", rows.size());
    m.put("pager", pager);

    var weeks = new ArrayList<TrendChart.Point>();
    for (Binding b : sparql.select("""
        SELECT ?week ?start (SUM(COALESCE(?c, 0)) AS ?n) WHERE {
          ?issue ml:week ?week . ?week schema:startDate ?start .
          OPTIONAL {
            # Counted once for the topic and joined by issue: an OPTIONAL pattern would be
            # evaluated again for every week (2.4 s instead of 0.55 s at 10,000 weeks).
            SELECT ?issue (COUNT(DISTINCT ?entry) AS ?c) WHERE {
              ?t skos:broader* ?this . ?entry dcterms:subject ?t ; ml:inIssue ?issue
            } GROUP BY ?issue
          }
        } GROUP BY ?week ?start ORDER BY ?start
        """, topic)) {
      Node w = get(b, "week");
      weeks.add(new TrendChart.Point(label(w), href(w), str(b, "start"), Integer.parseInt(str(b, "n"))));
    }
    m.put("chart", TrendChart.of(weeks, key -> href(paths.iris().period(key))));
    return new Rendered("topic", m);
  }

  // ---------------------------------------------------------------------------------------------
  // Week, month, quarter, year

  /** The period a time path names, or null. */
  private Link periodLink(Period p) {
    Node n = paths.iris().period(p.key());
    return exists(n) ? new Link(href(n), p.labelEn(), "en") : new Link(null, p.labelEn(), "en");
  }

  Rendered period(Node node, Period p, String path, int page) {
    var m = new LinkedHashMap<String, Object>();
    String kind = p instanceof Week ? "week" : p instanceof Month ? "month" : p instanceof Quarter ? "quarter" : "year";
    m.put("kind", kind);
    m.put("title", p.labelEn());
    m.put("labelZh", p.labelZh());
    m.put("start", p.start().toString());
    m.put("end", p.end().toString());
    m.put("previousPeriod", periodLink(p.previous()));
    m.put("nextPeriod", periodLink(p.next()));
    // The periods it is counted in: what the data says (ml:inPeriod), else the calendar's.
    var inPeriods = new ArrayList<Link>();
    List<Node> stated = objects(node, Vocab.IN_PERIOD);
    if (!stated.isEmpty()) {
      stated.stream().sorted(Comparator.comparing(this::periodRank)).map(this::link).forEach(inPeriods::add);
    } else {
      NewsletterCalendar.placesOf(p).forEach(c -> inPeriods.add(periodLink(c)));
    }
    m.put("inPeriods", inPeriods);
    // Periods within this one that have issues (months and weeks of a quarter...).
    var within = new ArrayList<Link>();
    // Every query of this page starts from the period (?this) and goes down to its issues: ARQ
    // runs a property path apart from the patterns around it, in written order, so a query that
    // started from the issues would read all of them on every period page.
    for (Binding b : sparql.select("""
        SELECT DISTINCT ?p ?start WHERE {
          ?p ml:inPeriod ?this ; schema:startDate ?start .
          FILTER EXISTS { ?x ml:inPeriod? ?p . ?issue ml:period ?x }
        } ORDER BY ?start ?p
        """, node)) {
      within.add(link(get(b, "p")));
    }
    m.put("within", within);
    // The nearest periods of the same kind that have issues, for sparse stretches of the timeline.
    m.put("previousWithIssues", nearestWithIssues(p, Period::previous));
    m.put("nextWithIssues", nearestWithIssues(p, Period::next));

    m.put("issues", issueRows("""
        SELECT ?issue ?date ?period (COUNT(DISTINCT ?e) AS ?entries) WHERE {
          ?period ml:inPeriod? ?this . ?issue ml:period ?period ; a ml:Issue .
          OPTIONAL { ?period schema:startDate ?date }
          OPTIONAL { ?issue ml:hasEntry ?e }
        } GROUP BY ?issue ?date ?period ORDER BY ?date ?issue
        """, node));
    var rows = sparql.select("""
        SELECT ?entry ?issue ?date ?pos WHERE {
          ?period ml:inPeriod? ?this . ?issue ml:period ?period ; a ml:Issue .
          OPTIONAL { ?period schema:startDate ?date }
          ?entry a ml:Entry ; ml:inIssue ?issue . OPTIONAL { ?entry ml:position ?pos }
        } ORDER BY ?date ?issue ?pos ?entry
        """, node);
    Pager pager = pager(path, "page", page, rows.size());
    var entries = new ArrayList<EntryRow>();
    for (Binding b : slice(rows, pager)) {
      Node e = get(b, "entry");
      Node issue = get(b, "issue");
      Node h = literal(e, Vocab.HEADLINE, "zh");
      Node work = first(e, Vocab.ABOUT);
      entries.add(new EntryRow(new Link(href(issue) + "#entry-" + Labels.fallback(e),
          h == null ? Labels.fallback(e) : h.getLiteralLexicalForm(), h == null ? "" : h.getLiteralLanguage()),
          work == null ? null : link(work, "zh"), link(issue, "zh"), str(b, "date")));
    }
    m.put("entries", entries);
    m.put("entryCount", rows.size());
    m.put("pager", pager);
    m.put("topics", topicRows("""
        SELECT ?topic (COUNT(DISTINCT ?e) AS ?n) WHERE {
          ?period ml:inPeriod? ?this . ?issue ml:period ?period ; a ml:Issue .
          ?e ml:inIssue ?issue ; dcterms:subject ?topic
        } GROUP BY ?topic ORDER BY DESC(?n) ?topic LIMIT 20
        """, node));
    return new Rendered("period", m);
  }

  /**
   * The nearest period of {@code p}'s kind, stepping with {@code step}, that holds an issue or a
   * shorter period of one (the data describes a period only in the graphs of its issues), or null.
   * Steps through years without issues cost no lookup, and stop past the first or last of them.
   */
  private Link nearestWithIssues(Period p, java.util.function.UnaryOperator<Period> step) {
    var years = new java.util.TreeSet<Integer>();
    g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.YEAR).forEachRemaining(t -> {
      String iri = t.getSubject().isURI() ? t.getSubject().getURI() : "";
      String key = iri.substring(iri.lastIndexOf('/') + 1);
      if (key.matches("\\d{4}") && t.getSubject().equals(paths.iris().year(Integer.parseInt(key)))) {
        years.add(Integer.parseInt(key));
      }
    });
    if (years.isEmpty()) {
      return null;
    }
    for (Period c = step.apply(p); c.end().getYear() >= years.first() && c.start().getYear() <= years.last();
        c = step.apply(c)) {
      if (years.contains(c.start().getYear()) || years.contains(c.end().getYear())) {
        Node n = paths.iris().period(c.key());
        if (g.contains(Node.ANY, Vocab.PERIOD_PROP, n) || g.contains(Node.ANY, Vocab.IN_PERIOD, n)) {
          return link(n);
        }
      }
    }
    return null;
  }

  private int periodRank(Node p) {
    return hasType(p, Vocab.WEEK) ? 0 : hasType(p, Vocab.MONTH) ? 1 : hasType(p, Vocab.QUARTER) ? 2 : 3;
  }

  // ---------------------------------------------------------------------------------------------
  // Any other resource: its properties and the resources that link to it

  Rendered generic(Node r, String path, int page) {
    var m = new LinkedHashMap<String, Object>();
    Link self = link(r);
    m.put("title", self.text());
    m.put("titleLang", self.lang());
    m.put("types", links(objects(r, Vocab.RDF_TYPE)));
    var out = new TreeMap<String, List<Value>>();
    var outProps = new TreeMap<String, Link>();
    g.find(r, Node.ANY, Node.ANY).forEachRemaining(t -> {
      if (t.getPredicate().equals(Vocab.RDF_TYPE)) {
        return;
      }
      Link p = propertyLink(t.getPredicate());
      String key = p.text() + " " + t.getPredicate().getURI();
      outProps.put(key, p);
      out.computeIfAbsent(key, k -> new ArrayList<>()).add(value(t.getObject()));
    });
    var properties = new ArrayList<Property>();
    out.forEach((k, values) -> {
      values.sort(Comparator.comparing(v -> v.link() != null ? v.link().text() : v.text()));
      properties.add(new Property(outProps.get(k), values));
    });
    m.put("properties", properties);
    // Incoming links, paginated: (resource, property) pairs sorted by property, then parts of a
    // whole (a section's entries) by their position, then by label.
    record Row(Property property, long position) {}
    var rows = new ArrayList<Row>();
    for (Triple t : g.find(Node.ANY, Node.ANY, r).toList()) {
      Node pos = first(t.getSubject(), Vocab.POSITION);
      long position = pos != null && pos.isLiteral() && pos.getLiteralValue() instanceof Number n
          ? n.longValue() : Long.MAX_VALUE;
      rows.add(new Row(new Property(propertyLink(t.getPredicate()), List.of(value(t.getSubject()))), position));
    }
    rows.sort(Comparator.comparing((Row w) -> w.property().property().text())
        .thenComparingLong(Row::position)
        .thenComparing(w -> w.property().values().get(0).link().text()));
    Pager pager = pager(path, "page", page, rows.size());
    var incoming = new ArrayList<Property>();
    slice(rows, pager).forEach(w -> incoming.add(w.property()));
    m.put("incoming", incoming);
    m.put("pager", pager);
    return new Rendered("resource", m);
  }

  /**
   * A named graph's page: what the graph says of itself (an issue graph's provenance), its size,
   * and what it holds; its name's RDF formats give its content.
   */
  Rendered graph(Node name, String path, int page) {
    Rendered r = generic(name, path, page);
    var kinds = new ArrayList<Link>(List.of(new Link(null, "Named graph", "en")));
    @SuppressWarnings("unchecked")
    var types = (List<Link>) r.model().get("types");
    kinds.addAll(types);
    r.model().put("types", kinds);
    r.model().put("title", path.substring(1));
    r.model().put("titleLang", "");
    Graph content = dsg.getGraph(name);
    r.model().put("graphTriples", content.size());
    Node holds;
    if (name.equals(paths.iris().ontologyGraph())) {
      holds = NodeFactory.createURI(LocalPaths.ONTOLOGY);
    } else if (name.equals(paths.iris().topicsGraph())) {
      holds = NodeFactory.createURI(Vocab.TOPIC);
    } else {
      holds = content.find(Node.ANY, Vocab.RDF_TYPE, Vocab.ISSUE).nextOptional().map(Triple::getSubject).orElse(null);
    }
    r.model().put("holds", holds == null ? null : link(holds));
    return r;
  }

  /** A property as a link to its definition, labelled with its prefixed name. */
  Link propertyLink(Node p) {
    String iri = p.getURI();
    String text = prefixed(iri);
    return new Link(href(p), text, "");
  }

  static String prefixed(String iri) {
    String[][] prefixes = {{"ml:", Vocab.ML}, {"dcterms:", Vocab.DCTERMS}, {"skos:", Vocab.SKOS},
        {"schema:", Vocab.SCHEMA}, {"time:", Vocab.TIME}, {"rdfs:", Vocab.RDFS}, {"rdf:", Vocab.RDF},
        {"prov:", Vocab.PROV}, {"foaf:", Vocab.FOAF}, {"bibo:", Vocab.BIBO}, {"owl:", Vocab.OWL},
        {"xsd:", Vocab.XSD}, {"fabio:", Vocab.FABIO}, {"qb:", Vocab.QB}, {"vann:", "http://purl.org/vocab/vann/"},
        {"topic:", Vocab.TOPIC}};
    for (String[] p : prefixes) {
      if (iri.startsWith(p[1]) && iri.length() > p[1].length()) {
        return p[0] + iri.substring(p[1].length());
      }
    }
    return iri;
  }

  Value value(Node o) {
    if (o.isLiteral()) {
      String dt = o.getLiteralDatatypeURI();
      return new Value(null, o.getLiteralLexicalForm(), o.getLiteralLanguage(),
          dt == null || o.getLiteralLanguage().length() > 0 || dt.equals(Vocab.XSD + "string") ? null : prefixed(dt));
    }
    return new Value(link(o), null, null, null);
  }

  // ---------------------------------------------------------------------------------------------
  // The ontology document: classes and properties, each under its own anchor

  Rendered ontology(Graph ontology) {
    var m = new LinkedHashMap<String, Object>();
    Node doc = NodeFactory.createURI(LocalPaths.ONTOLOGY);
    Node title = literal(doc, Vocab.DC_TITLE, "en");
    m.put("title", title == null ? "mlnews ontology" : title.getLiteralLexicalForm());
    Node desc = literal(doc, Vocab.DC_DESCRIPTION, "en");
    m.put("description", desc == null ? null : desc.getLiteralLexicalForm());
    var terms = new TreeMap<String, Map<String, Object>>();
    ontology.find(Node.ANY, Vocab.RDF_TYPE, Node.ANY).forEachRemaining(t -> {
      Node s = t.getSubject();
      if (!s.isURI() || !s.getURI().startsWith(Vocab.ML)) {
        return;
      }
      String local = s.getURI().substring(Vocab.ML.length());
      var term = terms.computeIfAbsent(local, k -> new LinkedHashMap<>());
      term.put("anchor", local);
      term.put("name", "ml:" + local);
      Node en = null;
      Node zh = null;
      Node comment = null;
      for (Node o : ontology.find(s, Vocab.RDFS_LABEL, Node.ANY).mapWith(Triple::getObject).toList()) {
        if (o.getLiteralLanguage().equals("zh")) {
          zh = o;
        } else {
          en = o;
        }
      }
      for (Node o : ontology.find(s, Vocab.RDFS_COMMENT, Node.ANY).mapWith(Triple::getObject).toList()) {
        comment = o;
      }
      term.put("label", en == null ? null : en.getLiteralLexicalForm());
      term.put("labelZh", zh == null ? null : zh.getLiteralLexicalForm());
      term.put("comment", comment == null ? null : comment.getLiteralLexicalForm());
      var types = new ArrayList<String>();
      ontology.find(s, Vocab.RDF_TYPE, Node.ANY).forEachRemaining(x -> types.add(prefixed(x.getObject().getURI())));
      types.sort(null);
      term.put("types", String.join(", ", types));
      var related = new ArrayList<Property>();
      ontology.find(s, Node.ANY, Node.ANY).forEachRemaining(x -> {
        Node p = x.getPredicate();
        if (p.equals(Vocab.RDF_TYPE) || p.equals(Vocab.RDFS_LABEL) || p.equals(Vocab.RDFS_COMMENT)
            || !x.getObject().isURI()) {
          return;
        }
        related.add(new Property(propertyLink(p), List.of(new Value(new Link(href(x.getObject()),
            prefixed(x.getObject().getURI()), ""), null, null, null))));
      });
      related.sort(Comparator.comparing((Property x) -> x.property().text()));
      term.put("related", related);
    });
    var classes = new ArrayList<Map<String, Object>>();
    var properties = new ArrayList<Map<String, Object>>();
    var individuals = new ArrayList<Map<String, Object>>();
    terms.values().forEach(t -> {
      String types = (String) t.get("types");
      (types.contains("Class") ? classes : types.contains("Property") ? properties : individuals).add(t);
    });
    m.put("classes", classes);
    m.put("propertyTerms", properties);
    m.put("individuals", individuals);
    return new Rendered("ontology", m);
  }

  // ---------------------------------------------------------------------------------------------
  // Search results

  Rendered search(String q, List<SearchIndex.Match> matches, int page) {
    var m = new LinkedHashMap<String, Object>();
    m.put("title", q.isBlank() ? "Search" : "Search: " + q);
    m.put("q", q);
    String path = "/search?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
    Pager pager = pager(path, "page", page, matches.size());
    var hits = new ArrayList<View.Hit>();
    for (SearchIndex.Match match : slice(matches, pager)) {
      Node s = match.subject();
      Node lit = match.literal();
      String snippet = lit == null ? null : lit.getLiteralLexicalForm();
      if (snippet != null && snippet.length() > 240) {
        snippet = snippet.substring(0, 239) + "…";
      }
      String lang = lit == null ? "" : lit.getLiteralLanguage();
      if (hasType(s, Vocab.ENTRY)) {
        Node issue = first(s, Vocab.IN_ISSUE);
        Node h = literal(s, Vocab.HEADLINE, "zh");
        Link target = new Link((issue == null ? href(s) : href(issue) + "#entry-" + Labels.fallback(s)),
            h == null ? Labels.fallback(s) : h.getLiteralLexicalForm(), h == null ? "" : h.getLiteralLanguage());
        hits.add(new View.Hit(target, "entry", snippet, lang, issue == null ? null : link(issue, "zh"), match.score()));
      } else {
        String kind = hasType(s, Vocab.PAPER) ? "paper" : hasType(s, Vocab.ARTICLE) ? "article"
            : hasType(s, Vocab.ISSUE) ? "issue" : hasType(s, Vocab.SKOS_CONCEPT) ? "topic" : "resource";
        Link target = link(s, kind.equals("topic") ? "en" : "zh");
        hits.add(new View.Hit(target, kind, snippet != null && snippet.equals(target.text()) ? null : snippet, lang,
            null, match.score()));
      }
    }
    m.put("hits", hits);
    m.put("pager", pager);
    return new Rendered("search", m);
  }

  // ---------------------------------------------------------------------------------------------
  // The topic scheme: every topic, as a tree under the top concepts, with its mentions

  Rendered topicScheme(Node scheme) {
    var m = new LinkedHashMap<String, Object>();
    Node title = literal(scheme, Vocab.DC_TITLE, "en");
    m.put("title", title == null ? "Topics" : title.getLiteralLexicalForm());
    Node desc = literal(scheme, Vocab.DC_DESCRIPTION, "en");
    m.put("description", desc == null ? null : desc.getLiteralLexicalForm());
    var mentions = new java.util.HashMap<Node, Long>();
    for (Binding b : sparql.select("""
        SELECT ?topic (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ml:Entry ; dcterms:subject ?topic } GROUP BY ?topic
        """)) {
      mentions.put(get(b, "topic"), Long.parseLong(str(b, "n")));
    }
    var children = new java.util.HashMap<Node, List<Node>>();
    List<Node> members = subjects(NodeFactory.createURI(Vocab.SKOS + "inScheme"), scheme);
    for (Node t : members) {
      for (Node b : objects(t, Vocab.SKOS_BROADER)) {
        children.computeIfAbsent(b, k -> new ArrayList<>()).add(t);
      }
    }
    List<Node> tops = new ArrayList<>(objects(scheme, NodeFactory.createURI(Vocab.SKOS + "hasTopConcept")));
    for (Node t : members) {
      if (objects(t, Vocab.SKOS_BROADER).isEmpty() && !tops.contains(t)) {
        tops.add(t);
      }
    }
    var rows = new ArrayList<Map<String, Object>>();
    var seen = new java.util.HashSet<Node>();
    tops.sort(Comparator.comparing(this::label, String.CASE_INSENSITIVE_ORDER));
    for (Node t : tops) {
      addTopicRow(t, 0, children, mentions, rows, seen);
    }
    m.put("rows", rows);
    m.put("count", members.size());
    return new Rendered("topics", m);
  }

  private void addTopicRow(Node t, int depth, Map<Node, List<Node>> children, Map<Node, Long> mentions,
      List<Map<String, Object>> rows, java.util.Set<Node> path) {
    if (!path.add(t)) {
      return;
    }
    Node zh = literal(t, Vocab.SKOS_PREF_LABEL, "zh");
    var row = new LinkedHashMap<String, Object>();
    row.put("topic", link(t));
    row.put("zh", zh != null && zh.getLiteralLanguage().equals("zh") ? zh.getLiteralLexicalForm() : null);
    row.put("mentions", mentions.getOrDefault(t, 0L));
    row.put("depth", Math.min(depth, 4));
    rows.add(row);
    List<Node> kids = new ArrayList<>(children.getOrDefault(t, List.of()));
    kids.sort(Comparator.comparing(this::label, String.CASE_INSENSITIVE_ORDER));
    for (Node k : kids) {
      addTopicRow(k, depth + 1, children, mentions, rows, path);
    }
    path.remove(t);
  }
}

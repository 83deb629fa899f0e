package org.mlnews.rdf;

import static org.mlnews.rdf.Vocab.*;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.mlnews.issue.Entry;
import org.mlnews.issue.EntryKind;
import org.mlnews.issue.Issue;
import org.mlnews.issue.NavLink;
import org.mlnews.issue.Section;
import org.mlnews.issue.Warning;
import org.mlnews.issue.WeekRef;
import org.mlnews.time.NewsletterCalendar;

/**
 * Maps one {@link Issue} to triples on a {@link StreamRDF}. The sink decides where they go: a
 * test graph, an issue's named graph in TDB2, or a dump. Immutable and thread-safe; each call
 * keeps its state on the stack.
 *
 * <pre>{@code
 * Graph g = GraphFactory.createDefaultGraph();
 * new IssueMapper(new Iris(Iris.DEFAULT_BASE)).map(issue, provenance, null, StreamRDFLib.graph(g));
 * }</pre>
 */
public final class IssueMapper {
  private final Iris iris;
  private final PeriodMapper periods;

  public IssueMapper(Iris iris) {
    this.iris = Objects.requireNonNull(iris, "iris");
    this.periods = new PeriodMapper(iris);
  }

  public Iris iris() {
    return iris;
  }

  /**
   * Emits the issue's triples.
   *
   * @param inferredWeek a week inferred from neighbouring issues when the issue declares no date,
   *                     or null; it is marked {@code ml:dateInferred true}
   */
  public void map(Issue issue, Provenance provenance, WeekRef inferredWeek, StreamRDF out) {
    new Run(issue, out).map(provenance, inferredWeek);
  }

  /** Per-call state: the issue being mapped and the sink. */
  private final class Run {
    private final Issue issue;
    private final StreamRDF out;
    private final String lang;
    private final Node issueNode;

    Run(Issue issue, StreamRDF out) {
      this.issue = issue;
      this.out = out;
      this.lang = issue.language();
      this.issueNode = iris.issue(issue.slug());
    }

    void map(Provenance provenance, WeekRef inferredWeek) {
      emit(issueNode, RDF_TYPE, ISSUE);
      emit(issueNode, SLUG, str(issue.slug()));
      emit(issueNode, DC_TITLE, text(issue.title()));
      // A dcterms:LinguisticSystem, as DCMI's range says: an IRI, not the bare code.
      emit(issueNode, DC_LANGUAGE, Iris.language(lang));
      emitLink(issueNode, DC_SOURCE, issue.sourceUrl());
      if (issue.issueNumber() != null) {
        emit(issueNode, ISSUE_NUMBER, integer(issue.issueNumber()));
      }
      if (issue.coverageStart() != null) {
        emit(issueNode, COVERAGE_START, date(issue.coverageStart()));
      }
      // ml:period repeats the week or month below: queries that select issues by period then
      // match one triple pattern instead of the path ml:week|ml:month, which ARQ evaluates
      // apart from the rest of the pattern, in written order.
      // A week its year does not have (week 53 of 2020, a typo) is no period: the issue is
      // mapped with the week inferred for it, if any, else undated; its invalid-week warning says why.
      WeekRef declared = NewsletterCalendar.exists(issue.week()) ? issue.week() : null;
      WeekRef week = declared != null ? declared : inferredWeek;
      if (NewsletterCalendar.exists(week)) {
        emit(issueNode, RDF_TYPE, WEEKLY_ISSUE);
        Node weekNode = periods.week(week, out);
        emit(issueNode, WEEK_PROP, weekNode);
        emit(issueNode, PERIOD_PROP, weekNode);
        if (declared == null) {
          emit(issueNode, DATE_INFERRED, bool(true));
        }
      }
      if (issue.month() != null) {
        emit(issueNode, RDF_TYPE, MONTHLY_SUMMARY);
        Node monthNode = periods.month(issue.month(), out);
        emit(issueNode, MONTH_PROP, monthNode);
        emit(issueNode, PERIOD_PROP, monthNode);
      }
      sections();
      entries();
      navigation();
      warnings();
      provenance(provenance);
    }

    private void sections() {
      int i = 0;
      for (Section s : issue.sections()) {
        Node node = iris.section(issue.slug(), ++i);
        emit(issueNode, HAS_SECTION, node);
        emit(node, RDF_TYPE, SECTION);
        emit(node, IN_ISSUE, issueNode);
        emit(node, POSITION, integer(i));
        emit(node, SECTION_NUMBER, integer(s.number()));
        emit(node, RDFS_LABEL, text(s.title()));
        emit(node, SECTION_KIND_PROP, sectionKind(s.kind()));
        emit(node, SOURCE_LINE, integer(s.line()));
      }
    }

    /** The section node an entry belongs to: the first section with its number and kind. */
    private Node sectionOf(Entry e) {
      int i = 0;
      for (Section s : issue.sections()) {
        i++;
        if (s.number() == e.section() && s.kind() == e.sectionKind()) {
          return iris.section(issue.slug(), i);
        }
      }
      return null;
    }

    private void entries() {
      int n = 0;
      var used = new java.util.HashSet<String>();
      for (Entry e : issue.entries()) {
        ++n;
        // Two entries presenting the same thing (or without a link and with the same headline):
        // the second is KEY-2, unless another entry's own key is that already.
        String key = entryKey(e);
        String name = key;
        for (int k = 2; !used.add(name); k++) {
          name = key + "-" + k;
        }
        Node node = iris.entry(issue.slug(), name);
        emit(issueNode, HAS_ENTRY, node);
        emit(node, RDF_TYPE, ENTRY);
        emit(node, IN_ISSUE, issueNode);
        emit(node, POSITION, integer(n));
        Node section = e.section() > 0 ? sectionOf(e) : null;
        if (section != null) {
          emit(node, IN_SECTION, section);
        }
        emit(node, SECTION_KIND_PROP, sectionKind(e.sectionKind()));
        emit(node, HEADLINE, text(e.heading()));
        if (e.summary() != null && !e.summary().isBlank()) {
          emit(node, DC_DESCRIPTION, text(e.summary()));
        }
        emit(node, EDITORS_PICK, bool(e.editorsPick()));
        emit(node, SOURCE_LINE, integer(e.line()));
        for (var link : e.links()) {
          emitLink(node, LINK, link.url());
        }
        for (String image : e.images()) {
          // A URL is the image itself; a relative path means something only beside the source file.
          Node url = image.startsWith("http://") || image.startsWith("https://") ? LinkIris.node(image) : null;
          emit(node, url != null ? SCHEMA_IMAGE : IMAGE_FILE, url != null ? url : str(image));
        }
        List<Node> topics = e.topics().stream()
            .map(k -> NodeFactory.createURI(TOPIC + Iris.segment(k))).toList();
        topics.forEach(t -> emit(node, DC_SUBJECT, t));
        List<Node> works = works(e);
        for (Node work : works) {
          emit(node, ABOUT, work);
          emit(work, FEATURED_IN, issueNode);
          topics.forEach(t -> emit(work, DC_SUBJECT, t));
          // The entry's title names its work; of an entry about several, it names one of them,
          // and which one the entry does not say.
          if (works.size() == 1 && e.title() != null && !e.title().isBlank()) {
            emit(work, DC_TITLE, text(e.title()));
          }
        }
      }
    }

    /**
     * What an entry presents, as its key in the issue: its paper's first identifier in
     * {@link Iris#PAPER_SCHEMES} order ({@code arxiv-2010.00554}), else its first link's
     * document key (that of the work's IRI), else its headline's hash.
     */
    private static String entryKey(Entry e) {
      for (String scheme : Iris.PAPER_SCHEMES) {
        List<String> ids = e.ids().get(scheme);
        if (ids != null && !ids.isEmpty()) {
          return scheme + "-" + ids.get(0);
        }
      }
      String url = firstLink(e);
      return url != null ? Iris.documentKey(url) : "h" + org.mlnews.Hashes.sha256(e.heading()).substring(0, 15);
    }

    /** The first link that can be an IRI (the build has already dropped the others, with warnings). */
    private static String firstLink(Entry e) {
      return e.links().stream().map(l -> l.url()).filter(u -> LinkIris.node(u) != null).findFirst().orElse(null);
    }

    /**
     * The works an entry is about; each one resource however many issues mention it. Usually one:
     * the paper keyed by its first identifier (its other schemes' first identifiers describe the
     * same paper), or the linked article. A second identifier of the same scheme is another paper
     * the entry also presents.
     */
    private List<Node> works(Entry e) {
      var works = new java.util.ArrayList<Node>();
      Map<String, String> primary = new java.util.TreeMap<>();
      e.ids().forEach((scheme, values) -> {
        if (!values.isEmpty()) {
          primary.put(scheme, values.get(0));
        }
      });
      for (String scheme : Iris.PAPER_SCHEMES) {
        if (primary.containsKey(scheme)) {
          works.add(paper(iris.paper(scheme, primary.get(scheme)), primary, e.links()));
          break;
        }
      }
      if (!works.isEmpty()) {
        e.ids().forEach((scheme, values) -> values.stream().skip(1).forEach(id ->
            works.add(paper(iris.paper(scheme, id), Map.of(scheme, id), e.links()))));
        return works;
      }
      String url = firstLink(e);
      if (url == null) {
        return works;
      }
      Node work = e.kind() == EntryKind.PAPER ? iris.paperByUrl(url) : iris.article(url);
      // A repository, a video or a course is a work, not an article: typed by where it is.
      Node medium = e.kind() == EntryKind.PAPER ? null : WorkHosts.schemaClass(url);
      emit(work, RDF_TYPE, medium != null ? Vocab.WORK : switch (e.kind()) {
        case PAPER -> Vocab.PAPER;
        case ARTICLE -> Vocab.ARTICLE;
        case OTHER -> Vocab.WORK;
      });
      if (medium != null) {
        emit(work, RDF_TYPE, medium);
      }
      emitLink(work, SCHEMA_URL, url);
      works.add(work);
      return works;
    }

    /** A paper with its identifiers and its pages: the canonical ones, and the proceedings page linked. */
    private Node paper(Node paper, Map<String, String> ids, List<org.mlnews.issue.Link> links) {
      emit(paper, RDF_TYPE, Vocab.PAPER);
      ids.forEach((scheme, id) -> {
        switch (scheme) {
          case "arxiv" -> {
            emit(paper, ARXIV_ID, str(id));
            emitLink(paper, FOAF_PAGE, "https://arxiv.org/abs/" + id);
            emitLink(paper, FOAF_PAGE, "https://doi.org/10.48550/arXiv." + id);
          }
          case "openreview" -> {
            emit(paper, OPENREVIEW_ID, str(id));
            emitLink(paper, FOAF_PAGE, "https://openreview.net/forum?id=" + id);
          }
          case "doi" -> {
            emit(paper, BIBO_DOI, str(id));
            emitLink(paper, FOAF_PAGE, "https://doi.org/" + id);
          }
          default -> {
            emit(paper, PROCEEDINGS_ID, str(scheme + ":" + id));
            links.stream().filter(l -> l.url().contains(id))
                .forEach(l -> emitLink(paper, FOAF_PAGE, l.url()));
          }
        }
      });
      // An arXiv paper's DOI is derived from its id, unless the entry gave another DOI.
      if (ids.containsKey("arxiv") && !ids.containsKey("doi")) {
        emit(paper, BIBO_DOI, str("10.48550/arXiv." + ids.get("arxiv")));
      }
      return paper;
    }

    private void navigation() {
      for (NavLink nav : issue.navigation()) {
        if (nav.slug() == null) {
          if (nav.rel() == NavLink.Rel.SUMMARY) {
            emitLink(issueNode, RELATED_SUMMARY, nav.url()); // a document elsewhere, by its URL
          }
          continue;
        }
        Node target = iris.issue(nav.slug());
        switch (nav.rel()) {
          case PREVIOUS -> emit(issueNode, PREVIOUS_ISSUE, target);
          case NEXT -> emit(issueNode, NEXT_ISSUE, target);
          case SUMMARY -> emit(issueNode, RELATED_SUMMARY, target);
          case OTHER -> {
            continue;
          }
        }
        // Where the linked issue is read: its IRI then leads somewhere even while the dataset
        // does not hold the issue itself.
        emitLink(target, FOAF_PAGE, nav.url());
      }
    }

    private void warnings() {
      int n = 0;
      for (Warning w : issue.warnings()) {
        Node node = iris.warning(issue.slug(), ++n);
        emit(issueNode, HAS_WARNING, node);
        emit(node, RDF_TYPE, WARNING);
        emit(node, WARNING_CODE, str(w.code()));
        // mlnews writes its messages in English, as every other text it adds is tagged.
        emit(node, RDFS_LABEL, NodeFactory.createLiteralLang(
            w.code() + (w.line() > 0 ? " (line " + w.line() + ")" : ""), "en"));
        emit(node, RDFS_COMMENT, NodeFactory.createLiteralLang(w.message(), "en"));
        emit(node, SOURCE_LINE, integer(w.line()));
      }
    }

    private void provenance(Provenance p) {
      Node graph = iris.issueGraph(issue.slug());
      emit(graph, RDF_TYPE, PROV_ENTITY);
      emit(graph, FOAF_PRIMARY_TOPIC, issueNode); // what the graph is about, for a client holding only its name
      emit(graph, SOURCE_FILE, str(p.sourceFile()));
      emit(graph, CONTENT_HASH, str(p.contentHash()));
      emit(graph, EXTRACTOR_VERSION, str(p.extractorVersion()));
      emit(graph, PROV_GENERATED_AT_TIME, NodeFactory.createLiteralDT(
          DateTimeFormatter.ISO_INSTANT.format(p.generatedAt().atOffset(ZoneOffset.UTC)),
          XSDDatatype.XSDdateTime));
      emitLink(graph, PROV_WAS_DERIVED_FROM, issue.sourceUrl());
    }

    private Node text(String s) {
      return NodeFactory.createLiteralLang(s, lang);
    }

    private void emit(Node s, Node p, Node o) {
      out.triple(Triple.create(s, p, o));
    }

    /**
     * A triple whose object is an outside link, when the link can be an IRI at all (see
     * {@link LinkIris}): a hand-made issue or JSON file may hold anything, and one bad IRI would
     * break every Turtle dump of the store.
     */
    private void emitLink(Node s, Node p, String url) {
      Node o = url == null ? null : LinkIris.node(url);
      if (o != null) {
        emit(s, p, o);
      }
    }
  }

  static Node str(String s) {
    return NodeFactory.createLiteralString(s);
  }

  static Node integer(long i) {
    return NodeFactory.createLiteralDT(Long.toString(i), XSDDatatype.XSDinteger);
  }

  static Node date(LocalDate d) {
    return NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate);
  }

  static Node bool(boolean b) {
    return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
  }
}

package org.mlnews.rdf;

import static org.mlnews.Hashes.sha256;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Objects;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.mlnews.issue.WeekRef;

/**
 * The one place that mints IRIs for the data, under a configurable base. Vocabulary IRIs (ontology
 * and topics) are fixed and live in {@link Vocab}.
 *
 * <pre>{@code
 * Iris iris = new Iris("https://mlnews.example.org/");
 * iris.issue("akiras-ml-news-week41-2020-ff1938c74adf"); // <https://mlnews.example.org/issue/akiras-...>
 * iris.paper("arxiv", "2010.00554");                     // <https://mlnews.example.org/paper/arxiv/2010.00554>
 * iris.week(new WeekRef(2020, 41));                      // <https://mlnews.example.org/time/week/2020-W41>
 * }</pre>
 */
public final class Iris {
  /** The base used when none is configured. */
  public static final String DEFAULT_BASE = "https://mlnews.example.org/";

  /** Order in which identifiers key a paper: the first scheme present names it. */
  public static final java.util.List<String> PAPER_SCHEMES =
      java.util.List.of("arxiv", "openreview", "doi", "neurips", "cvf", "ecva");

  private final String base;

  /** @throws IllegalArgumentException when {@code base} is not an absolute http(s) IRI ending in '/' */
  public Iris(String base) {
    Objects.requireNonNull(base, "base");
    URI uri;
    try {
      uri = new URI(base);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Illegal base=" + base + " : " + e.getMessage());
    }
    if (!uri.isAbsolute() || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("Illegal base=" + base + " : must be an absolute http(s) IRI");
    }
    if (!base.endsWith("/")) {
      throw new IllegalArgumentException("Illegal base=" + base + " : must end with '/'");
    }
    this.base = base;
  }

  public String base() {
    return base;
  }

  private Node mint(String path) {
    return NodeFactory.createURI(base + path);
  }

  public Node dataset() {
    return mint("dataset");
  }

  public Node issue(String slug) {
    return mint("issue/" + segment(slug));
  }

  public Node section(String slug, int ordinal) {
    return mint("issue/" + segment(slug) + "/section/" + ordinal);
  }

  /**
   * An entry of an issue, by a key naming what it presents ({@code arxiv-2010.00554}, or a
   * link's {@link #documentKey}), not by its place: an entry keeps its IRI when the issue is
   * edited, or read better, around it.
   */
  public Node entry(String slug, String key) {
    return mint("issue/" + segment(slug) + "/entry/" + segment(key));
  }

  public Node warning(String slug, int ordinal) {
    return mint("issue/" + segment(slug) + "/warning/" + ordinal);
  }

  /** A paper keyed by one of its identifiers (see {@link #PAPER_SCHEMES}). */
  public Node paper(String scheme, String id) {
    return mint("paper/" + segment(scheme.toLowerCase(Locale.ROOT)) + "/" + segment(id));
  }

  /** A paper known only by its URL (a paper host the extractor has no identifier scheme for). */
  public Node paperByUrl(String url) {
    return mint("paper/url/" + documentKey(url));
  }

  /** An article or other linked work, keyed by its URL ({@link #documentKey}). */
  public Node article(String url) {
    return mint("article/" + documentKey(url));
  }

  /** The key of the document a link points to: 16 hex digits of the hash of {@link #sameDocument}. */
  public static String documentKey(String url) {
    return sha256(sameDocument(url)).substring(0, 16);
  }

  /**
   * What identifies the document a link points to, for keying the work it is: {@code http} and
   * {@code https}, the host's case, a default port and a fragment (a place in the page) do not
   * make another document, so links differing only in those key one work. An {@code https} link
   * without them is its own key, so the works' IRIs stayed what they were before this rule. (A
   * trailing slash is kept: servers may answer {@code /a} and {@code /a/} differently.) The link
   * itself stays as written in the work's {@code schema:url}.
   */
  static String sameDocument(String url) {
    URI u;
    try {
      u = new URI(url);
    } catch (URISyntaxException e) {
      return url; // checked by LinkIris already; a link java.net.URI refuses keys itself
    }
    if (u.getRawAuthority() == null || u.getHost() == null) {
      return url;
    }
    int port = u.getPort();
    boolean defaultPort = port == -1 || port == 80 || port == 443;
    String path = u.getRawPath() == null ? "" : u.getRawPath();
    String fragment = u.getRawFragment();
    // A fragment starting with '!' or '/' is a route of a script-driven site: another page.
    boolean route = fragment != null && (fragment.startsWith("!") || fragment.startsWith("/"));
    return "https://" + u.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port) + path
        + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()) + (route ? "#" + fragment : "");
  }

  public Node week(WeekRef week) {
    return mint("time/week/" + week);
  }

  public Node month(YearMonth month) {
    return mint("time/month/" + month);
  }

  public Node quarter(int year, int quarter) {
    return mint("time/quarter/" + year + "-Q" + quarter);
  }

  public Node year(int year) {
    return mint("time/year/" + year);
  }

  private static final java.util.regex.Pattern WEEK_KEY = java.util.regex.Pattern.compile("\\d{4}-W\\d{2}");
  private static final java.util.regex.Pattern MONTH_KEY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}");
  private static final java.util.regex.Pattern QUARTER_KEY = java.util.regex.Pattern.compile("\\d{4}-Q[1-4]");
  private static final java.util.regex.Pattern YEAR_KEY = java.util.regex.Pattern.compile("\\d{4}");

  /** A period by its key: {@code 2020-W41}, {@code 2020-10}, {@code 2020-Q4} or {@code 2020}. */
  public Node period(String key) {
    if (WEEK_KEY.matcher(key).matches()) {
      return mint("time/week/" + key);
    } else if (MONTH_KEY.matcher(key).matches()) {
      return mint("time/month/" + key);
    } else if (QUARTER_KEY.matcher(key).matches()) {
      return mint("time/quarter/" + key);
    } else if (YEAR_KEY.matcher(key).matches()) {
      return mint("time/year/" + key);
    }
    throw new IllegalArgumentException("Illegal period=" + key
        + " : expected 2020-W41, 2020-10, 2020-Q4 or 2020");
  }

  /**
   * The language of a BCP 47 tag as an IRI, a {@code dcterms:LinguisticSystem}: the Library of
   * Congress's ISO 639-1 IRI of its language subtag ({@code zh-Hans} -> {@code .../iso639-1/zh}),
   * or its ISO 639-2 IRI for a three-letter subtag. The full tag stays on the literals.
   */
  public static Node language(String tag) {
    String primary = tag.split("-", 2)[0].toLowerCase(java.util.Locale.ROOT);
    return NodeFactory.createURI((primary.length() == 2 ? Vocab.ISO639_1 : Vocab.ISO639_2) + primary);
  }

  public Node issueGraph(String slug) {
    return mint("graph/issue/" + segment(slug));
  }

  /** Prefix shared by all issue graphs, to list them. */
  public String issueGraphPrefix() {
    return base + "graph/issue/";
  }

  /** The graph of a week-year's trend statistics ({@link TrendMapper}). */
  public Node trendGraph(int weekYear) {
    return mint("graph/trend/" + weekYear);
  }

  /** Prefix shared by all trend graphs, to list them. */
  public String trendGraphPrefix() {
    return base + "graph/trend/";
  }

  /** The observation of a week-year's issues and entries. */
  public Node yearTotals(int weekYear) {
    return mint("trend/" + weekYear);
  }

  /** The observation of a topic's mentions in a week-year, by the topic's key. */
  public Node topicMentions(int weekYear, String topicKey) {
    return mint("trend/" + weekYear + "/" + segment(topicKey));
  }

  public Node ontologyGraph() {
    return mint("graph/ontology");
  }

  public Node topicsGraph() {
    return mint("graph/topics");
  }

  /** Percent-encodes everything outside RFC 3986 unreserved characters, so any id is one segment. */
  static String segment(String raw) {
    var sb = new StringBuilder();
    for (byte b : raw.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        sb.append((char) c);
      } else {
        sb.append('%').append(String.format("%02X", c));
      }
    }
    return sb.toString();
  }
}

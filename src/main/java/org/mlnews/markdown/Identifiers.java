package org.mlnews.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Paper identifiers found in links and in title prefixes.
 *
 * <p>Schemes: {@code arxiv} (new-style {@code 2102.06171} and old-style {@code cs/0112017}, without
 * version), {@code openreview} (forum id), {@code neurips} (proceedings hash), {@code cvf} (paper
 * file name), {@code ecva} (paper file name), {@code doi} (lower-cased as DOIs are
 * case-insensitive).
 *
 * <pre>{@code
 * var ids = new Identifiers();
 * ids.addFromUrl("https://arxiv.org/pdf/2010.00554v2.pdf");
 * ids.asMap();   // {arxiv=[2010.00554]}
 * Identifiers.TitlePrefix p = Identifiers.titlePrefix("[2102.06171]High-Performance ...");
 * p.arxiv();     // "2102.06171"
 * }</pre>
 *
 * <p>Not thread-safe: one instance collects the identifiers of one entry.
 */
public final class Identifiers {
  /** An arXiv id without its version: new-style (2010.00554) or old-style (cs/0112017). */
  private static final String ARXIV_ID = "\\d{4}\\.\\d{4,5}|[a-z][a-z.-]*/\\d{7}";
  private static final Pattern ARXIV_URL = Pattern.compile(
      "(?i)^https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/(" + ARXIV_ID + ")(?:v\\d+)?(?:\\.pdf)?/?(?:[?#].*)?$");
  private static final Pattern OPENREVIEW_URL = Pattern.compile(
      "(?i)^https?://(?:www\\.)?openreview\\.net/(?:forum|pdf)\\?(?:.*&)?id=([A-Za-z0-9_-]+)");
  private static final Pattern NEURIPS_URL = Pattern.compile(
      "(?i)^https?://(?:papers\\.nips\\.cc|proceedings\\.neurips\\.cc)/paper(?:_files/paper)?/\\d{4}/(?:hash|file)/([0-9a-f]{32})");
  private static final Pattern NEURIPS_OLD_URL = Pattern.compile(
      "(?i)^https?://papers\\.nips\\.cc/paper/(\\d+-[a-z0-9-]+?)(?:\\.pdf)?/?$");
  private static final Pattern CVF_URL = Pattern.compile(
      "(?i)^https?://openaccess\\.thecvf\\.com/.*/([A-Za-z0-9_\\-]+_paper)\\.(?:pdf|html)");
  private static final Pattern ECVA_URL = Pattern.compile(
      "(?i)^https?://(?:www\\.)?ecva\\.net/papers/.*/([A-Za-z0-9_\\-]+)\\.(?:php|pdf|html)");
  private static final Pattern DOI_URL = Pattern.compile(
      "(?i)^https?://(?:dx\\.)?doi\\.org/(10\\.\\d{4,9}/[^\\s?#]+)");
  /**
   * A bioRxiv or medRxiv preprint's page: its path is the DOI, then the version
   * ("/content/10.1101/2020.06.16.154542v1" is DOI 10.1101/2020.06.16.154542).
   */
  private static final Pattern RXIV_URL = Pattern.compile(
      "(?i)^https?://(?:www\\.)?(?:bio|med)rxiv\\.org/content/(10\\.1101/[0-9][0-9.]*[0-9])(?:v\\d+)?(?:[./?#]|$)");
  /** A DOI written out in text: "10.1038/s41586-020-2649-2". */
  private static final Pattern DOI_TEXT = Pattern.compile("(?<![\\w./])(10\\.\\d{4,9}/[-._;()/:A-Za-z0-9]+[A-Za-z0-9])");
  /** arXiv's own DOIs (10.48550/arXiv.2010.00554), lower-cased: the paper is that arXiv id. */
  private static final Pattern ARXIV_DOI = Pattern.compile(
      "^10\\.48550/arxiv\\.(" + ARXIV_ID + ")(?:v\\d+)?$");
  /** "[2102.06171]" or the translation's "【2101.09978】" in front of a paper title. */
  private static final Pattern TITLE_PREFIX = Pattern.compile(
      "^\\s*[\\[【]\\s*(\\d{4}\\.\\d{4,5})(?:v\\d+)?\\s*[\\]】]\\s*");

  /**
   * A publisher's page whose path is the DOI ({@code aip.scitation.org/doi/10.1063/5.0018903},
   * {@code dl.acm.org/doi/abs/10.1145/…}, {@code onlinelibrary.wiley.com/doi/full/10.1002/…}).
   */
  private static final Pattern DOI_PATH_URL = Pattern.compile(
      "(?i)^https?://[^/?#]+/doi/(?:(?:abs|full|pdf|epdf|epub|book)/)?(10\\.\\d{4,9}/[^\\s?#]*[^\\s?#/])");

  private final Map<String, Set<String>> ids = new LinkedHashMap<>();
  /** arXiv ids written wrong (a digit cut off a link): refused, for the reader to warn about. */
  private final Set<String> refused = new LinkedHashSet<>();

  /** A paper title with its identifier prefix split off. */
  public record TitlePrefix(String arxiv, String rest) {}

  /** Splits a "[2102.06171]" / "【2102.06171】" prefix off a title, or returns null. */
  public static TitlePrefix titlePrefix(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = TITLE_PREFIX.matcher(text);
    if (!m.find()) {
      return null;
    }
    return new TitlePrefix(m.group(1), text.substring(m.end()).strip());
  }

  /** Adds the identifier a (normalised) URL carries, if any; returns whether it carried one. */
  public boolean addFromUrl(String url) {
    if (url == null) {
      return false;
    }
    Matcher m;
    if ((m = ARXIV_URL.matcher(url)).find()) {
      add("arxiv", m.group(1));
      return true;
    }
    if ((m = OPENREVIEW_URL.matcher(url)).find()) {
      add("openreview", m.group(1));
      return true;
    }
    if ((m = NEURIPS_URL.matcher(url)).find()) {
      add("neurips", m.group(1).toLowerCase(Locale.ROOT));
      return true;
    }
    if ((m = NEURIPS_OLD_URL.matcher(url)).find()) {
      add("neurips", m.group(1));
      return true;
    }
    if ((m = CVF_URL.matcher(url)).find()) {
      add("cvf", m.group(1));
      return true;
    }
    if ((m = ECVA_URL.matcher(url)).find()) {
      add("ecva", m.group(1));
      return true;
    }
    if ((m = DOI_URL.matcher(url)).find()) {
      add("doi", decodePercent(m.group(1)).toLowerCase(Locale.ROOT));
      return true;
    }
    if ((m = RXIV_URL.matcher(url)).find()) {
      add("doi", m.group(1));
      return true;
    }
    if ((m = DOI_PATH_URL.matcher(url)).find()) {
      add("doi", decodePercent(m.group(1)).toLowerCase(Locale.ROOT));
      return true;
    }
    return false;
  }

  /** Adds the DOIs written out in running text. */
  public void addFromText(String text) {
    if (text == null) {
      return;
    }
    Matcher m = DOI_TEXT.matcher(text);
    while (m.find()) {
      add("doi", m.group(1).toLowerCase(Locale.ROOT));
    }
  }

  /**
   * Adds one identifier; an arXiv DOI adds its arXiv id too, so both name one paper. An arXiv id
   * that cannot exist is refused ({@link #refused()}): it would mint a paper, a DOI and pages
   * that name nothing.
   */
  public void add(String scheme, String value) {
    if (scheme.equals("arxiv") && !isArxivId(value)) {
      refused.add(value);
      return;
    }
    ids.computeIfAbsent(scheme, k -> new LinkedHashSet<>()).add(value);
    Matcher m;
    if (scheme.equals("doi") && (m = ARXIV_DOI.matcher(value)).matches()) {
      add("arxiv", m.group(1));
    }
  }

  /**
   * Whether a new-style arXiv id can exist: month 01 to 12 from April 2007 on, four digits after
   * the point until December 2014 and five since January 2015. Old-style ids pass as written.
   */
  static boolean isArxivId(String id) {
    int dot = id.indexOf('.');
    if (dot != 4 || id.contains("/")) {
      return id.contains("/");
    }
    int yymm = Integer.parseInt(id.substring(0, 4));
    int month = yymm % 100;
    int digits = id.length() - 5;
    return month >= 1 && month <= 12 && yymm >= 704 && digits == (yymm >= 1501 ? 5 : 4);
  }

  /** The arXiv ids seen but refused, in the order found. */
  public Set<String> refused() {
    return java.util.Collections.unmodifiableSet(refused);
  }

  public boolean isEmpty() {
    return ids.isEmpty();
  }

  /** Whether this and the other collection share an identifier. */
  public boolean intersects(Identifiers other) {
    for (var e : ids.entrySet()) {
      Set<String> theirs = other.ids.get(e.getKey());
      if (theirs != null) {
        for (String v : e.getValue()) {
          if (theirs.contains(v)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** The identifiers by scheme, values in the order found. */
  public Map<String, List<String>> asMap() {
    var out = new LinkedHashMap<String, List<String>>();
    ids.forEach((k, v) -> out.put(k, new ArrayList<>(v)));
    return out;
  }

  /** Identifiers of one URL (convenience for tests and callers that need no accumulation). */
  public static Map<String, List<String>> of(String url) {
    var ids = new Identifiers();
    ids.addFromUrl(url);
    return ids.asMap();
  }

  private static String decodePercent(String s) {
    try {
      return java.net.URLDecoder.decode(s.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}

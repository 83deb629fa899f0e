package org.mlnews.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Link normalisation and link-text classification for newsletter issues.
 *
 * <p>The translated issues carry links in several damaged forms: Medium-relative hrefs
 * ({@code /@user/slug}), newsletter tracking parameters ({@code utm_*}), and visible texts that the
 * translator broke apart ({@code papers . nips . cc/...}). The href is always the reliable part, so
 * everything here works on hrefs and only <em>classifies</em> visible text.
 *
 * <pre>{@code
 * Links.normalize("/@NYUDataScience/yann-lecun-787ddc8bf0af?utm_source=x");
 * // "https://medium.com/@NYUDataScience/yann-lecun-787ddc8bf0af"
 * Links.isUrlLike("https://papers . nips . cc/paper/2020");   // true
 * }</pre>
 */
public final class Links {
  private Links() {}

  /** Medium posts end in a 12-hex-digit post id. */
  private static final Pattern MEDIUM_SLUG = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*-[0-9a-f]{12}");
  /**
   * A URL in running text: ASCII only, so it stops at CJK text and full-width brackets; the host
   * must have a dot, so "https://open access . the CVF . com/…" (spaces from the translation) is
   * not taken for "https://open". The host's quantifiers are possessive: a greedy repeated group
   * recurses once per label in Java's regex engine, and "https://a.a.a.…" (5,000 labels) overflowed
   * the stack.
   */
  private static final Pattern BARE_URL = Pattern.compile(
      "https?://[A-Za-z0-9-]++(?:\\.[A-Za-z0-9-]++)++(?:[:/?#][A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()+,;=%]*)?");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");
  /** URL-ish text once the spaces the translation inserted are removed. */
  private static final Pattern URL_LIKE = Pattern.compile(
      "(?i)(https?://)?(www\\.)?[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}(/\\S*)?");
  private static final Pattern DOMAIN_LIKE = Pattern.compile(
      "(?i)[a-z0-9-]+(\\.[a-z0-9-]+)*\\.[a-z]{2,}/?");
  private static final Pattern HTTP = Pattern.compile("(?i)https?://.*");
  /** Brackets around a domain ("【www.reddit.com】"). */
  private static final Pattern BRACKETS = Pattern.compile("^[【\\[(（]+|[】\\])）]+$");
  private static final Pattern SPACES_AND_STARS = Pattern.compile("[\\s*]+");
  /** A URL's scheme and host: the host is group 1. */
  private static final Pattern SCHEME_HOST = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://([^/?#:]+)");
  /** A URL's scheme and authority, the port included. */
  private static final Pattern SCHEME_AUTHORITY = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#]+");
  private static final Pattern ID_PARAM = Pattern.compile("[?&]id=([^&#]+)");

  /** Hosts of scholarly papers: a link there in a papers section makes the entry a paper. */
  private static final List<String> PAPER_HOSTS = List.of("arxiv.org", "openreview.net",
      "papers.nips.cc", "proceedings.neurips.cc", "neurips.cc", "openaccess.thecvf.com",
      "ecva.net", "doi.org", "aclweb.org", "aclanthology.org", "proceedings.mlr.press",
      "jmlr.org", "ieeexplore.ieee.org", "dl.acm.org", "link.springer.com",
      "semanticscholar.org", "paperswithcode.com", "biorxiv.org", "nature.com", "science.org");

  /**
   * Normalises an href: trims it, makes Medium-relative paths absolute, removes {@code utm_*}
   * query parameters (other parameters are kept) and a dangling {@code ?}.
   *
   * @return the normalised URL, or null when the href is blank
   */
  public static String normalize(String href) {
    if (href == null) {
      return null;
    }
    String url = href.strip();
    if (url.startsWith("<") && url.endsWith(">")) {
      url = url.substring(1, url.length() - 1).strip();
    }
    if (url.isEmpty()) {
      return null;
    }
    if (url.startsWith("//")) {
      url = "https:" + url;
    } else if (url.startsWith("/")) {
      // The translation was scraped from Medium, which links its own posts by path only.
      url = "https://medium.com" + url;
    } else if (!SCHEME.matcher(url).matches() && url.startsWith("www.")) {
      url = "https://" + url;
    }
    if (host(url).startsWith("applewebdata")) {
      return null; // a link Safari made to its own in-memory copy of a page: it leads nowhere
    }
    return stripTracking(url);
  }

  /**
   * Query parameters that only say where a reader came from (newsletters, Medium, Facebook,
   * Google, Forbes, Salesforce, Mailchimp), by name; Medium's {@code source} only with Medium's
   * values ({@code collection_archive---------17-----}, {@code post_page-----…}).
   */
  private static final Pattern TRACKING = Pattern.compile(
      "(?i)(utm_[^=]*|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|gi|sh|usp|sf\\d+)(=.*)?"
      + "|source=(post_page|[a-z_]*-{3,}).*");

  /**
   * Removes tracking query parameters ({@link #TRACKING}) and the spaces a copied URL can end in
   * ({@code ?m=1%20}, {@code ?m=1+}: in a query both are a space), keeping the other parameters
   * in their order.
   */
  static String stripTracking(String url) {
    int q = url.indexOf('?');
    if (q < 0) {
      return url;
    }
    int hash = url.indexOf('#', q);
    String fragment = hash < 0 ? "" : url.substring(hash);
    String query = hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
    var kept = new ArrayList<String>();
    for (String param : query.split("&")) {
      String p = param;
      while (p.endsWith("+") || p.endsWith("%20")) {
        p = p.substring(0, p.length() - (p.endsWith("+") ? 1 : 3));
      }
      if (p.isEmpty() || TRACKING.matcher(p).matches()) {
        continue;
      }
      kept.add(p);
    }
    String base = url.substring(0, q);
    return kept.isEmpty() ? base + fragment : base + "?" + String.join("&", kept) + fragment;
  }

  /** The URL without its query string and fragment (used for the issue's own source URL). */
  public static String withoutQuery(String url) {
    if (url == null) {
      return null;
    }
    int cut = url.length();
    int q = url.indexOf('?');
    int h = url.indexOf('#');
    if (q >= 0) {
      cut = q;
    }
    if (h >= 0 && h < cut) {
      cut = h;
    }
    return url.substring(0, cut);
  }

  /**
   * Longest visible text still classified as a URL or domain: longer text is prose, and the
   * patterns below recurse once per dot-separated label (a stack overflow on a 5,000-label text).
   */
  private static final int MAX_URL_LIKE = 1000;

  /** Whether visible link text is a URL, possibly with the spaces the translation inserted. */
  public static boolean isUrlLike(String text) {
    if (text == null || text.length() > 4 * MAX_URL_LIKE) {
      return false;
    }
    // The translation wraps a link's URL in brackets: "【https://arxiv.org/abs/2010.00578】".
    String squeezed = BRACKETS.matcher(squeeze(text)).replaceAll("");
    if (squeezed.length() > MAX_URL_LIKE) {
      return false;
    }
    return !squeezed.isEmpty() && (HTTP.matcher(squeezed).matches() || URL_LIKE.matcher(squeezed).matches());
  }

  /** Whether text is only a domain name ("arxiv.org", "【www.reddit.com】", "the gradient . pub"). */
  public static boolean isDomainLike(String text) {
    if (text == null || text.length() > 4 * MAX_URL_LIKE) {
      return false;
    }
    String squeezed = BRACKETS.matcher(squeeze(text)).replaceAll("");
    if (squeezed.length() > MAX_URL_LIKE) {
      return false;
    }
    return !squeezed.isEmpty() && DOMAIN_LIKE.matcher(squeezed).matches();
  }

  private static String squeeze(String text) {
    return SPACES_AND_STARS.matcher(text).replaceAll("");
  }

  /** The bare URLs in running text, in order. Trailing sentence punctuation is not part of them. */
  public static List<String> findBareUrls(String text) {
    var out = new ArrayList<String>();
    if (text == null) {
      return out;
    }
    Matcher m = BARE_URL.matcher(text);
    while (m.find()) {
      out.add(trimTrailing(m.group()));
    }
    return out;
  }

  /** A matcher over bare URLs, for callers that need positions; see {@link #trimTrailing}. */
  static Matcher bareUrlMatcher(String text) {
    return BARE_URL.matcher(text);
  }

  /** Drops characters that end a sentence rather than a URL (".", ",", an unbalanced ")"). */
  static String trimTrailing(String url) {
    String u = url;
    while (!u.isEmpty()) {
      char c = u.charAt(u.length() - 1);
      if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '\'' || c == '['
          || (c == ')' && count(u, '(') < count(u, ')'))
          || (c == ']' && count(u, '[') < count(u, ']'))) {
        u = u.substring(0, u.length() - 1);
      } else {
        break;
      }
    }
    return u;
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** The Medium slug of a URL (last path segment ending in a 12-hex-digit id), else null. */
  public static String mediumSlug(String url) {
    if (url == null) {
      return null;
    }
    String path = withoutQuery(url);
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    int slash = path.lastIndexOf('/');
    String last = slash < 0 ? path : path.substring(slash + 1);
    return MEDIUM_SLUG.matcher(last).matches() ? last : null;
  }

  /** The host of a URL, lower-cased, without "www.", or "" when there is none. */
  public static String host(String url) {
    if (url == null) {
      return "";
    }
    Matcher m = SCHEME_HOST.matcher(url);
    if (!m.find()) {
      return "";
    }
    String h = m.group(1).toLowerCase(Locale.ROOT);
    return h.startsWith("www.") ? h.substring(4) : h;
  }

  /** Whether a URL points at a host that publishes scholarly papers. */
  /** Whether the URL's path names a PDF file ({@code …/accv20_kataoka_fractaldb.pdf}). */
  public static boolean isPdf(String url) {
    return withoutQuery(url).toLowerCase(Locale.ROOT).endsWith(".pdf");
  }

  public static boolean isPaperHost(String url) {
    String h = host(url);
    for (String p : PAPER_HOSTS) {
      if (h.equals(p) || h.endsWith("." + p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A key for comparing two links to the same page: scheme, "www.", a trailing slash and the
   * query are ignored (the picks block and the entry often differ only there), except for the
   * {@code id} parameter that OpenReview puts its paper id in.
   */
  static String matchKey(String url) {
    if (url == null) {
      return "";
    }
    String slug = mediumSlug(url);
    if (slug != null) {
      // A Medium post is one post under every address it has (a writer's subdomain, a
      // publication's path): its id, the slug's last 12 hex digits, says which.
      return "medium:" + slug.substring(slug.length() - 12);
    }
    String h = host(url);
    String rest = SCHEME_AUTHORITY.matcher(url).replaceFirst("");
    String idParam = "";
    Matcher m = ID_PARAM.matcher(rest);
    if (m.find()) {
      idParam = "?id=" + m.group(1);
    }
    rest = withoutQuery(rest);
    while (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    return h + rest + idParam;
  }
}

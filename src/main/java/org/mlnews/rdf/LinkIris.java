package org.mlnews.rdf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.mlnews.issue.Entry;
import org.mlnews.issue.Issue;
import org.mlnews.issue.Link;
import org.mlnews.issue.Warning;

/**
 * Links found in an issue as IRIs for the graph. An issue's links are written by hand (or by a
 * machine translation) and may be anything: {@code javascript:alert(1)}, a relative path, a
 * space in the middle, an unbalanced bracket, 100 KB of text. A bad IRI in the graph would be
 * stored by TDB2 without complaint and then break every Turtle or N-Triples dump and every
 * client that reads one; so only these links become IRIs:
 * <ul>
 *   <li>absolute {@code http} or {@code https} URLs (no other scheme, nothing relative);
 *   <li>at most {@value #MAX_LENGTH} characters;
 *   <li>characters an IRI may not contain (spaces, controls, {@code <>"{}|\^`}, brackets outside
 *       the host, a second {@code #}, a {@code %} not followed by two hex digits) percent-encoded;
 *   <li>and then without any violation by Jena's IRI checker (the one its parsers warn with).
 * </ul>
 * Anything else is dropped, with a {@code bad-link} warning that says why.
 *
 * <pre>{@code
 * LinkIris.check("https://a.org/a b").iri();        // "https://a.org/a%20b"
 * LinkIris.check("javascript:alert(1)").problem();  // "uses the scheme 'javascript'; ..."
 * Issue clean = LinkIris.clean(issue);              // bad links dropped, with warnings
 * }</pre>
 */
public final class LinkIris {
  /** Longest link kept, in characters; browsers and servers commonly stop at 2 to 8 KB. */
  public static final int MAX_LENGTH = 4096;

  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
  private static final String HEX = "0123456789ABCDEF";

  private LinkIris() {}

  /**
   * The IRI a link becomes, or why it cannot be one.
   *
   * @param iri     the IRI (the link itself, or with offending characters percent-encoded), or null
   * @param problem why there is no IRI ("is not an absolute http(s) URL", ...), or null
   */
  public record Checked(String iri, String problem) {
    public boolean ok() {
      return iri != null;
    }
  }

  /** Checks, and where it can, repairs, one link. */
  public static Checked check(String url) {
    if (url == null || url.isBlank()) {
      return new Checked(null, "is empty");
    }
    String u = url.strip();
    if (u.length() > MAX_LENGTH) {
      return new Checked(null, String.format("is %,d characters long; links longer than %,d are not kept",
          u.length(), MAX_LENGTH));
    }
    Matcher m = SCHEME.matcher(u);
    if (!m.find()) {
      return new Checked(null, "is not an absolute http(s) URL");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new Checked(null, "uses the scheme '" + scheme + "'; only http and https links are kept");
    }
    if (!u.regionMatches(true, m.end(), "//", 0, 2)) {
      return new Checked(null, "has no host (an http(s) URL starts with " + scheme + "://)");
    }
    String repaired = encode(u, false);
    if (repaired.length() <= MAX_LENGTH && plain(repaired)) {
      return new Checked(repaired, null); // the common case, without the (slower) IRI checker
    }
    String problem = violation(repaired);
    if (problem != null) {
      // Some non-ASCII text (bidi marks, unassigned code points) is not allowed in an IRI either.
      String ascii = encode(u, true);
      if (violation(ascii) == null) {
        return new Checked(ascii, null);
      }
      return new Checked(null, "is not a valid IRI: " + problem);
    }
    if (repaired.length() > MAX_LENGTH) {
      return new Checked(null, String.format("is %,d characters long once encoded; links longer than %,d are not kept",
          repaired.length(), MAX_LENGTH));
    }
    return new Checked(repaired, null);
  }

  /** The link's IRI node, or null when the link cannot be one (see {@link #check}). */
  public static Node node(String url) {
    Checked c = check(url);
    return c.ok() ? NodeFactory.createURI(c.iri()) : null;
  }

  /**
   * The issue with every link checked: repaired links replaced, unusable ones (entry links and
   * the source URL) dropped, each drop a {@code bad-link} warning on the entry's line.
   */
  public static Issue clean(Issue issue) {
    var warnings = new ArrayList<Warning>();
    String source = issue.sourceUrl();
    if (source != null) {
      Checked c = check(source);
      if (!c.ok()) {
        warnings.add(new Warning("bad-link", "The source URL " + quote(source) + " " + c.problem()
            + "; it was dropped.", 0));
      }
      source = c.iri();
    }
    var entries = new ArrayList<Entry>(issue.entries().size());
    boolean changed = !java.util.Objects.equals(source, issue.sourceUrl());
    for (Entry e : issue.entries()) {
      var links = new ArrayList<Link>(e.links().size());
      for (Link l : e.links()) {
        Checked c = check(l.url());
        if (c.ok()) {
          links.add(c.iri().equals(l.url()) ? l : new Link(c.iri(), l.text()));
        } else {
          warnings.add(new Warning("bad-link", "The link " + quote(l.url()) + " of the entry "
              + quote(e.heading()) + " " + c.problem() + "; it was dropped.", e.line()));
        }
      }
      if (links.equals(e.links())) {
        entries.add(e);
      } else {
        changed = true;
        entries.add(new Entry(e.section(), e.sectionKind(), e.heading(), e.title(), e.summary(),
            e.kind(), dedupe(links), e.ids(), e.images(), e.topics(), e.editorsPick(), e.line()));
      }
    }
    if (!changed && warnings.isEmpty()) {
      return issue;
    }
    Issue cleaned = new Issue(issue.slug(), source, issue.title(), issue.language(), issue.week(),
        issue.month(), issue.issueNumber(), issue.coverageStart(), issue.sections(), entries,
        issue.navigation(), issue.warnings());
    return cleaned.withWarnings(warnings);
  }

  private static List<Link> dedupe(List<Link> links) {
    var seen = new java.util.LinkedHashMap<String, Link>();
    for (Link l : links) {
      seen.putIfAbsent(l.url(), l);
    }
    return List.copyOf(seen.values());
  }

  /** A link for a message: quoted, cut at 80 characters. */
  private static String quote(String s) {
    String t = s == null ? "" : s;
    if (t.length() > 80) {
      t = t.substring(0, Character.isHighSurrogate(t.charAt(79)) ? 79 : 80) + "…";
    }
    return "\"" + t + "\"";
  }

  /** Jena's complaint about an IRI, or null when it has none. */
  private static String violation(String iri) {
    try {
      IRIx x = IRIx.create(iri);
      if (!x.hasViolations()) {
        return null;
      }
      var first = new StringBuilder();
      x.handleViolations((error, message) -> {
        if (first.length() == 0) {
          first.append(message);
        }
      });
      return first.length() == 0 ? "rejected by the IRI checker" : first.toString();
    } catch (IRIException e) {
      return e.getMessage();
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage());
    }
  }

  /**
   * Percent-encodes what an IRI may not contain: controls, space, {@code <>"{}|\^`}, a {@code %}
   * that starts no escape, brackets after the host, a second {@code #}; with {@code ascii} also
   * every non-ASCII character (as UTF-8).
   */
  static String encode(String url, boolean ascii) {
    int authorityStart = url.indexOf("//") + 2;
    int authorityEnd = url.length();
    for (int i = authorityStart; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        authorityEnd = i;
        break;
      }
    }
    var sb = new StringBuilder(url.length() + 16);
    boolean fragment = false;
    for (int i = 0; i < url.length(); ) {
      int cp = url.codePointAt(i);
      int len = Character.charCount(cp);
      boolean encode;
      if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == ' ' || "<>\"{}|\\^`".indexOf(cp) >= 0) {
        encode = true;
      } else if (cp == '%') {
        encode = !(i + 2 < url.length() && isHex(url.charAt(i + 1)) && isHex(url.charAt(i + 2)));
      } else if (cp == '[' || cp == ']') {
        encode = i >= authorityEnd;
      } else if (cp == '#') {
        encode = fragment;
        fragment = true;
      } else if (cp > 0x7F) {
        encode = ascii || Character.isSurrogate((char) cp) || !Character.isDefined(cp)
            || Character.getType(cp) == Character.FORMAT || Character.getType(cp) == Character.PRIVATE_USE;
      } else {
        encode = false;
      }
      if (encode) {
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
        }
      } else {
        sb.appendCodePoint(cp);
      }
      i += len;
    }
    return sb.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
  /**
   * Whether an encoded link is a plain http(s) URL that is certainly a valid IRI: a DNS host name
   * (labels of letters, digits and inner hyphens), an optional port, then only unreserved
   * characters, sub-delimiters, {@code :@/?#} and {@code %} ({@link #encode} has already made
   * every {@code %} an escape and left at most one {@code #}). Most links are like this and skip
   * the slower IRI checker; LinkIrisTest checks against the checker that everything accepted
   * has no violation. A loop, not a regular expression: Java's regex engine recurses on repeated
   * groups, and a 4,000-character link overflowed the stack.
   */
  static boolean plain(String u) {
    int i;
    if (u.regionMatches(true, 0, "http://", 0, 7)) {
      i = 7;
    } else if (u.regionMatches(true, 0, "https://", 0, 8)) {
      i = 8;
    } else {
      return false;
    }
    int label = 0;
    char prev = '.';
    for (; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c == '/' || c == '?' || c == '#' || c == ':') {
        break;
      }
      if (c == '.') {
        if (label == 0 || prev == '-') {
          return false;
        }
        label = 0;
      } else if (isAlnum(c) || (c == '-' && label > 0)) {
        if (++label > 63) {
          return false;
        }
      } else {
        return false;
      }
      prev = c;
    }
    if (label == 0 || prev == '-') {
      return false;
    }
    if (i < u.length() && u.charAt(i) == ':') {
      int digits = 0;
      for (i++; i < u.length() && u.charAt(i) >= '0' && u.charAt(i) <= '9'; i++) {
        if (digits == 0 && u.charAt(i) == '0' || ++digits > 5) {
          return false;
        }
      }
      if (digits == 0 || (i < u.length() && "/?#".indexOf(u.charAt(i)) < 0)) {
        return false;
      }
    }
    for (; i < u.length(); i++) {
      char c = u.charAt(i);
      if (!isAlnum(c) && "-._~!$&'()*+,;=:@/?#%".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
}

package org.mlnews.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/**
 * Flattens the inline content of a block into a list of segments (text, link, image, line
 * break). The translation nests emphasis in ways that carry no meaning ("****[**x**](u)****"),
 * so emphasis is reduced to a flag on each segment and stray asterisks are dropped from text.
 */
final class Inlines {
  private Inlines() {}

  enum Kind { TEXT, LINK, IMAGE, BREAK }

  /**
   * One piece of inline content.
   *
   * @param text   visible text (for a link: its text, "" when empty; for a bare URL: the URL)
   * @param url    the href of a link, the source of an image, else null
   * @param strong whether it is (inside) strong emphasis
   * @param emph   whether it is (inside) emphasis: the translation italicises paper titles
   * @param bare   whether a link was found as a bare URL in text rather than as a Markdown link
   * @param line   1-based source line, 0 when unknown
   */
  record Seg(Kind kind, String text, String url, boolean strong, boolean emph, boolean bare, int line) {
    boolean isUrlLink() {
      return kind == Kind.LINK && (bare || text.isBlank() || Links.isUrlLike(text));
    }
  }

  /** Asterisks that are not between two word characters: emphasis the parser did not consume. */
  private static final Pattern STRAY_STARS = Pattern.compile("(?<![A-Za-z0-9_])\\*+|\\*+(?![A-Za-z0-9_])");

  /** Text with stray asterisks removed and whitespace collapsed. */
  static String clean(String s) {
    if (s == null) {
      return "";
    }
    // By hand where the regexes are not needed: this runs on every piece of text of every entry.
    String t = s.indexOf('*') < 0 ? s : STRAY_STARS.matcher(s).replaceAll("");
    if (isClean(t)) {
      return t;
    }
    var sb = new StringBuilder(t.length());
    boolean space = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (isCollapsed(c)) {
        space = true;
      } else {
        if (space) {
          sb.append(' ');
          space = false;
        }
        sb.append(c);
      }
    }
    if (space) {
      sb.append(' ');
    }
    return sb.toString().strip();
  }

  /**
   * Whether {@link #clean} would return {@code t} as it is: no whitespace at either end and none
   * inside but single spaces. Most texts are; they are then not copied.
   */
  private static boolean isClean(String t) {
    int n = t.length();
    if (n == 0 || Character.isWhitespace(t.charAt(0)) || Character.isWhitespace(t.charAt(n - 1))) {
      return n == 0;
    }
    for (int i = 1; i < n - 1; i++) {
      char c = t.charAt(i);
      if (isCollapsed(c) && (c != ' ' || t.charAt(i + 1) == ' ')) {
        return false;
      }
    }
    return true;
  }

  /** The whitespace {@link #clean} collapses: a run of it becomes one space. */
  private static boolean isCollapsed(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  static List<Seg> flatten(Node block) {
    var out = new ArrayList<Seg>();
    for (Node n = block.getFirstChild(); n != null; n = n.getNext()) {
      walk(n, false, false, lineOf(block), out);
    }
    return out;
  }

  /** Splits segments into lines at line breaks. */
  static List<List<Seg>> lines(List<Seg> segs) {
    var out = new ArrayList<List<Seg>>();
    var cur = new ArrayList<Seg>();
    for (Seg s : segs) {
      if (s.kind() == Kind.BREAK) {
        out.add(cur);
        cur = new ArrayList<>();
      } else {
        cur.add(s);
      }
    }
    out.add(cur);
    out.removeIf(List::isEmpty);
    return out;
  }

  /** The plain text of segments: text and link texts, URL-like link texts left out. */
  static String plain(List<Seg> segs) {
    var sb = new StringBuilder();
    for (Seg s : segs) {
      if (s.kind() == Kind.TEXT) {
        sb.append(s.text());
      } else if (s.kind() == Kind.LINK && !s.isUrlLink()) {
        sb.append(s.text());
      } else if (s.kind() == Kind.BREAK) {
        sb.append(' ');
      }
    }
    return clean(sb.toString());
  }

  /** 1-based first line of a node, or 0 when it has no source span. */
  static int lineOf(Node node) {
    for (Node n = node; n != null; n = n.getParent()) {
      List<SourceSpan> spans = n.getSourceSpans();
      if (spans != null && !spans.isEmpty()) {
        return spans.get(0).getLineIndex() + 1;
      }
    }
    return 0;
  }

  /** 1-based last line of a node, or 0 when it has no source span. */
  static int lastLineOf(Node node) {
    List<SourceSpan> spans = node.getSourceSpans();
    if (spans == null || spans.isEmpty()) {
      return lineOf(node);
    }
    return spans.get(spans.size() - 1).getLineIndex() + 1;
  }

  private static void walk(Node n, boolean strong, boolean emph, int fallbackLine, List<Seg> out) {
    int line = lineOf(n);
    if (line == 0) {
      line = fallbackLine;
    }
    if (n instanceof Text t) {
      addText(t.getLiteral(), strong, emph, line, out);
    } else if (n instanceof Code c) {
      addText(c.getLiteral(), strong, emph, line, out);
    } else if (n instanceof HtmlInline html) {
      // Inline HTML ("<script>", "<b>") is not markup in an issue: it stays text, as written,
      // and whoever shows it escapes it. No link is taken from inside a tag.
      out.add(new Seg(Kind.TEXT, html.getLiteral(), null, strong, emph, false, line));
    } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
      out.add(new Seg(Kind.BREAK, "\n", null, strong, emph, false, line));
    } else if (n instanceof Image img) {
      out.add(new Seg(Kind.IMAGE, textOf(img), img.getDestination(), strong, emph, false, line));
    } else if (n instanceof Link link) {
      boolean linkStrong = strong || hasStrong(link);
      // Images inside a link are still images of the entry.
      collectImages(link, linkStrong, line, out);
      String text = clean(textOf(link));
      int lastSpace = text.lastIndexOf(' ');
      String lastWord = lastSpace < 0 ? null : text.substring(lastSpace + 1);
      if (lastWord != null && Links.bareUrlMatcher(lastWord).matches() && !Links.isUrlLike(text)) {
        // "[的端到端全景分割 https://arxiv.org/abs/2012.00759](…)": the translation pulled the end
        // of a split title into the link's text, before its URL. The words are text, the URL the link.
        out.add(new Seg(Kind.TEXT, text.substring(0, lastSpace + 1), null, linkStrong, emph, false, line));
        text = lastWord;
      }
      out.add(new Seg(Kind.LINK, text, link.getDestination(), linkStrong, emph, false, line));
    } else {
      boolean s = strong || n instanceof StrongEmphasis;
      boolean e = emph || n instanceof Emphasis;
      for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
        walk(c, s, e, line, out);
      }
    }
  }

  /** Adds text, splitting off bare URLs as links (the translation often drops the link markup). */
  private static void addText(String literal, boolean strong, boolean emph, int line, List<Seg> out) {
    Matcher m = Links.bareUrlMatcher(literal);
    int at = 0;
    while (m.find()) {
      String url = Links.trimTrailing(m.group());
      if (m.start() > at) {
        out.add(new Seg(Kind.TEXT, literal.substring(at, m.start()), null, strong, emph, false, line));
      }
      out.add(new Seg(Kind.LINK, url, url, strong, emph, true, line));
      at = m.start() + url.length();
    }
    if (at < literal.length()) {
      out.add(new Seg(Kind.TEXT, literal.substring(at), null, strong, emph, false, line));
    }
  }

  private static void collectImages(Node n, boolean strong, int line, List<Seg> out) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Image img) {
        out.add(new Seg(Kind.IMAGE, textOf(img), img.getDestination(), strong, false, false, line));
      } else {
        collectImages(c, strong, line, out);
      }
    }
  }

  private static boolean hasStrong(Node n) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof StrongEmphasis || hasStrong(c)) {
        return true;
      }
    }
    return false;
  }

  /** The literal text under a node (no markup), images excluded. */
  static String textOf(Node n) {
    var sb = new StringBuilder();
    appendText(n, sb);
    return sb.toString();
  }

  private static void appendText(Node n, StringBuilder sb) {
    for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Text t) {
        sb.append(t.getLiteral());
      } else if (c instanceof Code code) {
        sb.append(code.getLiteral());
      } else if (c instanceof HtmlInline html) {
        sb.append(html.getLiteral());
      } else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) {
        sb.append(' ');
      } else if (!(c instanceof Image)) {
        appendText(c, sb);
      }
    }
  }
}

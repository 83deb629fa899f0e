package org.mlnews.markdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlnews.issue.Entry;
import org.mlnews.issue.EntryKind;
import org.mlnews.issue.Link;
import org.mlnews.issue.SectionKind;
import org.mlnews.markdown.Inlines.Kind;
import org.mlnews.markdown.Inlines.Seg;

/**
 * Collects one entry while the reader walks its blocks: the headline, then paragraphs that hold
 * the work's title (possibly split around its link), links, images, a link card, and prose.
 */
final class EntryBuilder {
  /** Longest line that can still be a title rather than a sentence of the summary. */
  private static final int MAX_TITLE = 220;
  /** Longest line ending in "。" that can still be a title. */
  private static final int SHORT_TITLE = 60;
  /** "图片引自本文" / "Image from the paper": captions, not summary. */
  private static final Pattern CAPTION = Pattern.compile(
      "(?i)^(这张)?(图片|图像|图)[^。]{0,12}(引自|来自|来源).{0,30}|^(image|figure|fig\\.|source)\\s*(from|:|quoted).{0,60}");

  /**
   * "【DeepMind 科学家:...——tech talks】", or in English "[YOLOX: Exceeding YOLO Series in 2021]":
   * a work's title in brackets, alone on its line; under a link card, the linked page's title
   * repeated. (ASCII brackets need a letter inside: "[1]" is a footnote mark.)
   */
  private static final Pattern CARD_ECHO = Pattern.compile("^(?:【[^【】]*】|\\[[^\\[\\]]*\\p{L}[^\\[\\]]*\\])$");
  /**
   * Debris the translation leaves beside a work's link: "T21", "T22", "T3" on a line of their own
   * or glued to the end of the title (from a link's text), brackets emptied of their URL ("【】"),
   * and an unclosed "【" where a bracketed URL was cut from the title's line.
   */
  private static final Pattern DEBRIS_LINE = Pattern.compile("^T\\d{1,2}$");
  private static final Pattern DEBRIS_TAIL = Pattern.compile("(?:【\\s*】|(?<=[\\p{IsHan}】])T\\d{1,2}|【)\\s*$");
  /**
   * "[您只需要补丁？| OpenReview]": a link card's page title, the work's title then the site's
   * name, where the translation dropped the card.
   */
  private static final Pattern CARD_PAGE_TITLE = Pattern.compile(
      "^[\\[【]?\\s*([^|｜\\[\\]【】]{2,200}?)\\s*[|｜]\\s*([A-Za-z][A-Za-z0-9 .]{1,30}?)\\s*[\\]】]?$");
  /**
   * "…——silicon angle", "… - TechHQ", "…| Lambda": a linked page's title, with its site's name
   * after a dash or a bar, as a card gives it.
   */
  private static final Pattern SITE_SUFFIX = Pattern.compile(
      "^(.{8,}?)\\s*(?:——|—|–|\\s?-\\s|[|｜])\\s*([A-Za-z][A-Za-z0-9 .]{2,30})$");
  /** A sentence end followed by another sentence: running text, not a title. */
  private static final Pattern SENTENCE_BREAK = Pattern.compile(".*[.!?]\\s+[A-Z].*");

  final int section;
  final SectionKind sectionKind;
  String heading;
  final int line;
  private String title;
  private final List<String> summary = new ArrayList<>();
  private final Map<String, String> links = new LinkedHashMap<>();
  private final Identifiers ids = new Identifiers();
  private final List<String> images = new ArrayList<>();
  boolean editorsPick;

  EntryBuilder(int section, SectionKind sectionKind, String heading, int line) {
    this.section = section;
    this.sectionKind = sectionKind;
    this.heading = heading == null ? "" : heading;
    this.line = line;
  }

  /** Adds a link that identifies the work (headline, title line, card): it may carry an id. */
  void addPrimaryLink(String href, String text) {
    String url = addLink(href, text);
    if (url != null) {
      ids.addFromUrl(url);
    }
  }

  /** Adds a link; returns the normalised URL or null when there was none. */
  String addLink(String href, String text) {
    String url = Links.normalize(href);
    if (url == null || url.startsWith("img/")) {
      return null;
    }
    String t = text == null || text.isBlank() ? null : Inlines.clean(text);
    if (t != null && t.isEmpty()) {
      t = null;
    }
    String had = links.get(url);
    // The first text wins, except that words beat a bare domain ("mondaynote.com") or none.
    if (had == null || (t != null && Links.isDomainLike(had) && !Links.isDomainLike(t))) {
      links.put(url, t);
    }
    return url;
  }

  void addImage(String src) {
    if (src != null && !src.isBlank() && !images.contains(src)) {
      images.add(src.strip());
    }
  }

  void addId(String scheme, String value) {
    ids.add(scheme, value);
  }

  void addCard(String href, String cardTitle) {
    String t = Inlines.clean(cardTitle);
    addPrimaryLink(href, t);
    if (title == null && !t.isEmpty()) {
      title = t;
    }
  }

  /** Adds the segments of a heading node or a headline paragraph: all their links identify the work. */
  void addHeadlineSegments(List<Seg> segs) {
    for (Seg s : segs) {
      if (s.kind() == Kind.LINK) {
        addPrimaryLink(s.url(), s.bare() ? null : s.text());
      } else if (s.kind() == Kind.IMAGE) {
        addImage(s.url());
      }
    }
  }

  /**
   * Adds a paragraph. Line by line: an "[id]" prefixed line or a line with a URL link is a title
   * line (the text before the link on the previous line completes a split title); other lines
   * are prose.
   */
  void addParagraph(List<Seg> segs) {
    if (title == null && summary.isEmpty() && isItalicLine(segs)) {
      // "*教一个甘什么不学*" alone, before any prose: the translation italicises a work's title,
      // and sets it off from its link (or has none) by a blank line.
      String plain = Inlines.plain(segs);
      if (isTitleish(plain) && !CAPTION.matcher(plain).find()) {
        setTitle(plain);
        return;
      }
    }
    String pending = null;
    boolean titleMayContinue = false;
    for (List<Seg> lineSegs : Inlines.lines(segs)) {
      String plain = withoutDebris(Inlines.plain(lineSegs));
      if (plain.isEmpty() && lineSegs.stream().noneMatch(s -> s.kind() == Kind.LINK || s.kind() == Kind.IMAGE)) {
        continue;
      }
      if (titleMayContinue && continuesTitle(lineSegs, plain)) {
        // "[2101.11782]通过消除启发式 url\n[NMS](url)简化了目标检测": the title goes on after its link.
        title = title + joiner(title, plain) + plain;
        addLinks(lineSegs, true);
        titleMayContinue = false;
        continue;
      }
      titleMayContinue = false;
      boolean urlish = false;
      for (Seg s : lineSegs) {
        if (s.kind() == Kind.IMAGE) {
          addImage(s.url());
        } else if (s.kind() == Kind.LINK && s.isUrlLink()) {
          urlish = true;
        }
      }
      Identifiers.TitlePrefix prefix = Identifiers.titlePrefix(plain);
      boolean caption = CAPTION.matcher(plain).find() && plain.length() < 80;
      if (prefix != null) {
        ids.add("arxiv", prefix.arxiv());
        addLinks(lineSegs, true);
        flushPending(pending);
        pending = null;
        String rest = prefix.rest();
        String tail = unemphasisedTail(lineSegs);
        if (tail != null) {
          // "*【2102.02779】title* summary…": the italics end the title.
          rest = Inlines.clean(rest.substring(0, Math.max(0, rest.length() - tail.length())));
          setTitle(rest);
          summary.add(tail);
        } else {
          boolean wasUntitled = title == null;
          setTitle(rest);
          titleMayContinue = wasUntitled && title != null;
        }
      } else if (urlish && isTitleish(plain) && !caption) {
        String candidate = plain;
        if (pending != null && isTitleish(pending)) {
          candidate = (pending + joiner(pending, plain) + plain).strip();
          pending = null;
        }
        flushPending(pending);
        pending = null;
        addLinks(lineSegs, true);
        if (candidate.codePoints().anyMatch(Character::isLetterOrDigit)) {
          if (title == null) {
            setTitle(candidate);
          } else {
            summary.add(candidate);
          }
        }
      } else if (title == null && isTitleish(plain) && worksLink(lineSegs) != null) {
        // "[训练数据高效的图像变形金刚&通过注意力蒸馏](https://arxiv.org/abs/2012.12877)" on a
        // line of its own: the paper's link, worded with its title.
        flushPending(pending);
        pending = null;
        addLinks(lineSegs, true);
        setTitle(plain);
      } else {
        flushPending(pending);
        pending = null;
        addLinks(lineSegs, false);
        if (caption) {
          continue;
        }
        String pageTitle = urlish ? null : cardPageTitle(plain);
        if (pageTitle != null) {
          if (title == null) {
            setTitle(pageTitle);
          }
          continue;
        }
        if (CARD_ECHO.matcher(plain).matches()) {
          // "*【通过对均匀和再平衡样本的协作训练进行长尾多标签视觉识别】*": the work's title in the
          // layout "【2104.00466】title" has, without an id; under a card that named it, a repeat.
          if (title == null) {
            setTitle(plain.substring(1, plain.length() - 1));
          }
          continue;
        }
        ids.addFromText(plain);
        if (urlish) {
          summary.add(plain);
        } else {
          pending = plain;
        }
      }
    }
    flushPending(pending);
  }

  /** Adds the text and links of a list inside an entry: prose for the summary. */
  void addProse(List<Seg> segs) {
    addLinks(segs, false);
    for (Seg s : segs) {
      if (s.kind() == Kind.IMAGE) {
        addImage(s.url());
      }
    }
    String plain = Inlines.plain(segs);
    if (!plain.isEmpty()) {
      summary.add(plain);
    }
  }

  private void addLinks(List<Seg> segs, boolean primary) {
    for (Seg s : segs) {
      if (s.kind() != Kind.LINK) {
        continue;
      }
      String text = s.bare() ? null : s.text();
      if (primary) {
        addPrimaryLink(s.url(), text);
      } else {
        addLink(s.url(), text);
      }
    }
  }

  private void flushPending(String pending) {
    if (pending != null && !pending.isEmpty()) {
      summary.add(pending);
    }
  }

  /** The text without the translation's debris at its end ({@link #DEBRIS_TAIL}), or "" for a debris line. */
  static String withoutDebris(String text) {
    String t = text;
    // Every piece of debris ends in a digit or a bracket: most lines end in neither, and skip the
    // regexes (which run on every line of every entry).
    int last = t.length() - 1;
    while (last >= 0 && (Character.isWhitespace(t.charAt(last)) || t.charAt(last) == '\u0085')) {
      last--;
    }
    if (last < 0 || !(Character.isDigit(t.charAt(last)) || t.charAt(last) == '】' || t.charAt(last) == '【')) {
      return t;
    }
    if (DEBRIS_LINE.matcher(t).matches()) {
      return "";
    }
    for (Matcher m = DEBRIS_TAIL.matcher(t); m.find() && m.start() > 0; m = DEBRIS_TAIL.matcher(t)) {
      t = t.substring(0, m.start()).stripTrailing();
    }
    return t;
  }

  private void setTitle(String t) {
    String cleaned = withoutDebris(Inlines.clean(t));
    if (!cleaned.codePoints().anyMatch(Character::isLetterOrDigit)) {
      return; // "【" left over from "【https://arxiv.org/abs/…": no title there
    }
    if (title == null && !cleaned.isEmpty()) {
      title = cleaned;
    } else if (!cleaned.isEmpty()) {
      summary.add(cleaned);
    }
  }

  /**
   * The work's title in a line "TITLE | Site" whose site names the host of one of the entry's
   * links ("OpenReview" for openreview.net), else null.
   */
  private String cardPageTitle(String plain) {
    if (plain.indexOf('|') < 0 && plain.indexOf('｜') < 0) {
      return null; // no bar, no site name: the regex's lazy group would try every length first
    }
    var m = CARD_PAGE_TITLE.matcher(plain);
    if (!m.matches()) {
      return null;
    }
    return namesALinksHost(m.group(2)) ? m.group(1) : null;
  }

  /** Whether a site's name, as a card gives it ("silicon angle", "OpenReview"), is in the host of one of the links. */
  private boolean namesALinksHost(String site) {
    String name = site.replaceAll("[ .]", "").toLowerCase(java.util.Locale.ROOT);
    return links.keySet().stream().anyMatch(url -> Links.host(url).replace(".", "").contains(name));
  }

  /** The one worded link to a paper's page that makes up the whole line, else null. */
  private static Seg worksLink(List<Seg> lineSegs) {
    Seg link = null;
    for (Seg s : lineSegs) {
      if (s.kind() == Kind.LINK && link == null) {
        link = s;
      } else if (s.kind() != Kind.TEXT || !Inlines.clean(s.text()).isEmpty()) {
        return null;
      }
    }
    return link != null && !link.isUrlLink() && !link.bare() && Links.isPaperHost(link.url()) ? link : null;
  }

  /** One line of italic text only: no link, no image, no roman words. */
  private static boolean isItalicLine(List<Seg> segs) {
    boolean words = false;
    for (Seg s : segs) {
      if (s.kind() != Kind.TEXT) {
        return false;
      }
      if (!Inlines.clean(s.text()).isEmpty()) {
        if (!s.emph()) {
          return false;
        }
        words = true;
      }
    }
    return words;
  }

  /** A short line that starts with a worded link and is no sentence: the rest of a split title. */
  private static boolean continuesTitle(List<Seg> lineSegs, String plain) {
    Seg first = lineSegs.isEmpty() ? null : lineSegs.get(0);
    return first != null && first.kind() == Kind.LINK && !first.isUrlLink()
        && plain.length() <= 60 && !plain.contains("。") && !plain.contains(". ");
  }

  /**
   * When a line starts in italics and continues in roman, the roman rest (cleaned), else null.
   */
  private static String unemphasisedTail(List<Seg> lineSegs) {
    int i = 0;
    while (i < lineSegs.size() && lineSegs.get(i).kind() == Kind.TEXT
        && Inlines.clean(lineSegs.get(i).text()).isEmpty()) {
      i++;
    }
    if (i >= lineSegs.size() || !lineSegs.get(i).emph()) {
      return null;
    }
    while (i < lineSegs.size() && lineSegs.get(i).emph()) {
      i++;
    }
    String tail = Inlines.plain(lineSegs.subList(i, lineSegs.size()));
    return tail.isEmpty() ? null : tail;
  }

  /** Chinese halves join without a space; Latin words need one. */
  private static String joiner(String left, String right) {
    if (left.isEmpty() || right.isEmpty()) {
      return "";
    }
    char a = left.charAt(left.length() - 1);
    char b = right.charAt(0);
    // The translation sets Latin words off from Chinese with spaces ("PCA 作为"), Chinese not.
    return isCjk(a) && isCjk(b) || Character.isWhitespace(a) ? "" : " ";
  }

  private static boolean isCjk(char c) {
    return c >= 0x2E80;
  }

  private static boolean isTitleish(String plain) {
    // A full stop inside a line ends a sentence; a short line without a comma may still be a
    // title the translation ended with one ("扩散网:使用深度学习加速求解依赖于时间的偏微分方程。").
    int stop = plain.indexOf('。');
    boolean stopped = stop >= 0
        && (stop < plain.length() - 1 || plain.length() > SHORT_TITLE || plain.indexOf('，') >= 0);
    return plain.length() <= MAX_TITLE && !stopped && !SENTENCE_BREAK.matcher(plain).matches();
  }

  boolean hasLinks() {
    return !links.isEmpty();
  }

  List<String> linkUrls() {
    return new ArrayList<>(links.keySet());
  }

  /** The links, URL to text (null where there was none), in the order found. */
  Map<String, String> links() {
    return java.util.Collections.unmodifiableMap(links);
  }

  Identifiers ids() {
    return ids;
  }

  String title() {
    return title;
  }

  /** The title without a site's name after it, when that name is the host of one of the links. */
  private String withoutSiteName(String t) {
    Matcher m = t == null ? null : SITE_SUFFIX.matcher(t);
    return m != null && m.matches() && namesALinksHost(m.group(2)) ? m.group(1) : t;
  }

  Entry build() {
    var linkList = new ArrayList<Link>();
    links.forEach((u, t) -> linkList.add(new Link(u, t)));
    EntryKind kind;
    if (!ids.isEmpty()) {
      kind = EntryKind.PAPER;
    } else if (links.isEmpty()) {
      kind = EntryKind.OTHER;
    } else if (sectionKind == SectionKind.PAPERS
        && links.keySet().stream().anyMatch(u -> Links.isPaperHost(u) || Links.isPdf(u))) {
      // Under the papers heading, a PDF on an author's or a workshop's site is the paper.
      kind = EntryKind.PAPER;
    } else {
      kind = EntryKind.ARTICLE;
    }
    String h = heading;
    if (h == null || h.isBlank()) {
      h = title != null ? title
          : linkList.stream().map(Link::text).filter(t -> t != null && !Links.isDomainLike(t))
              .findFirst().orElse(linkList.isEmpty() ? "" : linkList.get(0).url());
    }
    String sum = summary.isEmpty() ? null : Inlines.clean(String.join(" ", summary));
    if (sum != null && sum.isEmpty()) {
      sum = null;
    }
    return new Entry(section, sectionKind, h, withoutSiteName(title), sum, kind, linkList, ids.asMap(), images,
        List.of(), editorsPick, line);
  }
}

package org.mlnews.markdown;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.ThematicBreak;
import org.mlnews.issue.Entry;
import org.mlnews.issue.Issue;
import org.mlnews.issue.NavLink;
import org.mlnews.issue.Section;
import org.mlnews.issue.SectionKind;
import org.mlnews.issue.Warning;
import org.mlnews.issue.WeekRef;
import org.mlnews.markdown.Inlines.Kind;
import org.mlnews.markdown.Inlines.Seg;
import org.mlnews.time.DateChecks;
import org.mlnews.time.NewsletterCalendar;

/**
 * The state of reading one document: created per call by {@link IssueReader}, used once, never
 * shared. It walks the top-level blocks in order with a small mode machine (preamble, picks,
 * navigation, numbered sections, footer) because the newsletter's structure is a flat sequence of
 * headings and paragraphs, not a tree.
 */
final class DocumentReader {
  private enum Mode { PREAMBLE, PICKS, DIGEST, CONTENTS, NAV, PAST, FOOTER, SECTION }

  private static final Pattern YEAR = Pattern.compile("(20\\d\\d)");
  private static final Pattern SECTION_HEADING = Pattern.compile("^(\\d{1,2})\\s*[.．、]\\s*(\\D.*)$");
  private static final Pattern SEPARATOR = Pattern.compile("^[—–\\-_ ]+$");
  private static final Pattern PICKS = Pattern.compile("(?i)编辑精选|editor'?s'? ?pick");
  private static final Pattern FEATURED = Pattern.compile("(?i)特稿|^featured|^news\\b|featured ?/ ?news");
  private static final Pattern NAV = Pattern.compile("(?i)过去的文章|past articles");
  private static final Pattern PAST = Pattern.compile("(?i)过去的时事通讯|past newsletters?|previous newsletters?|过去的通讯");
  private static final Pattern FOOTER = Pattern.compile(
      "(?i)推特|twitter|关于我|about me|订阅|subscribe|其他博客|other blogs?|newsletter|我的 ?github|my github");
  private static final Pattern CONTENTS = Pattern.compile("(?i)^(主题|内容|目录|contents?|topics|table of contents)[:：]?$");
  private static final Pattern SOURCE = Pattern.compile("(?i)^\\s*(原文|original|source)\\s*[:：]\\s*<?(\\S+?)>?\\s*$");
  private static final Pattern CARD_START = Pattern.compile("^\\s*(?:\\[\\]\\((\\S+?)\\)\\s*)?\\[##\\s*(.*)$", Pattern.DOTALL);
  private static final Pattern CARD_END = Pattern.compile("^([^\\[\\]]*?)\\]\\((\\S+?)\\)\\s*(.*)$", Pattern.DOTALL);
  private static final Pattern CARD_IN_TEXT = Pattern.compile("\\[\\]\\((\\S+?)\\)\\s*\\[##\\s*([^\\n]*)");
  private static final Pattern ANY_HREF = Pattern.compile("\\]\\((\\S+?)\\)");
  private static final Pattern SUMMARY_LINK = Pattern.compile(
      "(?i)摘要|汇总|总结|summary|\\d{4}\\s*年\\s*\\d{1,2}\\s*月(?!.*周)|(january|february|march|april|may|june|july|august|september|october|november|december)[- ]\\d{4}");
  private static final Pattern THIS_POST = Pattern.compile("(?i)本帖|this post");
  private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}]");
  /** "第 47 周", "week 47": a week by its number alone. */
  private static final Pattern WEEK_NUMBER = Pattern.compile("(?i)(?:第\\s*(\\d{1,2})\\s*周|week\\s*(\\d{1,2}))");
  /** "arxiv.org相同": a domain, then words the translation moved behind it (group 3). */
  /** "headline—mathai-iclr . github . io", "headline—": one em dash, then a domain or nothing. */
  private static final Pattern SINGLE_DASH_TAIL = Pattern.compile("^(.*?[^—])\\s*—(?!—)\\s*([^—]*)$");
  private static final Pattern DOMAIN_THEN_WORDS =
      Pattern.compile("^【?([a-zA-Z0-9-]+( ?\\. ?[a-zA-Z0-9-]+)+)】?\\s*(.*)$");
  // Section titles by kind, in either language (matched against the cleaned, lower-cased title).
  private static final Pattern KIND_FEATURED = Pattern.compile(".*(特稿|featured).*");
  private static final Pattern KIND_NEWS = Pattern.compile("^(本周|本月)?(新闻|news)[。.]?$");
  private static final Pattern KIND_USE_CASES =
      Pattern.compile(".*(用例|应用的例子|应用实例|使用案例|使用 ?cas|use ?cases?|real[- ]world|现实世界).*");
  private static final Pattern KIND_ARTICLES = Pattern.compile(".*(技术文章|相关文章|\\barticles?\\b).*");
  private static final Pattern KIND_PAPERS = Pattern.compile(".*(论文|报纸|papers?).*");
  private static final Pattern KIND_OTHER_TOPICS = Pattern.compile(".*(其他主题|其他话题|other topics?).*");

  private final String slug;
  private final Path file;
  private final String[] source;

  private Mode mode = Mode.PREAMBLE;
  private String title;
  private int titleLine;
  private String sourceUrl;
  private final List<Section> sections = new ArrayList<>();
  private final Set<Integer> sectionNumbers = new HashSet<>();
  private Section section;
  private final List<EntryBuilder> entries = new ArrayList<>();
  private EntryBuilder entry;
  private final List<NavLink> navigation = new ArrayList<>();
  private final List<Warning> warnings = new ArrayList<>();
  /** Match keys and identifiers of everything the picks/featured blocks link to. */
  private final Set<String> pickKeys = new HashSet<>();
  private final Identifiers pickIds = new Identifiers();
  private final List<EntryBuilder> pickItems = new ArrayList<>();
  /** Week and coverage date from the intro ("2020 年第 41 周(10 月 4 日~)"). */
  private WeekRef introWeek;
  private int introLine;
  private IssueFacts.MonthDay introDate;
  private int introDateLine;
  /** An open link card: its href so far and title, waiting for its closing "domain](url)". */
  private String cardHref;
  private String cardTitle;
  private int cardBlocks;

  DocumentReader(String slug, Path file, String text) {
    this.slug = slug;
    this.file = file;
    this.source = text.lines().toArray(String[]::new); // the line breaks commonmark knows
  }

  Issue read(Node document, Heading titleHeading) {
    title = Inlines.clean(Inlines.textOf(titleHeading));
    titleLine = Inlines.lineOf(titleHeading);
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block == titleHeading) {
        continue;
      }
      block(block);
    }
    closeEntry();
    return finish();
  }

  // ---------------------------------------------------------------- blocks

  private void block(Node block) {
    if (block instanceof Heading h) {
      heading(h);
    } else if (block instanceof Paragraph p) {
      paragraph(p);
    } else if (block instanceof ListBlock list) {
      list(list);
    } else if (block instanceof ThematicBreak) {
      separator();
    } else if (block instanceof BlockQuote quote) {
      for (Node c = quote.getFirstChild(); c != null; c = c.getNext()) {
        block(c);
      }
    } else if (mode == Mode.SECTION) {
      // Code and HTML blocks have no place in an issue: keep them visible as warnings.
      warn("not-understood", "A " + describe(block) + " inside section " + sectionLabel()
          + " could not be attached to an entry.", Inlines.lineOf(block));
    }
  }

  private void heading(Heading h) {
    String text = Inlines.clean(Inlines.textOf(h));
    int line = Inlines.lineOf(h);
    if (SEPARATOR.matcher(text).matches() && !text.isBlank()) {
      separator();
      return;
    }
    if (cardHref != null || cardTitle != null) {
      if (h.getLevel() >= 3 && cardBlocks < 3) {
        cardBlocks++; // the card's description line
        return;
      }
      abandonCard();
    }
    Matcher sm = SECTION_HEADING.matcher(text);
    if (sm.matches() && h.getLevel() <= 2) {
      startSection(Integer.parseInt(sm.group(1)), sm.group(2).strip(), line);
      return;
    }
    if (special(text, line)) {
      return;
    }
    if (mode == Mode.SECTION) {
      closeEntry();
      entry = new EntryBuilder(section.number(), section.kind(), text, line);
      entry.addHeadlineSegments(Inlines.flatten(h));
      return;
    }
    if (sections.isEmpty()) {
      // A heading in the preamble that is no known block: a digest ("现实世界中的机器学习") or a
      // week line ("## 2021 年第 9 周(2 月 22 日~)").
      noteIntro(text, line);
      mode = Mode.DIGEST;
    }
  }

  /** Switches mode for the known non-entry blocks; returns whether the text named one. */
  private boolean special(String text, int line) {
    Mode next = null;
    if (PICKS.matcher(text).find()) {
      next = Mode.PICKS;
    } else if (NAV.matcher(text).find()) {
      next = Mode.NAV;
    } else if (PAST.matcher(text).find()) {
      next = Mode.PAST;
    } else if (FOOTER.matcher(text).find()) {
      next = Mode.FOOTER;
    } else if (CONTENTS.matcher(text).matches()) {
      next = Mode.CONTENTS;
    } else if (sections.isEmpty() && FEATURED.matcher(text).find()) {
      next = Mode.PICKS;
    }
    if (next == null) {
      return false;
    }
    closeEntry();
    mode = next;
    return true;
  }

  private void paragraph(Paragraph p) {
    String raw = rawText(p);
    String text = Inlines.clean(raw);
    int line = Inlines.lineOf(p);
    if (SEPARATOR.matcher(text).matches() && !text.isBlank()) {
      separator();
      return;
    }
    if (mode == Mode.PAST) {
      pastNewsletters(raw, line);
      return;
    }
    if (cardHref != null || cardTitle != null) {
      if (closeCard(raw)) {
        return;
      }
    }
    switch (mode) {
      case PREAMBLE, DIGEST, CONTENTS -> preambleParagraph(p, raw, text, line);
      case PICKS -> {
        if (!special(text, line)) {
          picks(Inlines.flatten(p), line);
        }
      }
      case NAV -> nav(p);
      case FOOTER -> { }
      case SECTION -> sectionParagraph(p, raw, line);
      default -> { }
    }
  }

  private void preambleParagraph(Paragraph p, String raw, String text, int line) {
    Matcher src = SOURCE.matcher(text);
    if (src.matches() && sourceUrl == null) {
      String url = Links.normalize(raw.replaceAll("(?s).*?<?(https?://[^>\\s]+)>?.*", "$1"));
      sourceUrl = Links.withoutQuery(url);
      return;
    }
    if (sections.isEmpty() && text.length() < 40 && special(text, line)) {
      return; // "本周特稿/新闻。" written as a paragraph
    }
    noteIntro(text, line);
  }

  /** Records the intro's week and coverage date (the first seen wins). */
  private void noteIntro(String text, int line) {
    if (introWeek == null && !sections.isEmpty()) {
      return;
    }
    WeekRef w = IssueFacts.week(text);
    if (w != null && introWeek == null) {
      introWeek = w;
      introLine = line;
    }
    IssueFacts.MonthDay md = IssueFacts.coverageMonthDay(text);
    if (md != null && introDate == null) {
      introDate = md;
      introDateLine = line;
    }
  }

  private void sectionParagraph(Paragraph p, String raw, int line) {
    String stripped = raw.replace("*", "");
    Matcher card = CARD_START.matcher(stripped);
    if (card.matches()) {
      if (entry == null) {
        // A card with no headline of its own: the card is the entry.
        entry = new EntryBuilder(section.number(), section.kind(), "", line);
        entries.add(entry);
      }
      openCard(card.group(1), card.group(2), line);
      return;
    }
    List<Seg> segs = Inlines.flatten(p);
    String headline = headline(segs);
    if (headline != null) {
      closeEntry();
      entry = new EntryBuilder(section.number(), section.kind(), headline, line);
      entry.addHeadlineSegments(segs);
      return;
    }
    if (entry == null) {
      String plain = Inlines.plain(segs);
      if (plain.length() < 60 && FOOTER.matcher(plain).find()) {
        mode = Mode.FOOTER; // "我的 github 上许多论文的摘要。": self-promotion after the last entry
        return;
      }
      if (!plain.isEmpty() || segs.stream().anyMatch(s -> s.kind() != Kind.TEXT)) {
        warn("not-understood", "Text in section " + sectionLabel()
            + " comes before any entry heading and was not attached to an entry.", line);
      }
      return;
    }
    entry.addParagraph(segs);
  }

  private void list(ListBlock list) {
    switch (mode) {
      case PICKS -> {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          picks(flattenItem(item), Inlines.lineOf(item));
        }
      }
      case NAV -> {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
          for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof Paragraph p) {
              nav(p);
            }
          }
        }
      }
      case SECTION -> {
        if (entry == null) {
          warn("not-understood", "A list in section " + sectionLabel()
              + " comes before any entry heading and was not attached to an entry.",
              Inlines.lineOf(list));
        } else {
          for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            entry.addProse(flattenItem(item));
          }
        }
      }
      default -> { } // contents lists, digests, footers
    }
  }

  private static List<Seg> flattenItem(Node item) {
    var segs = new ArrayList<Seg>();
    for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
      if (c instanceof Paragraph || c instanceof Heading) {
        if (!segs.isEmpty()) {
          segs.add(new Seg(Kind.BREAK, "\n", null, false, false, false, Inlines.lineOf(c)));
        }
        segs.addAll(Inlines.flatten(c));
      } else if (c instanceof ListBlock nested) {
        for (Node n = nested.getFirstChild(); n != null; n = n.getNext()) {
          segs.add(new Seg(Kind.BREAK, "\n", null, false, false, false, Inlines.lineOf(n)));
          segs.addAll(flattenItem(n));
        }
      }
    }
    return segs;
  }

  private void separator() {
    abandonCard();
    switch (mode) {
      case SECTION -> closeEntry();
      case PICKS, DIGEST, CONTENTS, NAV, PAST -> mode = sections.isEmpty() ? Mode.PREAMBLE : Mode.FOOTER;
      default -> { }
    }
  }

  // ---------------------------------------------------------------- sections and entries

  private void startSection(int number, String sectionTitle, int line) {
    closeEntry();
    abandonCard();
    SectionKind kind = sectionKind(sectionTitle);
    if (kind == SectionKind.UNKNOWN) {
      warn("section-unknown", "Section " + number + " \"" + sectionTitle
          + "\" is not one of the known kinds.", line);
    }
    if (!sectionNumbers.add(number)) {
      warn("duplicate-section-number", "Section number " + number
          + " is used a second time, by \"" + sectionTitle + "\".", line);
    }
    section = new Section(number, sectionTitle, kind, line);
    sections.add(section);
    mode = Mode.SECTION;
  }

  /** The normalised kind of a section title, in either language. */
  static SectionKind sectionKind(String title) {
    String t = Inlines.clean(title).toLowerCase(Locale.ROOT);
    if (KIND_FEATURED.matcher(t).matches() || KIND_NEWS.matcher(t).matches()) {
      return SectionKind.FEATURED;
    }
    if (KIND_USE_CASES.matcher(t).matches()) {
      return SectionKind.USE_CASES;
    }
    if (KIND_ARTICLES.matcher(t).matches()) {
      return SectionKind.ARTICLES;
    }
    if (KIND_PAPERS.matcher(t).matches()) {
      return SectionKind.PAPERS;
    }
    if (KIND_OTHER_TOPICS.matcher(t).matches()) {
      return SectionKind.OTHER;
    }
    return SectionKind.UNKNOWN;
  }

  private void closeEntry() {
    abandonCard();
    if (entry != null && !entries.contains(entry)) {
      entries.add(entry);
    }
    entry = null;
  }

  /**
   * The headline of a paragraph that starts an entry in the continuation's layout
   * ("[**ViT 的鲁棒性**](url)", "[**x**](url)——[**arxiv.org**](url)"), or null when the
   * paragraph is not one.
   */
  private static String headline(List<Seg> segs) {
    if (Inlines.lines(segs).size() != 1) {
      return null;
    }
    Seg first = null;
    boolean hasLink = false;
    var sb = new StringBuilder();
    for (Seg s : segs) {
      if (s.kind() == Kind.LINK && !s.bare()) {
        hasLink = true;
      }
      if (first == null && !(s.kind() == Kind.TEXT && Inlines.clean(s.text()).isEmpty())) {
        first = s;
      }
      if (s.kind() == Kind.TEXT || s.kind() == Kind.LINK) {
        sb.append(s.kind() == Kind.LINK && s.text().isEmpty() ? "\u0000" : s.text());
      }
    }
    if (!hasLink || first == null) {
      return null;
    }
    String all = Inlines.clean(sb.toString().replace("\u0000", " "));
    boolean dash = all.contains("——");
    boolean startsWithStrongLink = first.kind() == Kind.LINK && !first.bare() && first.strong()
        && !Links.isUrlLike(first.text()) && !first.text().isEmpty();
    if (!(startsWithStrongLink || (dash && all.length() <= 120))) {
      return null;
    }
    if (all.length() > 160) {
      return null;
    }
    // A single "—" before the domain, or left at the end where the domain's link lost its text.
    Matcher single = SINGLE_DASH_TAIL.matcher(all);
    if (single.matches() && (single.group(2).isBlank() || Links.isDomainLike(single.group(2)))) {
      all = single.group(1);
    }
    // Drop the "—— domain" the newsletter puts after the headline link.
    var parts = new ArrayList<String>();
    for (String part : all.split("——")) {
      String p = part.strip();
      if (p.isEmpty() || Links.isDomainLike(p)) {
        continue;
      }
      // "arxiv.org相同": a domain with the headline's last word moved behind it by the translation.
      Matcher m = DOMAIN_THEN_WORDS.matcher(p);
      if (m.matches() && Links.isDomainLike(m.group(1))) {
        // Keep only words the translation moved there; "【newatlas.com】T21" is debris, and with
        // no headline before it (the headline link's text left empty) it is no headline either.
        p = !parts.isEmpty() && CJK.matcher(m.group(3)).find() ? m.group(3) : "";
      }
      if (!p.isEmpty()) {
        parts.add(p);
      }
    }
    return String.join("", parts).strip();
  }

  // ---------------------------------------------------------------- link cards

  private void openCard(String href, String titleText, int line) {
    cardHref = href;
    cardTitle = titleText == null ? "" : titleText.strip();
    cardBlocks = 0;
    // A whole card on one line: "[](u) [## title ... domain](u)".
    Matcher end = CARD_END.matcher(cardTitle);
    if (cardTitle.contains("](")) {
      int cut = cardTitle.indexOf("](");
      String rest = cardTitle.substring(0, cut);
      if (end.matches()) {
        cardTitle = rest.split("\n")[0];
        finishCard(end.group(2));
      }
    }
  }

  /** Closes the open card when the paragraph is its "domain](url)" line; returns whether it was. */
  private boolean closeCard(String raw) {
    Matcher end = CARD_END.matcher(raw.replace("*", "").strip());
    if (end.matches()) {
      finishCard(end.group(2));
      String rest = end.group(3).strip();
      Matcher again = CARD_START.matcher(rest);
      if (!rest.isEmpty() && again.matches() && entry != null) {
        openCard(again.group(1), again.group(2), 0);
      }
      return true;
    }
    if (++cardBlocks > 3) {
      abandonCard();
      return false;
    }
    return true; // a description paragraph inside the card
  }

  private void finishCard(String href) {
    String url = href != null ? href : cardHref;
    if (entry != null && url != null) {
      entry.addCard(url, cardTitle == null ? "" : cardTitle);
      if (cardHref != null && !Links.matchKey(Links.normalize(cardHref)).equals(Links.matchKey(Links.normalize(url)))) {
        entry.addPrimaryLink(cardHref, null);
      }
    }
    cardHref = null;
    cardTitle = null;
  }

  /** A card that never closed: keep what it had (its first href and title). */
  private void abandonCard() {
    if (cardHref != null || cardTitle != null) {
      if (entry != null && cardHref != null) {
        entry.addCard(cardHref, cardTitle == null ? "" : cardTitle);
      }
      cardHref = null;
      cardTitle = null;
    }
  }

  // ---------------------------------------------------------------- picks and navigation

  private void picks(List<Seg> segs, int line) {
    String label = Inlines.plain(segs);
    for (Seg s : segs) {
      if (s.kind() != Kind.LINK) {
        continue;
      }
      String url = Links.normalize(s.url());
      if (url == null) {
        continue;
      }
      pickKeys.add(Links.matchKey(url));
      pickIds.addFromUrl(url);
      var item = new EntryBuilder(0, SectionKind.FEATURED, s.bare() || s.text().isEmpty() ? label : s.text(), line);
      item.addPrimaryLink(url, s.bare() ? null : s.text());
      item.editorsPick = true;
      pickItems.add(item);
    }
    Identifiers.TitlePrefix prefix = Identifiers.titlePrefix(label);
    if (prefix != null) {
      pickIds.add("arxiv", prefix.arxiv());
    }
  }

  /** The picks by their headline ({@link #headlineKey}), those whose headline is unique. */
  private Map<String, EntryBuilder> picksByHeadline() {
    var byKey = new HashMap<String, EntryBuilder>();
    var repeated = new HashSet<String>();
    for (EntryBuilder p : pickItems) {
      String key = headlineKey(p.heading);
      if (!key.isEmpty() && byKey.put(key, p) != null) {
        repeated.add(key);
      }
    }
    repeated.forEach(byKey::remove);
    return byKey;
  }

  /** A headline as compared: cleaned, without the sentence's end mark and the case of Latin letters. */
  private static String headlineKey(String headline) {
    String h = Inlines.clean(headline).toLowerCase(Locale.ROOT);
    return h.replaceAll("[。．.？?！!\\s]+$", "");
  }

  private void nav(Paragraph p) {
    int line = Inlines.lineOf(p);
    List<Seg> segs = Inlines.flatten(p);
    // A block that names another week as "this post" was copied from that week's issue: its
    // previous and next are that issue's, so they are kept as links of no relation.
    boolean copied = false;
    for (Seg s : segs) {
      if (s.kind() == Kind.TEXT && THIS_POST.matcher(s.text()).find()) {
        WeekRef here = IssueFacts.week(s.text());
        if (here == null) {
          here = weekNumberOnly(s.text());
        }
        WeekRef own = ownWeek();
        copied |= here != null && own != null && !here.equals(own);
        checkWeek(here, "navigation block names this post", s.line() > 0 ? s.line() : line);
      }
    }
    for (int i = 0; i < segs.size(); i++) {
      Seg s = segs.get(i);
      if (s.kind() != Kind.LINK) {
        continue;
      }
      String before = textBetween(segs, i, -1);
      String after = textBetween(segs, i, +1);
      NavLink.Rel rel;
      if (after.contains("⇦") || after.contains("<=") || after.contains("←")) {
        rel = NavLink.Rel.PREVIOUS;
      } else if (before.contains("⇨") || before.contains("=>") || before.contains("→")) {
        rel = NavLink.Rel.NEXT;
      } else if (SUMMARY_LINK.matcher(s.text() + " " + s.url()).find()) {
        rel = NavLink.Rel.SUMMARY;
      } else {
        rel = NavLink.Rel.OTHER;
      }
      if (copied && (rel == NavLink.Rel.PREVIOUS || rel == NavLink.Rel.NEXT)) {
        rel = NavLink.Rel.OTHER;
      }
      addNav(rel, s.url(), s.bare() ? null : s.text(), s.line() > 0 ? s.line() : line);
    }
  }

  /** "第 47 周(本帖)" names only a number: it is in the year of the issue's own week. */
  private WeekRef weekNumberOnly(String text) {
    Matcher m = WEEK_NUMBER.matcher(text);
    WeekRef own = declaredWeek();
    if (!m.find() || own == null) {
      return null;
    }
    try {
      return new WeekRef(own.year(), Integer.parseInt(m.group(1) != null ? m.group(1) : m.group(2)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String textBetween(List<Seg> segs, int from, int step) {
    var sb = new StringBuilder();
    for (int j = from + step; j >= 0 && j < segs.size(); j += step) {
      Seg s = segs.get(j);
      if (s.kind() == Kind.LINK) {
        break;
      }
      if (s.kind() == Kind.TEXT) {
        sb.append(s.text());
      }
    }
    return sb.toString();
  }

  /** Past-newsletter cards: every href in the block, titled by its card when it has one. */
  private void pastNewsletters(String raw, int line) {
    String text = raw.replace("*", "");
    Map<String, String> titles = new LinkedHashMap<>();
    Matcher card = CARD_IN_TEXT.matcher(text);
    while (card.find()) {
      titles.put(Links.normalize(card.group(1)), Inlines.clean(card.group(2)));
    }
    Matcher href = ANY_HREF.matcher(text);
    while (href.find()) {
      String url = Links.normalize(href.group(1));
      if (url == null) {
        continue;
      }
      String t = titles.get(url);
      NavLink.Rel rel = SUMMARY_LINK.matcher((t == null ? "" : t) + " " + url).find()
          ? NavLink.Rel.SUMMARY : NavLink.Rel.OTHER;
      addNav(rel, url, t, line + lineOffset(text, href.start()));
    }
  }

  private static int lineOffset(String text, int index) {
    int n = 0;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  private void addNav(NavLink.Rel rel, String href, String text, int line) {
    String url = Links.normalize(href);
    if (url == null) {
      return;
    }
    for (NavLink n : navigation) {
      if (n.url().equals(url) && (n.rel() == rel || rel == NavLink.Rel.OTHER || rel == NavLink.Rel.SUMMARY)) {
        return;
      }
    }
    String t = text == null ? null : Inlines.clean(text);
    String slug = Links.mediumSlug(url);
    if (rel == NavLink.Rel.SUMMARY && slug != null && IssueFacts.monthFromSlug(slug) == null) {
      // A summary that is no monthly issue of the series (the author's yearly round-up on
      // another publication): a document to link to, not an issue of this newsletter.
      slug = null;
    }
    navigation.add(new NavLink(rel, url, slug, t == null || t.isEmpty() ? null : t, line));
  }

  // ---------------------------------------------------------------- finishing

  private WeekRef declaredWeek() {
    WeekRef w = IssueFacts.week(title);
    if (w == null) {
      w = IssueFacts.weekFromSlug(slug);
    }
    return w;
  }

  private WeekRef checkedWeek;

  /** The week the issue is, as far as the reader knows so far: the one checked, else the declared one. */
  private WeekRef ownWeek() {
    return checkedWeek != null ? checkedWeek : declaredWeek();
  }

  private void checkWeek(WeekRef other, String where, int line) {
    WeekRef own = ownWeek();
    if (own != null && other != null && !own.equals(other)) {
      warn("week-mismatch", "The " + where + " week " + other.number() + " of " + other.year()
          + ", but the issue is week " + own.number() + " of " + own.year() + ".", line);
    }
  }

  private Issue finish() {
    WeekRef week = declaredWeek();
    boolean weekFromIntro = week == null && introWeek != null;
    if (weekFromIntro) {
      week = introWeek; // the renamed continuation states its week only in a line of its own
    } else if (week != null && introWeek != null && !week.equals(introWeek)) {
      checkedWeek = week;
      checkWeek(introWeek, "intro says", introLine);
    }
    YearMonth month = null;
    if (week == null) {
      month = IssueFacts.month(title);
      if (month == null) {
        month = IssueFacts.monthFromSlug(slug);
      }
    }
    String named = IssueFacts.periodWords(title);
    if (week == null && month == null && named != null) {
      // "2020 年第 60 周": the title means to date the issue, with a week or month that is not.
      warn("invalid-period", "The title names \"" + named + "\", which is no week or month of the"
          + " calendar; the issue has none.", titleLine);
    }
    Integer number = IssueFacts.issueNumber(title);
    if (number == null) {
      number = IssueFacts.issueNumberFromSlug(slug);
    }
    LocalDate coverage = null;
    if (introDate != null) {
      // A week its year does not have (week 53 of 2020) cannot place the date; its year can.
      WeekRef placeable = NewsletterCalendar.exists(week) ? week : null;
      try {
        coverage = IssueFacts.resolve(introDate, placeable, month, fallbackYear(week, month));
        if (coverage != null && (coverage.getYear() < 1900 || coverage.getYear() > 2999)) {
          warn("bad-date", "The intro's date " + coverage + " is outside the years 1900 to 2999.", introDateLine);
          coverage = null;
        }
      } catch (DateTimeException e) {
        warn("bad-date", "The intro's date " + introDate.month() + "/" + introDate.day()
            + " does not exist.", introDateLine);
      }
      if (weekFromIntro && coverage != null && NewsletterCalendar.exists(week)
          && !NewsletterCalendar.week(week).contains(coverage) && coverage.getYear() < 2999) {
        // "2021 年第 31 周(8 月 8 日~)": a number and a date in one line, and only the date agrees
        // with the issues around it (the numbered series' week numbers run behind the calendar).
        // The title names no week here, so nothing overrules the date.
        WeekRef dated = NewsletterCalendar.weekOf(coverage).ref();
        warn("week-mismatch", "The intro says week " + introWeek.number() + " of " + introWeek.year()
            + ", but its date " + coverage + " is in week " + dated.number() + " of " + dated.year()
            + "; with no week in the title, the date wins.", introLine);
        week = dated;
      }
      if (week == null && month == null && coverage != null && coverage.getYear() < 2999) {
        // "2021 年 7 月 25 日一周总结" and nothing else: the issue is dated by the week of that date,
        // as written as a week number would date it (not inferred from its neighbours).
        week = NewsletterCalendar.weekOf(coverage).ref();
      }
    }

    var built = new ArrayList<Entry>();
    List<EntryBuilder> all = new ArrayList<>(entries);
    if (sections.isEmpty() && all.isEmpty()) {
      // Truncated monthly summaries keep only their picks: they are the issue's content.
      all.addAll(pickItems);
    }
    Map<String, EntryBuilder> picksByHeadline = picksByHeadline();
    for (EntryBuilder b : all) {
      boolean pick = b.editorsPick || b.ids().intersects(pickIds)
          || b.linkUrls().stream().anyMatch(u -> pickKeys.contains(Links.matchKey(u)));
      EntryBuilder sameHeadline = picksByHeadline.get(headlineKey(b.heading));
      if (sameHeadline != null && sameHeadline != b) {
        // The picks block links the entry's very headline: the same entry, even where the entry's
        // own link was lost in the translation (then the pick's link is the entry's).
        pick = true;
        if (!b.hasLinks() && b.ids().isEmpty()) {
          sameHeadline.links().forEach(b::addPrimaryLink);
        }
      }
      b.editorsPick = pick;
      for (String id : b.ids().refused()) {
        warn("bad-identifier", "The entry \"" + shorten(b.build().heading()) + "\" links arXiv id " + id
            + ", which cannot exist (since 2015 an id has five digits after the point); it names no paper.",
            b.line);
      }
      if (!b.hasLinks() && b.ids().isEmpty()) {
        warn("entry-without-link", "The entry \"" + shorten(b.build().heading())
            + "\" has no link.", b.line);
      }
      built.add(b.build());
    }
    if (built.isEmpty()) {
      // It still loads (a title and a week are facts), but an issue with nothing in it is more
      // likely a file cut short or a layout the reader does not know.
      warn("no-entries", "The issue has no entries: no section or featured item was recognised.",
          titleLine);
    }
    // The dates checked against the calendar here, where the lines of the title (which declares
    // the week or month) and of the intro's date are known.
    warnings.addAll(DateChecks.check(week, month, coverage, titleLine, introDateLine));
    warnings.sort(java.util.Comparator.comparingInt(Warning::line));
    return new Issue(slug, sourceUrl, title, language(), week, month, number, coverage,
        sections, built, navigation, warnings);
  }

  /** The year a bare "M 月 D 日" belongs to, or null when nothing in the issue says. */
  private Integer fallbackYear(WeekRef week, YearMonth month) {
    if (week != null) {
      return week.year();
    }
    if (month != null) {
      return month.getYear();
    }
    Matcher m = YEAR.matcher(slug + " " + title);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /** "zh" when the title or a noticeable share of the text is CJK, else "en". */
  private String language() {
    if (CJK.matcher(title).find()) {
      return "zh";
    }
    int cjk = 0;
    int letters = 0;
    for (String line : source) {
      for (int i = 0; i < line.length(); i++) {
        char c = line.charAt(i);
        if (Character.isLetter(c)) {
          letters++;
          var script = Character.UnicodeScript.of(c);
          if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
              || script == Character.UnicodeScript.KATAKANA) {
            cjk++;
          }
        }
      }
    }
    return letters > 0 && cjk * 20 > letters ? "zh" : "en";
  }

  private void warn(String code, String message, int line) {
    warnings.add(new Warning(code, message, line));
  }

  private String sectionLabel() {
    return section == null ? "?" : section.number() + " (" + section.title() + ")";
  }

  private static String shorten(String s) {
    if (s.length() <= 40) {
      return s;
    }
    // Never cut a surrogate pair (an emoji) in two: half of one is no text, and no valid RDF.
    int cut = Character.isHighSurrogate(s.charAt(39)) ? 39 : 40;
    return s.substring(0, cut) + "…";
  }

  private static String describe(Node block) {
    String name = block.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2");
    return name.toLowerCase(Locale.ROOT);
  }

  /** The source text of a block, line by line, as written (markup included). */
  private String rawText(Node block) {
    List<SourceSpan> spans = block.getSourceSpans();
    if (spans == null || spans.isEmpty()) {
      return Inlines.textOf(block);
    }
    var sb = new StringBuilder();
    for (SourceSpan span : spans) {
      int li = span.getLineIndex();
      if (li < 0 || li >= source.length) {
        continue;
      }
      String l = source[li];
      int from = Math.min(span.getColumnIndex(), l.length());
      int to = Math.min(from + span.getLength(), l.length());
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(l, from, to);
    }
    return sb.toString();
  }
}

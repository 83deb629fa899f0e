package org.mlnews.server.pages;

import java.util.List;

/** The records templates render. Every string in them is escaped by the template engine. */
final class View {
  private View() {}

  /**
   * A link: {@code href} is a path on this server or an http(s) URL (never anything else, so no
   * {@code javascript:} from the data can become a link); {@code lang} marks the text's language.
   */
  record Link(String href, String text, String lang) {
    static Link external(String url, String text) {
      return new Link(safeUrl(url), text, "");
    }

    /** The URL if it is http(s), else null (the template then shows the text only). */
    static String safeUrl(String url) {
      if (url == null) {
        return null;
      }
      String u = url.strip().toLowerCase(java.util.Locale.ROOT);
      return u.startsWith("http://") || u.startsWith("https://") ? url.strip() : null;
    }
  }

  /** A value of a property: a link, or a literal with its language and datatype. */
  record Value(Link link, String text, String lang, String datatype) {}

  /** One property and its values, or one incoming property and the resources using it. */
  record Property(Link property, List<Value> values) {}

  /** Where a long list is: page n of pages, with the hrefs of its neighbours (null at the ends). */
  record Pager(int page, int pages, long total, String previous, String next) {}

  /** An entry of an issue as the issue page shows it. */
  record Entry(String anchor, int position, String headline, String lang, List<Link> works, String summary,
      String summaryLang, List<Link> links, List<Link> topics, boolean pick) {}

  /** A section of an issue with its entries. */
  record Section(String title, String lang, String kind, List<Entry> entries) {}

  /** An issue in a list: link, the period it covers, its number of entries. */
  record IssueRow(Link issue, Link period, String date, long entries) {}

  /** A topic in a list, with how often entries mention it. */
  record TopicRow(Link topic, String zh, long mentions) {}

  /** An entry in a list: its headline (linked to the issue), the work, the issue. */
  record EntryRow(Link entry, Link work, Link issue, String date) {}

  /** An issue that featured a paper, with the entry's headline. */
  record Featured(Link issue, Link entry, Link period, String date) {}

  /** Papers of one quarter on a topic page. */
  record QuarterGroup(Link quarter, List<Link> papers) {}

  /** A search hit. */
  record Hit(Link target, String kind, String snippet, String lang, Link context, double score) {}
}

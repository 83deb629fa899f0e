package org.mlnews.issue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * One newsletter issue as extracted from its source file; the JSON printed by {@code extract}
 * and accepted by {@code build} is exactly this record.
 *
 * <pre>{@code
 * Issue issue = IssueReader.create().read(Path.of("data/akiras-ml-news-week41-2020-ff1938c74adf.md"));
 * issue.week();            // WeekRef[year=2020, number=41]
 * issue.entries().size();  // 14
 * }</pre>
 *
 * @param slug          file name without extension; also the Medium slug of the original post
 * @param sourceUrl     the original post's URL without tracking query, or null
 * @param title         the issue's title as written (first heading)
 * @param language      BCP 47 tag of the text: {@code zh} for the translation, {@code en} for the original
 * @param week          declared newsletter week, or null
 * @param month         declared month for monthly summaries, or null
 * @param issueNumber   "#N" / "issue N" / "第 N 期" number, or null
 * @param coverageStart the date the intro says the issue covers from ("10 月 4 日~"), or null
 * @param sections      the numbered sections in order
 * @param entries       the entries in document order
 * @param navigation    links to other issues and summaries from the navigation blocks
 * @param warnings      what was odd about the file; warnings never stop a build
 */
@JsonPropertyOrder({"slug", "sourceUrl", "title", "language", "week", "month", "issueNumber",
    "coverageStart", "sections", "entries", "navigation", "warnings"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Issue(
    String slug,
    String sourceUrl,
    String title,
    String language,
    WeekRef week,
    YearMonth month,
    Integer issueNumber,
    LocalDate coverageStart,
    List<Section> sections,
    List<Entry> entries,
    List<NavLink> navigation,
    List<Warning> warnings) {

  public Issue {
    Objects.requireNonNull(slug, "slug");
    if (slug.isBlank()) {
      throw new IllegalArgumentException("slug must not be blank");
    }
    Objects.requireNonNull(title, "title");
    // The calendar's years, as for WeekRef: dates outside them have no periods to map to.
    if (month != null && (month.getYear() < 1900 || month.getYear() > 2999)) {
      throw new IllegalArgumentException("Illegal month=" + month + " : the year must be between 1900 and 2999");
    }
    if (coverageStart != null && (coverageStart.getYear() < 1900 || coverageStart.getYear() > 2999)) {
      throw new IllegalArgumentException("Illegal coverageStart=" + coverageStart + " : the year must be between 1900 and 2999");
    }
    language = language == null ? "zh" : language;
    if (!LANGUAGE_TAG.matcher(language).matches()) {
      // It becomes the language tag of every literal: a bad one breaks every dump of the store.
      throw new IllegalArgumentException("Illegal language=" + language + " : must be a language tag such as zh or en");
    }
    sections = sections == null ? List.of() : List.copyOf(sections);
    entries = entries == null ? List.of() : List.copyOf(entries);
    navigation = navigation == null ? List.of() : List.copyOf(navigation);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }

  /** BCP 47 in its simple form: a language, then subtags ("zh", "en", "zh-Hans"). */
  private static final java.util.regex.Pattern LANGUAGE_TAG =
      java.util.regex.Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");

  /** A copy with other entries (the tagger adds topics this way). */
  public Issue withEntries(List<Entry> newEntries) {
    return new Issue(slug, sourceUrl, title, language, week, month, issueNumber, coverageStart,
        sections, newEntries, navigation, warnings);
  }

  /** A copy with more warnings. */
  public Issue withWarnings(List<Warning> more) {
    return withWarningsRenewed(w -> false, more);
  }

  /** A copy whose warnings that are {@code stale} are dropped and {@code fresh} ones added. */
  public Issue withWarningsRenewed(java.util.function.Predicate<Warning> stale, List<Warning> fresh) {
    var all = new java.util.ArrayList<Warning>();
    warnings.stream().filter(stale.negate()).forEach(all::add);
    all.addAll(fresh);
    return new Issue(slug, sourceUrl, title, language, week, month, issueNumber, coverageStart,
        sections, entries, navigation, all);
  }
}

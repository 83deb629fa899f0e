package org.mlnews.markdown;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mlnews.issue.WeekRef;
import org.mlnews.time.NewsletterCalendar;

/**
 * Reads the issue-level facts (week, month, issue number, coverage date) out of titles, slugs and
 * intro lines, in Chinese and English. All methods are pure and return null when nothing is
 * found, so the reader can try its sources in order of trust.
 *
 * <pre>{@code
 * IssueFacts.week("Akira 的 ML 新闻—2021 年第 7 周");   // 2021-W07
 * IssueFacts.weekFromSlug("akiras-ml-news-week41-2020-ff1938c74adf");   // 2020-W41
 * IssueFacts.month("Akira's ML news: October 2020");  // 2020-10
 * }</pre>
 */
public final class IssueFacts {
  private IssueFacts() {}

  private static final Pattern ZH_WEEK = Pattern.compile("(\\d{4})\\s*年?\\s*第\\s*(\\d{1,2})\\s*周");
  private static final Pattern ZH_WEEK_AFTER = Pattern.compile("第\\s*(\\d{1,2})\\s*周\\s*[，,、]?\\s*(\\d{4})");
  private static final Pattern EN_WEEK = Pattern.compile("(?i)\\bweek\\s*#?\\s*(\\d{1,2})\\s*(?:,|of|/)?\\s*(\\d{4})\\b");
  private static final Pattern EN_YEAR_WEEK = Pattern.compile("(?i)\\b(\\d{4})\\s*,?\\s*week\\s*#?\\s*(\\d{1,2})\\b");
  private static final Pattern SLUG_WEEK = Pattern.compile("(?i)(?:^|-)week-?(\\d{1,2})-(\\d{4})(?:-|$)");
  private static final Pattern ZH_MONTH = Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月");
  private static final Pattern EN_MONTH = Pattern.compile(
      "(?i)\\b(january|february|march|april|may|june|july|august|september|october|november|december)\\s*,?\\s*(\\d{4})\\b");
  private static final Pattern SLUG_MONTH = Pattern.compile(
      "(?i)(?:^|-)(january|february|march|april|may|june|july|august|september|october|november|december)-(\\d{4})(?:-|$)");
  /** "#18" but not "# 2020 年 10 月" (a year) nor "#Week". */
  private static final Pattern HASH_NUMBER = Pattern.compile("#\\s*(\\d{1,3})(?![\\d.])(?!\\s*年)(?!\\s*,\\s*\\d{4})");
  private static final Pattern ISSUE_NUMBER = Pattern.compile("(?i)\\b(?:issue|no\\.)\\s*#?\\s*(\\d{1,4})\\b");
  private static final Pattern ZH_ISSUE_NUMBER = Pattern.compile("第\\s*(\\d{1,4})\\s*期");
  private static final Pattern SLUG_ISSUE = Pattern.compile("(?i)(?:-news-|-issue-)(\\d{1,4})-[0-9a-f]{12}$");
  /** "2021 年 7 月 25 日一周总结": the week of a stated date. */
  private static final Pattern ZH_DATED_WEEK =
      Pattern.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*(?:的|这)?\\s*一周");
  /** "Summary of the week of July 25, 2021". */
  private static final Pattern EN_DATED_WEEK = Pattern.compile(
      "(?i)\\bweek of\\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4})");
  private static final Pattern ZH_DATE = Pattern.compile("(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日\\s*[~～〜]");
  private static final Pattern EN_DATE = Pattern.compile(
      "(?i)\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*[~～〜]");

  private static final Map<String, Integer> MONTHS = Map.ofEntries(
      Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4),
      Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8),
      Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

  /** The week a title or intro line declares, or null. */
  public static WeekRef week(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ZH_WEEK.matcher(text);
    if (m.find()) {
      return weekRef(m.group(1), m.group(2));
    }
    m = ZH_WEEK_AFTER.matcher(text);
    if (m.find()) {
      return weekRef(m.group(2), m.group(1));
    }
    m = EN_WEEK.matcher(text);
    if (m.find()) {
      return weekRef(m.group(2), m.group(1));
    }
    m = EN_YEAR_WEEK.matcher(text);
    if (m.find()) {
      return weekRef(m.group(1), m.group(2));
    }
    return null;
  }

  /**
   * The words of {@code text} that name a week or month, as written, whether or not that week
   * or month exists ("2020 年第 60 周", "2020 年 13 月"), or null when none does.
   */
  public static String periodWords(String text) {
    if (text == null) {
      return null;
    }
    for (Pattern p : List.of(ZH_WEEK, ZH_WEEK_AFTER, EN_WEEK, EN_YEAR_WEEK, ZH_MONTH, EN_MONTH)) {
      Matcher m = p.matcher(text);
      if (m.find()) {
        return m.group().strip();
      }
    }
    return null;
  }

  /** The week a slug names ({@code week41-2020}, {@code week-7-2021}), or null. */
  public static WeekRef weekFromSlug(String slug) {
    if (slug == null) {
      return null;
    }
    Matcher m = SLUG_WEEK.matcher(slug);
    return m.find() ? weekRef(m.group(2), m.group(1)) : null;
  }

  /** The month of a monthly-summary title ("2020 年 10 月", "October 2020"), or null. */
  public static YearMonth month(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ZH_MONTH.matcher(text);
    if (m.find()) {
      return yearMonth(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    m = EN_MONTH.matcher(text);
    if (m.find()) {
      return yearMonth(Integer.parseInt(m.group(2)), monthNumber(m.group(1)));
    }
    return null;
  }

  /** The month a slug names ({@code october-2020}), or null. */
  public static YearMonth monthFromSlug(String slug) {
    if (slug == null) {
      return null;
    }
    Matcher m = SLUG_MONTH.matcher(slug);
    return m.find() ? yearMonth(Integer.parseInt(m.group(2)), monthNumber(m.group(1))) : null;
  }

  /** The issue number of a title ("— #18", "issue 29", "第 34 期"), or null. */
  public static Integer issueNumber(String title) {
    if (title == null) {
      return null;
    }
    for (Pattern p : new Pattern[] {ZH_ISSUE_NUMBER, ISSUE_NUMBER, HASH_NUMBER}) {
      Matcher m = p.matcher(title);
      if (m.find()) {
        return Integer.valueOf(m.group(1));
      }
    }
    return null;
  }

  /** The issue number of a slug ({@code ...-news-18-<id>}, {@code ...-issue-29-<id>}), or null. */
  public static Integer issueNumberFromSlug(String slug) {
    if (slug == null) {
      return null;
    }
    Matcher m = SLUG_ISSUE.matcher(slug);
    return m.find() ? Integer.valueOf(m.group(1)) : null;
  }

  /**
   * A month and day written as the start of a covered period ("10 月 4 日~", "Oct 4~"), with its
   * year when the text states one ("2021 年 7 月 25 日一周总结").
   */
  public record MonthDay(int month, int day, int offset, Integer year) {
    public MonthDay(int month, int day, int offset) {
      this(month, day, offset, null);
    }
  }

  /** The first "M 月 D 日~" / "Mon D~" in the text, unchecked (the day may not exist), or null. */
  public static MonthDay coverageMonthDay(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = ZH_DATED_WEEK.matcher(text);
    if (m.find()) {
      return new MonthDay(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.start(),
          Integer.valueOf(m.group(1)));
    }
    m = EN_DATED_WEEK.matcher(text);
    if (m.find()) {
      return new MonthDay(monthNumber(m.group(1)), Integer.parseInt(m.group(2)), m.start(),
          Integer.valueOf(m.group(3)));
    }
    m = ZH_DATE.matcher(text);
    if (m.find()) {
      return new MonthDay(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.start());
    }
    m = EN_DATE.matcher(text);
    if (m.find()) {
      return new MonthDay(monthNumber(m.group(1)), Integer.parseInt(m.group(2)), m.start());
    }
    return null;
  }

  /**
   * Puts a month and day into the year that makes it closest to the expected start of the week
   * (a "12 月 27 日~" for week 1 of 2021 is 2020-12-27).
   *
   * @throws DateTimeException when the day does not exist in any candidate year
   */
  public static LocalDate resolve(MonthDay md, WeekRef week, YearMonth month, Integer fallbackYear) {
    if (md.year() != null) {
      return LocalDate.of(md.year(), md.month(), md.day());
    }
    if (week != null) {
      LocalDate expected = NewsletterCalendar.week(week).start();
      LocalDate best = null;
      DateTimeException failure = null;
      for (int y = week.year() - 1; y <= week.year() + 1; y++) {
        try {
          LocalDate d = LocalDate.of(y, md.month(), md.day());
          if (best == null || Math.abs(d.toEpochDay() - expected.toEpochDay())
              < Math.abs(best.toEpochDay() - expected.toEpochDay())) {
            best = d;
          }
        } catch (DateTimeException e) {
          failure = e;
        }
      }
      if (best == null) {
        throw failure;
      }
      return best;
    }
    Integer year = month != null ? Integer.valueOf(month.getYear()) : fallbackYear;
    return year == null ? null : LocalDate.of(year, md.month(), md.day());
  }

  private static WeekRef weekRef(String year, String number) {
    try {
      return new WeekRef(Integer.parseInt(year), Integer.parseInt(number));
    } catch (IllegalArgumentException e) {
      return null; // "第 0 周" or a year out of range: not a week we can use
    }
  }

  private static YearMonth yearMonth(int year, int month) {
    if (month < 1 || month > 12 || year < 1900 || year > 2999) {
      return null;
    }
    return YearMonth.of(year, month);
  }

  private static int monthNumber(String name) {
    return MONTHS.getOrDefault(name.substring(0, 3).toLowerCase(Locale.ROOT), 0);
  }
}

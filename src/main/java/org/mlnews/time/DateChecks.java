package org.mlnews.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.mlnews.issue.Issue;
import org.mlnews.issue.Warning;
import org.mlnews.issue.WeekRef;

/**
 * Checks an issue's declared dates against each other. The newsletter states the week in the
 * title ("第 48 周") and the covered dates in the intro ("11 月 15 日~"); when they disagree the
 * declared week or month is kept and the disagreement is reported, because titles are what
 * readers and the navigation links use, and a wrong intro date is the likelier slip.
 *
 * <pre>{@code
 * List<Warning> ws = DateChecks.check(issue);
 * // [Warning[code=date-mismatch, message=intro date 2020-11-15 is in week 47 of 2020, but the
 * //   issue declares week 48; the declared week wins, line=0]]
 * }</pre>
 *
 * <p>Warnings it can give, at the line of what they are about (in a Markdown issue the title's for
 * the week, the intro's for its date; in a JSON record the fields'), or 0 where there is none:
 * <ul>
 *   <li>{@code date-mismatch}: a weekly issue's {@code coverageStart} is not in its declared week,
 *       or a monthly summary's {@code coverageStart} is not in its declared month;
 *   <li>{@code invalid-week}: the declared week does not exist (week 53 of a 52-week year), so
 *       the coverage date cannot be checked against it.
 * </ul>
 */
public final class DateChecks {
  /** Warning code for disagreeing dates. */
  public static final String DATE_MISMATCH = "date-mismatch";
  /** Warning code for a declared week number its year does not have. */
  public static final String INVALID_WEEK = "invalid-week";

  private DateChecks() {}

  /**
   * The issue with the date warnings of its dates as they are, in place of any it carried: a JSON
   * record keeps the warnings {@code extract} wrote, and a curator may have fixed, or broken, its
   * dates since. The lines are those of the record's week or month and of its coverage date.
   */
  public static Issue recheck(Issue issue, int declaredLine, int coverageLine) {
    return issue.withWarningsRenewed(w -> w.code().equals(DATE_MISMATCH) || w.code().equals(INVALID_WEEK),
        check(issue.week(), issue.month(), issue.coverageStart(), declaredLine, coverageLine));
  }

  /** The warnings for {@code issue}, with line 0; empty when its dates agree or there is nothing to compare. */
  public static List<Warning> check(Issue issue) {
    return check(issue.week(), issue.month(), issue.coverageStart(), 0, 0);
  }

  /**
   * The warnings for a declared week or month and the date the intro gives: a week the year does
   * not have at {@code declaredLine} (the title's, in a Markdown issue), a date outside the
   * declared period at {@code coverageLine} (the intro's), since the declared period wins and the
   * date is what to look at.
   */
  public static List<Warning> check(WeekRef declared, YearMonth month, LocalDate coverageStart,
      int declaredLine, int coverageLine) {
    var out = new ArrayList<Warning>();
    if (declared != null) {
      int weeks = NewsletterCalendar.weeksIn(declared.year());
      if (!NewsletterCalendar.exists(declared)) {
        out.add(new Warning(INVALID_WEEK, "the issue declares week " + declared.number() + " of "
            + declared.year() + ", but " + declared.year() + " has " + weeks + " weeks", declaredLine));
      } else if (coverageStart != null) {
        Week week = NewsletterCalendar.week(declared);
        if (!week.contains(coverageStart)) {
          out.add(new Warning(DATE_MISMATCH, weekMessage(coverageStart, declared), coverageLine));
        }
      }
    }
    if (month != null && coverageStart != null && !YearMonth.from(coverageStart).equals(month)) {
      Month actual = Month.of(coverageStart);
      out.add(new Warning(DATE_MISMATCH, "intro date " + coverageStart + " is in "
          + actual.labelEn() + ", but the summary declares " + new Month(month).labelEn()
          + "; the declared month wins", coverageLine));
    }
    return List.copyOf(out);
  }

  private static String weekMessage(LocalDate coverageStart, WeekRef declared) {
    WeekRef actual;
    try {
      actual = NewsletterCalendar.weekOf(coverageStart).ref();
    } catch (IllegalArgumentException e) {
      // A date whose week-year WeekRef cannot hold (a typo such as 20201-11-15).
      return "intro date " + coverageStart + " is not in week " + declared.number()
          + " of " + declared.year() + "; the declared week wins";
    }
    // Name the declared year only when it differs, to keep the common message short.
    String declaredText = actual.year() == declared.year()
        ? "week " + declared.number()
        : "week " + declared.number() + " of " + declared.year();
    return "intro date " + coverageStart + " is in week " + actual.number() + " of "
        + actual.year() + ", but the issue declares " + declaredText + "; the declared week wins";
  }
}

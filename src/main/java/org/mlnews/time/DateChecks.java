package org.mlnews.time;

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
 * <p>Warnings it can give, all with line 0 because {@link Issue} keeps no line for its dates:
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
   * dates since.
   */
  public static Issue recheck(Issue issue) {
    return issue.withWarningsRenewed(w -> w.code().equals(DATE_MISMATCH) || w.code().equals(INVALID_WEEK),
        check(issue));
  }

  /** The warnings for {@code issue}; empty when its dates agree or there is nothing to compare. */
  public static List<Warning> check(Issue issue) {
    var out = new ArrayList<Warning>();
    WeekRef declared = issue.week();
    if (declared != null) {
      int weeks = NewsletterCalendar.weeksIn(declared.year());
      if (declared.number() > weeks) {
        out.add(new Warning(INVALID_WEEK, "the issue declares week " + declared.number() + " of "
            + declared.year() + ", but " + declared.year() + " has " + weeks + " weeks", 0));
      } else if (issue.coverageStart() != null) {
        Week week = NewsletterCalendar.week(declared);
        if (!week.contains(issue.coverageStart())) {
          out.add(new Warning(DATE_MISMATCH, weekMessage(issue, declared), 0));
        }
      }
    }
    YearMonth month = issue.month();
    if (month != null && issue.coverageStart() != null
        && !YearMonth.from(issue.coverageStart()).equals(month)) {
      Month actual = Month.of(issue.coverageStart());
      out.add(new Warning(DATE_MISMATCH, "intro date " + issue.coverageStart() + " is in "
          + actual.labelEn() + ", but the summary declares " + new Month(month).labelEn()
          + "; the declared month wins", 0));
    }
    return List.copyOf(out);
  }

  private static String weekMessage(Issue issue, WeekRef declared) {
    WeekRef actual;
    try {
      actual = NewsletterCalendar.weekOf(issue.coverageStart()).ref();
    } catch (IllegalArgumentException e) {
      // A date whose week-year WeekRef cannot hold (a typo such as 20201-11-15).
      return "intro date " + issue.coverageStart() + " is not in week " + declared.number()
          + " of " + declared.year() + "; the declared week wins";
    }
    // Name the declared year only when it differs, to keep the common message short.
    String declaredText = actual.year() == declared.year()
        ? "week " + declared.number()
        : "week " + declared.number() + " of " + declared.year();
    return "intro date " + issue.coverageStart() + " is in week " + actual.number() + " of "
        + actual.year() + ", but the issue declares " + declaredText + "; the declared week wins";
  }
}

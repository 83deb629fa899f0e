package org.mlnews.time;

import java.time.LocalDate;
import java.util.Objects;
import org.mlnews.issue.WeekRef;

/**
 * A newsletter week: Sunday {@code start} to Saturday {@code end}, numbered by {@code ref} under
 * the rule described in {@link org.mlnews.time the package documentation}.
 *
 * <p>The dates are redundant with {@code ref}; they are fields so that the record prints and
 * compares usefully, and the constructor checks that they agree with the rule. Use {@link
 * #of(WeekRef)} or {@link NewsletterCalendar#week(WeekRef)} rather than the constructor.
 *
 * <pre>{@code
 * Week w = Week.of(2020, 41);
 * w.start();    // 2020-10-04 (Sunday)
 * w.end();      // 2020-10-10 (Saturday)
 * w.key();      // "2020-W41"
 * w.labelEn();  // "Week 41, 2020"
 * Week.of(2020, 53);  // IllegalArgumentException: Illegal week=53 for 2020: 2020 has 52 weeks
 * }</pre>
 */
public record Week(WeekRef ref, LocalDate start, LocalDate end) implements Period {

  public Week {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    int weeks = NewsletterCalendar.weeksIn(ref.year());
    if (ref.number() > weeks) {
      throw new IllegalArgumentException("Illegal week=" + ref.number() + " for " + ref.year()
          + ": " + ref.year() + " has " + weeks + " weeks");
    }
    LocalDate expected = NewsletterCalendar.firstWeekStart(ref.year()).plusWeeks(ref.number() - 1L);
    if (!start.equals(expected)) {
      throw new IllegalArgumentException("Illegal start=" + start + " for week " + ref.number()
          + " of " + ref.year() + ": it starts on Sunday " + expected);
    }
    if (!end.equals(start.plusDays(6))) {
      throw new IllegalArgumentException("Illegal end=" + end + " for week " + ref.number()
          + " of " + ref.year() + ": it ends on Saturday " + start.plusDays(6));
    }
  }

  /** The week {@code ref} names; throws when {@code ref.number()} exceeds the year's weeks. */
  public static Week of(WeekRef ref) {
    LocalDate start = NewsletterCalendar.firstWeekStart(ref.year()).plusWeeks(ref.number() - 1L);
    return new Week(ref, start, start.plusDays(6));
  }

  /** Week {@code number} of week-year {@code year}. */
  public static Week of(int year, int number) {
    return of(new WeekRef(year, number));
  }

  /** The week-year, which differs from the calendar year of {@link #start()} for some week 1s. */
  public int year() {
    return ref.year();
  }

  /** The week number within {@link #year()}, 1..52 or 1..53. */
  public int number() {
    return ref.number();
  }

  @Override
  public Week next() {
    return NewsletterCalendar.weekOf(start.plusWeeks(1));
  }

  @Override
  public Week previous() {
    return NewsletterCalendar.weekOf(start.minusWeeks(1));
  }

  /** {@code 2020-W41}; the number is zero-padded ({@code 2021-W01}) so keys sort as text. */
  @Override
  public String key() {
    return ref.toString();
  }

  @Override
  public String labelEn() {
    return "Week " + ref.number() + ", " + ref.year();
  }

  @Override
  public String labelZh() {
    return ref.year() + " 年第 " + ref.number() + " 周";
  }
}

package org.mlnews.time;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.mlnews.issue.WeekRef;

/**
 * The newsletter's week numbering and how weeks sit in months, quarters and years. The rule is
 * spelled out in {@link org.mlnews.time the package documentation}; in short: weeks run Sunday to
 * Saturday, week 1 of Y is the one containing 1 January of Y, and a week is <em>during</em> the
 * month/quarter/year of its Sunday but <em>overlaps</em> every one it touches.
 *
 * <pre>{@code
 * Week w = NewsletterCalendar.week(new WeekRef(2021, 1));     // 2020-12-27..2021-01-02
 * NewsletterCalendar.weekOf(LocalDate.of(2021, 1, 1));         // the same week
 * NewsletterCalendar.yearOf(w);                                // Year[year=2020]: by its Sunday
 * NewsletterCalendar.weeksIn(2022);                            // 53
 * NewsletterCalendar.overlaps(w);  // [2020-12, 2021-01, 2020-Q4, 2021-Q1, 2020, 2021]
 * }</pre>
 *
 * <p>Stateless and thread-safe; all methods are static.
 */
public final class NewsletterCalendar {
  private NewsletterCalendar() {}

  /**
   * The Sunday that starts week 1 of {@code year}: the last Sunday on or before 1 January, which
   * lies in December of the previous year unless 1 January is itself a Sunday.
   */
  public static LocalDate firstWeekStart(int year) {
    return LocalDate.of(year, 1, 1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
  }

  /**
   * How many weeks week-year {@code year} has: 52, or 53 when 1 January of {@code year + 1} is a
   * Sunday (2022 has 53; 2020, 2021 and 2023 have 52).
   */
  public static int weeksIn(int year) {
    // Both ends are Sundays, so the difference is an exact number of weeks.
    return (int) ChronoUnit.WEEKS.between(firstWeekStart(year), firstWeekStart(year + 1));
  }

  /** Whether {@code ref}'s year has its week (2020 has no week 53); false for null. */
  public static boolean exists(WeekRef ref) {
    return ref != null && ref.number() <= weeksIn(ref.year());
  }

  /** The week {@code ref} names. Throws when the number exceeds {@link #weeksIn(int)}. */
  public static Week week(WeekRef ref) {
    return Week.of(ref);
  }

  /** Week {@code number} of week-year {@code year}. */
  public static Week week(int year, int number) {
    return Week.of(year, number);
  }

  /**
   * The week whose Sunday–Saturday span contains {@code date}. Round-trips: {@code
   * week(weekOf(d).ref()).contains(d)} for every date whose week-year is within {@link WeekRef}'s
   * range (1900..2999); other dates throw {@link IllegalArgumentException}.
   */
  public static Week weekOf(LocalDate date) {
    LocalDate sunday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
    // The week-year is the calendar year of the week's Saturday: week 1 of Y contains 1 January
    // of Y, so its Saturday is in Y; every later week of Y ends no later than 31 December of Y
    // (the week after that is week 1 of Y+1); hence all weeks of Y, and only they, end in Y.
    int year = sunday.plusDays(6).getYear();
    int number = (int) ChronoUnit.WEEKS.between(firstWeekStart(year), sunday) + 1;
    return new Week(new WeekRef(year, number), sunday, sunday.plusDays(6));
  }

  /** The month the week is during: the one containing its Sunday start. */
  public static Month monthOf(Week week) {
    return Month.of(week.start());
  }

  /** The quarter the week is during: the one containing its Sunday start. */
  public static Quarter quarterOf(Week week) {
    return Quarter.of(week.start());
  }

  /** The quarter a month is in. */
  public static Quarter quarterOf(Month month) {
    return quarterOf(month.ym());
  }

  /** The quarter a month is in. */
  public static Quarter quarterOf(YearMonth ym) {
    return new Quarter(ym.getYear(), (ym.getMonthValue() - 1) / 3 + 1);
  }

  /**
   * The calendar year the week is during: the one containing its Sunday start. For some week 1s
   * this is the year <em>before</em> the week-year ({@code week(2021, 1)} is during 2020).
   */
  public static Year yearOf(Week week) {
    return Year.of(week.start());
  }

  /** The year a month is in. */
  public static Year yearOf(Month month) {
    return new Year(month.year());
  }

  /** The year a quarter is in. */
  public static Year yearOf(Quarter quarter) {
    return new Year(quarter.year());
  }

  /**
   * The periods the calendar counts {@code p} in (each is the one containing its start): a
   * week's month, quarter and year, a month's quarter and year, a quarter's year; none for a year.
   */
  public static List<Period> placesOf(Period p) {
    if (p instanceof Week w) {
      return List.of(monthOf(w), quarterOf(w), yearOf(w));
    } else if (p instanceof Month m) {
      return List.of(quarterOf(m), yearOf(m));
    } else if (p instanceof Quarter q) {
      return List.of(yearOf(q));
    }
    return List.of();
  }

  /**
   * Every month, quarter and year the week shares at least one day with, the primary ones
   * included: months first, then quarters, then years, each kind in date order. A week touches
   * at most two of each kind, since it is seven days long.
   */
  public static List<Period> overlaps(Week week) {
    var out = new ArrayList<Period>(6);
    Month m1 = Month.of(week.start());
    Month m2 = Month.of(week.end());
    out.add(m1);
    if (!m2.equals(m1)) {
      out.add(m2);
    }
    Quarter q1 = Quarter.of(week.start());
    Quarter q2 = Quarter.of(week.end());
    out.add(q1);
    if (!q2.equals(q1)) {
      out.add(q2);
    }
    Year y1 = Year.of(week.start());
    Year y2 = Year.of(week.end());
    out.add(y1);
    if (!y2.equals(y1)) {
      out.add(y2);
    }
    return List.copyOf(out);
  }
}

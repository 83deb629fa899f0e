package org.mlnews.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.WeekRef;

class NewsletterCalendarTest {

  @Test
  void week41Of2020RunsFromSundayOctober4ToSaturdayOctober10() {
    Week w = NewsletterCalendar.week(new WeekRef(2020, 41));
    assertEquals(LocalDate.of(2020, 10, 4), w.start());
    assertEquals(LocalDate.of(2020, 10, 10), w.end());
  }

  @Test
  void week48Of2020StartsOnNovember22() {
    assertEquals(LocalDate.of(2020, 11, 22), NewsletterCalendar.week(2020, 48).start());
  }

  @Test
  void week1Of2021StartsInDecember2020() {
    Week w = NewsletterCalendar.week(2021, 1);
    assertEquals(LocalDate.of(2020, 12, 27), w.start());
    assertEquals(LocalDate.of(2021, 1, 2), w.end());
  }

  @Test
  void week1StartsOnJanuary1WhenThatIsASunday() {
    // 2023-01-01 was a Sunday.
    assertEquals(LocalDate.of(2023, 1, 1), NewsletterCalendar.firstWeekStart(2023));
  }

  @Test
  void weeksInFollowsWhetherTheNextNewYearIsASunday() {
    // 2020: week 1 starts 2019-12-29, week 1 of 2021 starts 2020-12-27: 364 days = 52 weeks.
    assertEquals(52, NewsletterCalendar.weeksIn(2020));
    // 2021: 2020-12-27 .. 2021-12-26 (1 Jan 2022 is a Saturday): 52 weeks.
    assertEquals(52, NewsletterCalendar.weeksIn(2021));
    // 2022: 2021-12-26 .. 2023-01-01 (a Sunday): 371 days = 53 weeks.
    assertEquals(53, NewsletterCalendar.weeksIn(2022));
    // 2023: 2023-01-01 .. 2023-12-31 (1 Jan 2024 is a Monday): 52 weeks.
    assertEquals(52, NewsletterCalendar.weeksIn(2023));
  }

  @Test
  void lastWeekOf2022ContainsDecember31AndDecember31Of2020IsInWeek1Of2021() {
    assertEquals(new WeekRef(2022, 53), NewsletterCalendar.weekOf(LocalDate.of(2022, 12, 31)).ref());
    assertEquals(new WeekRef(2021, 1), NewsletterCalendar.weekOf(LocalDate.of(2020, 12, 31)).ref());
  }

  @Test
  void weekOfRoundTripsForEveryDayOf2019To2026() {
    WeekRef previous = null;
    for (LocalDate d = LocalDate.of(2019, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1));
        d = d.plusDays(1)) {
      Week w = NewsletterCalendar.weekOf(d);
      assertTrue(w.contains(d), d + " not in " + w);
      assertEquals(DayOfWeek.SUNDAY, w.start().getDayOfWeek(), d.toString());
      assertEquals(w, NewsletterCalendar.week(w.ref()), d.toString());
      assertTrue(w.number() <= NewsletterCalendar.weeksIn(w.year()), d.toString());
      if (previous != null && !previous.equals(w.ref())) {
        // A new week begins exactly on Sundays, and numbering advances by one or restarts at 1.
        assertEquals(DayOfWeek.SUNDAY, d.getDayOfWeek(), d.toString());
        assertEquals(NewsletterCalendar.week(previous).next().ref(), w.ref(), d.toString());
      }
      previous = w.ref();
    }
  }

  @Test
  void weekSpanningTwoQuartersIsDuringTheFirstAndOverlapsBoth() {
    Week w = NewsletterCalendar.week(2020, 40); // Sun 2020-09-27 .. Sat 2020-10-03
    assertEquals(new Month(YearMonth.of(2020, 9)), NewsletterCalendar.monthOf(w));
    assertEquals(new Quarter(2020, 3), NewsletterCalendar.quarterOf(w));
    assertEquals(new Year(2020), NewsletterCalendar.yearOf(w));
    assertEquals(List.of(Month.of(2020, 9), Month.of(2020, 10), new Quarter(2020, 3),
        new Quarter(2020, 4), new Year(2020)), NewsletterCalendar.overlaps(w));
  }

  @Test
  void weekSpanningTwoYearsIsDuringTheYearOfItsSundayNotItsWeekYear() {
    Week w = NewsletterCalendar.week(2021, 1);
    assertEquals(2021, w.year());
    assertEquals(Month.of(2020, 12), NewsletterCalendar.monthOf(w));
    assertEquals(new Quarter(2020, 4), NewsletterCalendar.quarterOf(w));
    assertEquals(new Year(2020), NewsletterCalendar.yearOf(w));
    assertEquals(List.of(Month.of(2020, 12), Month.of(2021, 1), new Quarter(2020, 4),
        new Quarter(2021, 1), new Year(2020), new Year(2021)), NewsletterCalendar.overlaps(w));
  }

  @Test
  void weekInsideOneMonthOverlapsOnlyItsPrimaryPeriods() {
    Week w = NewsletterCalendar.week(2020, 41);
    assertEquals(List.of(Month.of(2020, 10), new Quarter(2020, 4), new Year(2020)),
        NewsletterCalendar.overlaps(w));
  }

  @Test
  void monthsQuartersAndYearsNest() {
    assertEquals(new Quarter(2020, 4), NewsletterCalendar.quarterOf(YearMonth.of(2020, 10)));
    assertEquals(new Quarter(2020, 1), NewsletterCalendar.quarterOf(Month.of(2020, 3)));
    assertEquals(new Year(2020), NewsletterCalendar.yearOf(new Quarter(2020, 2)));
    assertEquals(new Year(2020), NewsletterCalendar.yearOf(Month.of(2020, 7)));
  }
}

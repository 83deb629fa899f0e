package org.mlnews.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.WeekRef;

class PeriodTest {

  @Test
  void weekNextAndPreviousCrossTheYearEnd() {
    assertEquals(Week.of(2021, 1), Week.of(2020, 52).next());
    assertEquals(Week.of(2020, 52), Week.of(2021, 1).previous());
    assertEquals(Week.of(2023, 1), Week.of(2022, 53).next());
    assertEquals(Week.of(2022, 53), Week.of(2023, 1).previous());
  }

  @Test
  void monthNextAndPreviousCrossTheYearEnd() {
    assertEquals(Month.of(2021, 1), Month.of(2020, 12).next());
    assertEquals(Month.of(2020, 12), Month.of(2021, 1).previous());
  }

  @Test
  void quarterNextAndPreviousCrossTheYearEnd() {
    assertEquals(new Quarter(2021, 1), new Quarter(2020, 4).next());
    assertEquals(new Quarter(2020, 4), new Quarter(2021, 1).previous());
  }

  @Test
  void yearNextAndPrevious() {
    assertEquals(new Year(2021), new Year(2020).next());
    assertEquals(new Year(2019), new Year(2020).previous());
  }

  @Test
  void nextStartsTheDayAfterEndForEveryKind() {
    Period[] periods = {Week.of(2020, 52), Month.of(2020, 2), new Quarter(2020, 4), new Year(2020)};
    for (Period p : periods) {
      assertEquals(p.end().plusDays(1), p.next().start(), p.key());
      assertEquals(p.start().minusDays(1), p.previous().end(), p.key());
    }
  }

  @Test
  void startAndEndAreInclusive() {
    assertEquals(LocalDate.of(2020, 2, 29), Month.of(2020, 2).end());
    assertEquals(LocalDate.of(2020, 10, 1), new Quarter(2020, 4).start());
    assertEquals(LocalDate.of(2020, 12, 31), new Quarter(2020, 4).end());
    assertEquals(LocalDate.of(2020, 1, 1), new Year(2020).start());
    assertEquals(LocalDate.of(2020, 12, 31), new Year(2020).end());
    assertTrue(Week.of(2020, 41).contains(LocalDate.of(2020, 10, 10)));
    assertFalse(Week.of(2020, 41).contains(LocalDate.of(2020, 10, 11)));
  }

  @Test
  void keys() {
    assertEquals("2020-W41", Week.of(2020, 41).key());
    assertEquals("2021-W01", Week.of(2021, 1).key());
    assertEquals("2020-10", Month.of(2020, 10).key());
    assertEquals("2020-Q4", new Quarter(2020, 4).key());
    assertEquals("2020", new Year(2020).key());
  }

  @Test
  void englishLabels() {
    assertEquals("Week 41, 2020", Week.of(2020, 41).labelEn());
    assertEquals("October 2020", Month.of(2020, 10).labelEn());
    assertEquals("Q4 2020", new Quarter(2020, 4).labelEn());
    assertEquals("2020", new Year(2020).labelEn());
  }

  @Test
  void chineseLabels() {
    assertEquals("2020 年第 41 周", Week.of(2020, 41).labelZh());
    assertEquals("2020 年 10 月", Month.of(2020, 10).labelZh());
    assertEquals("2020 年第 4 季度", new Quarter(2020, 4).labelZh());
    assertEquals("2020 年", new Year(2020).labelZh());
  }

  @Test
  void weekBeyondTheYearsWeeksIsRejectedWithTheCount() {
    var e = assertThrows(IllegalArgumentException.class, () -> Week.of(2020, 53));
    assertEquals("Illegal week=53 for 2020: 2020 has 52 weeks", e.getMessage());
    var e54 = assertThrows(IllegalArgumentException.class, () -> Week.of(2022, 54));
    assertEquals("Illegal week=54 for 2022: 2022 has 53 weeks", e54.getMessage());
  }

  @Test
  void weekWithDatesThatDisagreeWithItsNumberIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Week(new WeekRef(2020, 41),
        LocalDate.of(2020, 10, 5), LocalDate.of(2020, 10, 11)));
    assertEquals("Illegal start=2020-10-05 for week 41 of 2020: it starts on Sunday 2020-10-04",
        e.getMessage());
    var e2 = assertThrows(IllegalArgumentException.class, () -> new Week(new WeekRef(2020, 41),
        LocalDate.of(2020, 10, 4), LocalDate.of(2020, 10, 11)));
    assertEquals("Illegal end=2020-10-11 for week 41 of 2020: it ends on Saturday 2020-10-10",
        e2.getMessage());
  }

  @Test
  void quarterOutOfRangeIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Quarter(2020, 5));
    assertEquals("Illegal quarter=5 for 2020: must be between 1 and 4", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Quarter(2020, 0));
  }

  @Test
  void monthOutOfRangeIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> Month.of(2020, 13));
    assertEquals("Illegal month=13 for 2020: must be between 1 and 12", e.getMessage());
    assertThrows(NullPointerException.class, () -> new Month(null));
    assertThrows(IllegalArgumentException.class, () -> new Month(YearMonth.of(3000, 1)));
  }

  @Test
  void yearOutOfRangeIsRejected() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Year(1800));
    assertEquals("Illegal year=1800: must be between 1899 and 2999", e.getMessage());
  }

  @Test
  void periodsOverlapWhenTheyShareADay() {
    assertTrue(Week.of(2020, 40).overlaps(Month.of(2020, 10)));
    assertFalse(Week.of(2020, 41).overlaps(Month.of(2020, 9)));
  }
}

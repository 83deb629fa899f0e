package org.mlnews.time;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.Issue;
import org.mlnews.issue.Warning;
import org.mlnews.issue.WeekRef;

class DateChecksTest {

  private static Issue weekly(WeekRef week, LocalDate coverage) {
    return new Issue("weekly", null, "title", "zh", week, null, null, coverage, null, null, null,
        null);
  }

  private static Issue monthly(YearMonth month, LocalDate coverage) {
    return new Issue("monthly", null, "title", "zh", null, month, null, coverage, null, null,
        null, null);
  }

  @Test
  void week48IssueWhoseIntroSaysNovember15GetsADateMismatch() {
    List<Warning> ws = DateChecks.check(weekly(new WeekRef(2020, 48), LocalDate.of(2020, 11, 15)));
    assertEquals(List.of(new Warning("date-mismatch", "intro date 2020-11-15 is in week 47 of "
        + "2020, but the issue declares week 48; the declared week wins", 0)), ws);
  }

  @Test
  void week41IssueWhoseIntroSaysOctober4IsFine() {
    assertEquals(List.of(),
        DateChecks.check(weekly(new WeekRef(2020, 41), LocalDate.of(2020, 10, 4))));
  }

  @Test
  void lastDayOfTheWeekIsStillInIt() {
    assertEquals(List.of(),
        DateChecks.check(weekly(new WeekRef(2020, 41), LocalDate.of(2020, 10, 10))));
  }

  @Test
  void mismatchAcrossTheYearEndNamesTheDeclaredYear() {
    List<Warning> ws = DateChecks.check(weekly(new WeekRef(2020, 52), LocalDate.of(2020, 12, 27)));
    assertEquals("intro date 2020-12-27 is in week 1 of 2021, but the issue declares week 52 of "
        + "2020; the declared week wins", ws.get(0).message());
  }

  @Test
  void nothingToCompareWithoutACoverageDate() {
    assertEquals(List.of(), DateChecks.check(weekly(new WeekRef(2020, 48), null)));
    assertEquals(List.of(), DateChecks.check(weekly(null, LocalDate.of(2020, 11, 15))));
  }

  @Test
  void declaredWeekTheYearDoesNotHaveIsReported() {
    List<Warning> ws = DateChecks.check(weekly(new WeekRef(2020, 53), LocalDate.of(2020, 12, 27)));
    assertEquals(List.of(new Warning("invalid-week",
        "the issue declares week 53 of 2020, but 2020 has 52 weeks", 0)), ws);
  }

  @Test
  void monthlySummaryWhoseCoverageIsOutsideItsMonthGetsADateMismatch() {
    List<Warning> ws = DateChecks.check(monthly(YearMonth.of(2020, 11), LocalDate.of(2020, 10, 25)));
    assertEquals(List.of(new Warning("date-mismatch", "intro date 2020-10-25 is in October 2020, "
        + "but the summary declares November 2020; the declared month wins", 0)), ws);
  }

  @Test
  void monthlySummaryWhoseCoverageIsInItsMonthIsFine() {
    assertEquals(List.of(),
        DateChecks.check(monthly(YearMonth.of(2020, 10), LocalDate.of(2020, 10, 1))));
  }

  @Test
  void recheckReplacesTheDateWarningsAnIssueCarriesAndKeepsTheOthers() {
    var carried = List.of(new Warning("date-mismatch", "stale", 0), new Warning("entry-without-link", "kept", 7));
    Issue fixed = weekly(new WeekRef(2020, 41), LocalDate.of(2020, 10, 4)).withWarnings(carried);
    assertEquals(List.of(new Warning("entry-without-link", "kept", 7)), DateChecks.recheck(fixed, 5, 9).warnings());
    Issue broken = weekly(new WeekRef(2020, 53), LocalDate.of(2020, 12, 27)).withWarnings(carried);
    assertEquals(List.of(new Warning("entry-without-link", "kept", 7), new Warning("invalid-week",
        "the issue declares week 53 of 2020, but 2020 has 52 weeks", 5)), DateChecks.recheck(broken, 5, 9).warnings());
  }
}

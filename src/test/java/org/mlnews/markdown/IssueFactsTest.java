package org.mlnews.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.WeekRef;

class IssueFactsTest {
  @Test
  void weekFromChineseTitles() {
    assertEquals(new WeekRef(2020, 41), IssueFacts.week("2020 年第 41 周"));
    assertEquals(new WeekRef(2021, 7), IssueFacts.week("Akira 的 ML 新闻—2021 年第 7 周"));
    assertEquals(new WeekRef(2021, 2), IssueFacts.week("2021 年第 2 周阿基拉的 ML 新闻"));
    assertEquals(new WeekRef(2021, 3), IssueFacts.week("Akira 的 ML 新闻#第 3 周，2021"));
  }

  @Test
  void weekFromEnglishTitles() {
    assertEquals(new WeekRef(2020, 41), IssueFacts.week("Akira's ML News #Week 41, 2020"));
    assertEquals(new WeekRef(2020, 41), IssueFacts.week("I read in week 41 of 2020 (Oct 4~)."));
  }

  @Test
  void weekFromSlug() {
    assertEquals(new WeekRef(2020, 41), IssueFacts.weekFromSlug("akiras-ml-news-week41-2020-ff1938c74adf"));
    assertEquals(new WeekRef(2021, 7), IssueFacts.weekFromSlug("akiras-ml-news-week-7-2021-8d6517711a17"));
    assertNull(IssueFacts.weekFromSlug("akiras-machine-learning-news-18-368e82e8ae4b"));
  }

  @Test
  void impossibleWeekIsNoWeek() {
    assertNull(IssueFacts.week("2020 年第 60 周"));
  }

  @Test
  void monthOfSummaries() {
    assertEquals(YearMonth.of(2020, 10), IssueFacts.month("Akira 的 ML 新闻# 2020 年 10 月"));
    assertEquals(YearMonth.of(2021, 2), IssueFacts.month("机器学习总结；2021 年 2 月"));
    assertEquals(YearMonth.of(2020, 10), IssueFacts.month("Akira's ML news: October 2020"));
    assertEquals(YearMonth.of(2020, 10), IssueFacts.monthFromSlug("akiras-ml-news-october-2020-c7b5b4281d36"));
  }

  @Test
  void issueNumbers() {
    assertEquals(18, IssueFacts.issueNumber("Akira 的机器学习新闻— #18"));
    assertEquals(18, IssueFacts.issueNumber("Akira's Machine Learning News — #18"));
    assertEquals(29, IssueFacts.issueNumber("Akira 的机器学习新闻—#第 29 期"));
    assertEquals(29, IssueFacts.issueNumber("Akira's Machine Learning News issue 29"));
    assertNull(IssueFacts.issueNumber("Akira 的 ML 新闻# 2020 年 10 月"));
    assertNull(IssueFacts.issueNumber("Akira's ML News #Week 41, 2020"));
    assertEquals(18, IssueFacts.issueNumberFromSlug("akiras-machine-learning-news-18-368e82e8ae4b"));
    assertEquals(29, IssueFacts.issueNumberFromSlug("akiras-machine-learning-news-issue-29-dab82a5b3cb7"));
  }

  @Test
  void coverageDateAcrossTheYearEnd() {
    var md = IssueFacts.coverageMonthDay("以下是我在 2021 年第 1 周(12 月 27 日~)读到的");
    assertEquals(LocalDate.of(2020, 12, 27), IssueFacts.resolve(md, new WeekRef(2021, 1), null, 2021));
  }

  @Test
  void coverageDateInEnglish() {
    var md = IssueFacts.coverageMonthDay("in week 41 of 2020 (Oct 4~).");
    assertEquals(LocalDate.of(2020, 10, 4), IssueFacts.resolve(md, new WeekRef(2020, 41), null, 2020));
  }

  @Test
  void impossibleDateThrowsForTheReaderToWarn() {
    var md = IssueFacts.coverageMonthDay("(2 月 30 日~)");
    assertThrows(DateTimeException.class, () -> IssueFacts.resolve(md, new WeekRef(2021, 9), null, 2021));
  }

  @Test
  void coverageDateOfAWeekWithItsYear() {
    var md = IssueFacts.coverageMonthDay("2021 年 7 月 25 日一周总结");
    assertEquals(LocalDate.of(2021, 7, 25), IssueFacts.resolve(md, null, null, null));
    var en = IssueFacts.coverageMonthDay("Summary of the week of July 25, 2021");
    assertEquals(LocalDate.of(2021, 7, 25), IssueFacts.resolve(en, null, null, null));
  }

  @Test
  void noYearAnywhereMeansNoDate() {
    var md = IssueFacts.coverageMonthDay("(7 月 25 日~)");
    assertNull(IssueFacts.resolve(md, null, null, null));
  }
}

package org.mlnews.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.Issue;
import org.mlnews.issue.WeekRef;
import org.mlnews.time.DateInference.Inferred;

class DateInferenceTest {

  private static Issue numbered(int number, WeekRef week) {
    return issue("issue-" + number, number, week, null);
  }

  private static Issue issue(String slug, Integer number, WeekRef week, LocalDate coverage) {
    return new Issue(slug, null, "title", "zh", week, null, number, coverage, null, null, null,
        null);
  }

  private static WeekRef w(int year, int number) {
    return new WeekRef(year, number);
  }

  @Test
  void extrapolatesFromALowerNeighbourOnly() {
    var result = DateInference.infer(List.of(numbered(24, w(2021, 31)), numbered(25, null)));
    assertEquals(Map.of("issue-25", new Inferred(w(2021, 32), "1 issue after #24 (2021-W31)")),
        result);
  }

  /** A week its year lacks dates nothing: such an issue is inferred as one without a week would be. */
  @Test
  void aWeekTheYearLacksIsInferredOver() {
    var result = DateInference.infer(List.of(numbered(10, w(2020, 50)), numbered(11, w(2020, 53)),
        numbered(12, w(2021, 2))));
    assertEquals(List.of("issue-11"), List.copyOf(result.keySet()));
    // Midway between week 50 and week 2 of 2021, four weeks apart.
    assertEquals(w(2020, 52), result.get("issue-11").week());
  }

  @Test
  void extrapolatesFromAHigherNeighbourOnly() {
    var result = DateInference.infer(List.of(numbered(18, null), numbered(20, w(2021, 25))));
    assertEquals(Map.of("issue-18", new Inferred(w(2021, 23), "2 issues before #20 (2021-W25)")),
        result);
  }

  @Test
  void interpolatesBetweenALowerAndAHigherNeighbour() {
    var result = DateInference.infer(
        List.of(numbered(18, w(2021, 23)), numbered(19, null), numbered(20, w(2021, 25))));
    assertEquals(Map.of("issue-19",
        new Inferred(w(2021, 24), "interpolated between #18 (2021-W23) and #20 (2021-W25)")),
        result);
  }

  @Test
  void prefersTheNearestNeighboursOnBothSides() {
    var result = DateInference.infer(List.of(numbered(10, w(2021, 5)), numbered(18, w(2021, 23)),
        numbered(19, null), numbered(20, w(2021, 25)), numbered(30, w(2021, 40))));
    assertEquals(w(2021, 24), result.get("issue-19").week());
    assertTrue(result.get("issue-19").basis().contains("#18"));
    assertTrue(result.get("issue-19").basis().contains("#20"));
  }

  @Test
  void noUsableNeighbourGivesNothing() {
    var monthly = new Issue("summary", null, "title", "zh", null, YearMonth.of(2021, 6), null,
        LocalDate.of(2021, 6, 1), null, null, null, null);
    var unnumbered = issue("unnumbered", null, w(2021, 23), null);
    assertEquals(Map.of(), DateInference.infer(
        List.of(numbered(25, null), numbered(28, null), monthly, unnumbered)));
  }

  @Test
  void issuesWithAWeekOrMonthOrNoNumberAreLeftAlone() {
    var withMonth = new Issue("with-month", null, "title", "zh", null, YearMonth.of(2021, 6), 21,
        null, null, null, null, null);
    var result = DateInference.infer(List.of(numbered(20, w(2021, 25)), withMonth,
        issue("no-number", null, null, null)));
    assertEquals(Map.of(), result);
  }

  @Test
  void extrapolationCrossesTheYearEnd() {
    // 2020 has 52 weeks, so two weeks after week 52 of 2020 is week 2 of 2021.
    var result = DateInference.infer(List.of(numbered(1, w(2020, 52)), numbered(3, null)));
    assertEquals(w(2021, 2), result.get("issue-3").week());
  }

  @Test
  void ownIntroDateBeatsNeighbours() {
    var result = DateInference.infer(List.of(numbered(20, w(2021, 25)),
        issue("issue-22", 22, null, LocalDate.of(2021, 7, 25))));
    assertEquals(new Inferred(w(2021, 31), "intro date 2021-07-25"), result.get("issue-22"));
  }

  @Test
  void anIssueWithTheSameNumberGivesItsWeek() {
    var result = DateInference.infer(List.of(issue("original-20", 20, w(2021, 25), null),
        issue("translation-20", 20, null, null)));
    assertEquals(new Inferred(w(2021, 25), "same issue number as original-20 (2021-W25)"),
        result.get("translation-20"));
  }

  @Test
  void unevenlySpacedNeighboursAreSpreadEvenlyAndSaidSo() {
    // #20 and #22 are six weeks apart, not two: #21 lands half-way, three weeks after #20.
    var result = DateInference.infer(List.of(numbered(20, w(2021, 25)), numbered(21, null),
        numbered(22, w(2021, 31))));
    assertEquals(new Inferred(w(2021, 28), "interpolated between #20 (2021-W25) and #22 "
        + "(2021-W31), which are 6 weeks apart for 2 issue numbers; spread evenly"),
        result.get("issue-21"));
  }

  @Test
  void corpusLikeSequence() {
    // Shaped like the bundled 2021 issues: #18 week 23, #20 week 25, #22 dated only by its intro
    // (2021-07-25, a Sunday in week 31), #24 week 31, and #25, #28, 29, 31, 34 with no date.
    var issues = new ArrayList<>(List.of(
        numbered(18, w(2021, 23)),
        numbered(20, w(2021, 25)),
        issue("issue-22", 22, null, LocalDate.of(2021, 7, 25)),
        numbered(24, w(2021, 31)),
        numbered(25, null),
        numbered(28, null),
        numbered(29, null),
        numbered(31, null),
        numbered(34, null)));
    Collections.reverse(issues); // input order must not matter
    Map<String, Inferred> result = DateInference.infer(issues);

    assertEquals(new Inferred(w(2021, 31), "intro date 2021-07-25"), result.get("issue-22"));
    // #22's intro date makes it an anchor too, but #24 is the nearest lower neighbour of #25.
    assertEquals(new Inferred(w(2021, 32), "1 issue after #24 (2021-W31)"), result.get("issue-25"));
    assertEquals(w(2021, 35), result.get("issue-28").week());
    assertEquals(w(2021, 36), result.get("issue-29").week());
    assertEquals(w(2021, 38), result.get("issue-31").week());
    assertEquals(new Inferred(w(2021, 41), "10 issues after #24 (2021-W31)"),
        result.get("issue-34"));
    assertFalse(result.containsKey("issue-18"));
    assertFalse(result.containsKey("issue-24"));
    assertEquals(6, result.size());
    // Inferred weeks are never anchors: #28 is extrapolated from #24, not from #25's guess.
    assertTrue(result.get("issue-28").basis().contains("#24"));
  }
}

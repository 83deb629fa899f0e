package org.mlnews.time;

import java.time.LocalDate;

/**
 * A calendar year, 1 January to 31 December. Not to be confused with a week-year: week 1 of 2021
 * has week-year 2021 but is during the calendar {@code Year(2020)}.
 *
 * <pre>{@code
 * Year y = new Year(2020);
 * y.key();      // "2020"
 * y.labelZh();  // "2020 年"
 * y.next();     // Year[year=2021]
 * }</pre>
 */
public record Year(int year) implements Period {

  /**
   * Bounds for calendar years. Wider than {@link org.mlnews.issue.WeekRef}'s 1900..2999 by one
   * on the low side, because week 1 of 1900 starts on 1899-12-31 and is during December 1899.
   */
  static final int MIN = 1899;
  static final int MAX = 2999;

  public Year {
    checkYear(year);
  }

  static void checkYear(int year) {
    if (year < MIN || year > MAX) {
      throw new IllegalArgumentException("Illegal year=" + year + ": must be between " + MIN
          + " and " + MAX);
    }
  }

  /** The year containing {@code date}. */
  public static Year of(LocalDate date) {
    return new Year(date.getYear());
  }

  @Override
  public LocalDate start() {
    return LocalDate.of(year, 1, 1);
  }

  @Override
  public LocalDate end() {
    return LocalDate.of(year, 12, 31);
  }

  @Override
  public Year next() {
    return new Year(year + 1);
  }

  @Override
  public Year previous() {
    return new Year(year - 1);
  }

  @Override
  public String key() {
    return Integer.toString(year);
  }

  @Override
  public String labelEn() {
    return Integer.toString(year);
  }

  @Override
  public String labelZh() {
    return year + " 年";
  }
}

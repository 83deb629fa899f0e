package org.mlnews.time;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A calendar quarter: Q1 is January–March, ..., Q4 is October–December.
 *
 * <pre>{@code
 * Quarter q = new Quarter(2020, 4);
 * q.start();    // 2020-10-01
 * q.end();      // 2020-12-31
 * q.next();     // Quarter[year=2021, quarter=1]
 * q.key();      // "2020-Q4"
 * new Quarter(2020, 5);  // IllegalArgumentException: Illegal quarter=5 for 2020: must be between 1 and 4
 * }</pre>
 */
public record Quarter(int year, int quarter) implements Period {

  public Quarter {
    Year.checkYear(year);
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("Illegal quarter=" + quarter + " for " + year
          + ": must be between 1 and 4");
    }
  }

  /** The quarter containing {@code date}. */
  public static Quarter of(LocalDate date) {
    return new Quarter(date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
  }

  /** First month of the quarter. */
  public Month firstMonth() {
    return Month.of(year, (quarter - 1) * 3 + 1);
  }

  @Override
  public LocalDate start() {
    return LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
  }

  @Override
  public LocalDate end() {
    return YearMonth.of(year, quarter * 3).atEndOfMonth();
  }

  @Override
  public Quarter next() {
    return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
  }

  @Override
  public Quarter previous() {
    return quarter == 1 ? new Quarter(year - 1, 4) : new Quarter(year, quarter - 1);
  }

  @Override
  public String key() {
    return year + "-Q" + quarter;
  }

  @Override
  public String labelEn() {
    return "Q" + quarter + " " + year;
  }

  @Override
  public String labelZh() {
    return year + " 年第 " + quarter + " 季度";
  }
}

package org.mlnews.time;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;

/**
 * A calendar month.
 *
 * <pre>{@code
 * Month m = new Month(YearMonth.of(2020, 10));
 * m.key();      // "2020-10"
 * m.labelEn();  // "October 2020"
 * m.labelZh();  // "2020 年 10 月"
 * m.next();     // Month[ym=2020-11]
 * }</pre>
 */
public record Month(YearMonth ym) implements Period {

  public Month {
    Objects.requireNonNull(ym, "ym");
    Year.checkYear(ym.getYear());
  }

  /** Month {@code month} (1..12) of {@code year}. */
  public static Month of(int year, int month) {
    if (month < 1 || month > 12) {
      throw new IllegalArgumentException("Illegal month=" + month + " for " + year
          + ": must be between 1 and 12");
    }
    return new Month(YearMonth.of(year, month));
  }

  /** The month containing {@code date}. */
  public static Month of(LocalDate date) {
    return new Month(YearMonth.from(date));
  }

  public int year() {
    return ym.getYear();
  }

  /** 1..12. */
  public int month() {
    return ym.getMonthValue();
  }

  @Override
  public LocalDate start() {
    return ym.atDay(1);
  }

  @Override
  public LocalDate end() {
    return ym.atEndOfMonth();
  }

  @Override
  public Month next() {
    return new Month(ym.plusMonths(1));
  }

  @Override
  public Month previous() {
    return new Month(ym.minusMonths(1));
  }

  @Override
  public String key() {
    return ym.toString();
  }

  @Override
  public String labelEn() {
    // Locale.ROOT-independent: the English month name is fixed, not the JVM's default locale.
    return ym.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + ym.getYear();
  }

  @Override
  public String labelZh() {
    return ym.getYear() + " 年 " + ym.getMonthValue() + " 月";
  }
}

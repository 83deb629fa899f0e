package org.mlnews.time;

import java.time.LocalDate;

/**
 * A span of whole days in the newsletter's calendar: a {@link Week}, {@link Month}, {@link
 * Quarter} or {@link Year}. All are immutable value records; equal periods are {@code equals}.
 *
 * <pre>{@code
 * Period p = new Quarter(2020, 4);
 * p.start();     // 2020-10-01
 * p.end();       // 2020-12-31 (inclusive)
 * p.next();      // Quarter[year=2021, quarter=1]
 * p.key();       // "2020-Q4"
 * p.labelZh();   // "2020 年第 4 季度"
 * Period.parse("2020-W41");   // the week; Period.parse("2020-W99") is null
 * }</pre>
 */
public sealed interface Period permits Week, Month, Quarter, Year {

  /** First day, inclusive. */
  LocalDate start();

  /** Last day, inclusive. */
  LocalDate end();

  /** The period of the same kind that starts the day after {@link #end()}. */
  Period next();

  /** The period of the same kind that ends the day before {@link #start()}. */
  Period previous();

  /**
   * A stable string usable in URIs and as a map key: {@code 2020-W41}, {@code 2020-10},
   * {@code 2020-Q4}, {@code 2020}. Keys of different kinds never collide.
   */
  String key();

  /** English label: "Week 41, 2020", "October 2020", "Q4 2020", "2020". */
  String labelEn();

  /** Chinese label: "2020 年第 41 周", "2020 年 10 月", "2020 年第 4 季度", "2020 年". */
  String labelZh();

  /**
   * The period of a {@link #key()}, or null when the text is no key or names no such period
   * ({@code 2020-W54}, {@code 2020-13}).
   */
  static Period parse(String key) {
    try {
      if (key.matches("\\d{4}-W\\d{2}")) {
        return NewsletterCalendar.week(Integer.parseInt(key.substring(0, 4)), Integer.parseInt(key.substring(6)));
      } else if (key.matches("\\d{4}-\\d{2}")) {
        return Month.of(Integer.parseInt(key.substring(0, 4)), Integer.parseInt(key.substring(5)));
      } else if (key.matches("\\d{4}-Q[1-4]")) {
        return new Quarter(Integer.parseInt(key.substring(0, 4)), key.charAt(6) - '0');
      } else if (key.matches("\\d{4}")) {
        return new Year(Integer.parseInt(key));
      }
    } catch (RuntimeException e) {
      return null;
    }
    return null;
  }

  /** Whether {@code date} lies within {@link #start()}..{@link #end()}, both inclusive. */
  default boolean contains(LocalDate date) {
    return !date.isBefore(start()) && !date.isAfter(end());
  }

  /** Whether the two periods share at least one day. */
  default boolean overlaps(Period other) {
    return !other.end().isBefore(start()) && !other.start().isAfter(end());
  }
}

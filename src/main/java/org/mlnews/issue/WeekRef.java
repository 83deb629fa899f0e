package org.mlnews.issue;

/**
 * A newsletter week: {@code number} counts Sunday-start weeks of {@code year}, week 1 being the
 * week that contains 1 January (see {@code org.mlnews.time.NewsletterCalendar}).
 */
public record WeekRef(int year, int number) implements Comparable<WeekRef> {
  public WeekRef {
    if (year < 1900 || year > 2999) {
      throw new IllegalArgumentException("Illegal year=" + year + " : must be between 1900 and 2999");
    }
    if (number < 1 || number > 54) {
      throw new IllegalArgumentException("Illegal week=" + number + " : must be between 1 and 54");
    }
  }

  @Override
  public int compareTo(WeekRef o) {
    return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
  }

  @Override
  public String toString() {
    return year + "-W" + (number < 10 ? "0" : "") + number;
  }
}

package org.mlnews.build;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The clock a build stamps its graphs with ({@code prov:generatedAtTime}). Following the
 * reproducible-builds convention, when the environment variable {@value #SOURCE_DATE_EPOCH} is set
 * (seconds since 1970-01-01T00:00:00Z), that fixed time is used, so two builds of the same data
 * give the same triples and byte-identical dumps; otherwise the system clock in UTC.
 *
 * <pre>{@code
 * Clock clock = BuildClock.fromEnvironment();   // SOURCE_DATE_EPOCH=1607126400 -> 2020-12-05T00:00:00Z
 * }</pre>
 */
public final class BuildClock {
  /** See https://reproducible-builds.org/specs/source-date-epoch/. */
  public static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  private BuildClock() {}

  /** The clock for this process's environment. */
  public static Clock fromEnvironment() {
    return from(System.getenv());
  }

  /**
   * The clock for an environment.
   *
   * @throws IllegalArgumentException when {@value #SOURCE_DATE_EPOCH} is set but not a whole,
   *     non-negative number of seconds
   */
  public static Clock from(Map<String, String> env) {
    String value = env.get(SOURCE_DATE_EPOCH);
    if (value == null || value.isBlank()) {
      return Clock.systemUTC();
    }
    long seconds;
    try {
      seconds = Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 0) {
      throw new IllegalArgumentException("Illegal " + SOURCE_DATE_EPOCH + "=" + value
          + " : must be a whole number of seconds since 1970-01-01T00:00:00Z");
    }
    return Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
  }
}

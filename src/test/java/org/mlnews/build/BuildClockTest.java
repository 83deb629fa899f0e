package org.mlnews.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BuildClockTest {
  @Test
  void sourceDateEpochFixesTheClock() {
    var clock = BuildClock.from(Map.of("SOURCE_DATE_EPOCH", "1607126400"));
    assertEquals(Instant.parse("2020-12-05T00:00:00Z"), clock.instant());
    assertEquals(clock.instant(), clock.instant());
  }

  @Test
  void withoutItTheClockRuns() {
    Instant before = Instant.now();
    Instant t = BuildClock.from(Map.of()).instant();
    assertTrue(!t.isBefore(before.minusSeconds(1)), t.toString());
  }

  @Test
  void aBadValueSaysWhatIsWrong() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> BuildClock.from(Map.of("SOURCE_DATE_EPOCH", "yesterday")));
    assertEquals("Illegal SOURCE_DATE_EPOCH=yesterday : must be a whole number of seconds since "
        + "1970-01-01T00:00:00Z", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BuildClock.from(Map.of("SOURCE_DATE_EPOCH", "-5")));
  }
}

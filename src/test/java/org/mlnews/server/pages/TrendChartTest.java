package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrendChartTest {
  @Test
  void barsScaleToTheBusiestWeek() {
    var c = TrendChart.of(List.of(
        new TrendChart.Point("Week 52, 2020", "/time/week/2020-W52", "2020-12-20", 2),
        new TrendChart.Point("Week 1, 2021", "/time/week/2021-W01", "2020-12-27", 4),
        new TrendChart.Point("Week 2, 2021", "/time/week/2021-W02", "2021-01-03", 0)));
    assertEquals(4, c.max());
    assertEquals(6, c.total());
    assertEquals(3, c.bars().size());
    double full = TrendChart.HEIGHT - TrendChart.TOP - TrendChart.BOTTOM;
    assertEquals(full, Double.parseDouble(c.bars().get(1).height()), 0.01);
    assertEquals(full / 2, Double.parseDouble(c.bars().get(0).height()), 0.01);
    assertEquals(1.0, Double.parseDouble(c.bars().get(2).height()), 0.01, "an empty week keeps a sliver");
    assertEquals("Week 1, 2021: 4 mentions", c.bars().get(1).title());
    assertEquals(List.of("2020", "2021"), c.ticks().stream().map(TrendChart.Tick::text).toList(), "a tick per year");
    assertTrue(TrendChart.of(List.of()).isEmpty());
  }

  /** Weeks from 2020-09-06 on, one a week, each with {@code i % 3} mentions. */
  static List<TrendChart.Point> weeks(int n) {
    var out = new java.util.ArrayList<TrendChart.Point>();
    var start = java.time.LocalDate.of(2020, 9, 6);
    for (int i = 0; i < n; i++) {
      var d = start.plusWeeks(i);
      out.add(new TrendChart.Point("week " + i, "/w/" + i, d.toString(), i % 3));
    }
    return out;
  }

  @Test
  void manyWeeksAreSummedByLongerPeriods() {
    var few = TrendChart.of(weeks(TrendChart.MAX_BARS), key -> "/p/" + key);
    assertEquals("week", few.unit());
    assertEquals(TrendChart.MAX_BARS, few.bars().size());

    var years = TrendChart.of(weeks(400), key -> "/p/" + key);   // about 7.7 years
    assertEquals("month", years.unit());
    assertEquals(400, years.weeks());
    assertEquals(weeks(400).stream().mapToInt(TrendChart.Point::value).sum(), years.total(), "nothing lost");
    assertTrue(years.bars().size() <= TrendChart.MAX_BARS);
    assertEquals("/p/2020-09", years.bars().get(0).href());
    assertTrue(years.bars().get(0).title().startsWith("September 2020: "), years.bars().get(0).title());

    var centuries = TrendChart.of(weeks(10_000), key -> "/p/" + key);
    assertEquals("year", centuries.unit(), "192 years: by year, the longest period there is");
    assertEquals("/p/2020", centuries.bars().get(0).href());
    assertTrue(centuries.ticks().size() <= TrendChart.MAX_TICKS, "ticks: " + centuries.ticks().size());
  }
}

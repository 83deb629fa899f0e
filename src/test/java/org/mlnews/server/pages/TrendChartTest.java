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
}

package org.mlnews.server.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of a bar chart of mentions per week, drawn as SVG by the {@code chart} template
 * (so its labels are escaped like any other text): one bar per week that has an issue, a tick
 * at the first week of each year, the y axis from 0 to the busiest week.
 *
 * <pre>{@code
 * TrendChart c = TrendChart.of(List.of(new TrendChart.Point("Week 41, 2020", "/time/week/2020-W41", "2020-10-04", 3)));
 * c.bars().get(0).height();   // "140.00"
 * }</pre>
 */
record TrendChart(int width, int height, List<Bar> bars, List<Tick> ticks, int max, int total, String axisY,
    String axisX, String plotLeft, String plotRight, String plotBottom) {

  /** One week: its label, page, start date and number of mentions. */
  record Point(String label, String href, String start, int value) {}

  /** A bar, coordinates already formatted for SVG. */
  record Bar(String x, String y, String width, String height, String href, String title, int value) {}

  /** A label under the x axis. */
  record Tick(String x, String text) {}

  static final int WIDTH = 640;
  static final int HEIGHT = 200;
  static final int LEFT = 36;
  static final int RIGHT = 8;
  static final int TOP = 12;
  static final int BOTTOM = 28;

  static TrendChart of(List<Point> points) {
    int max = points.stream().mapToInt(Point::value).max().orElse(0);
    int total = points.stream().mapToInt(Point::value).sum();
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double step = points.isEmpty() ? plotW : plotW / points.size();
    double barW = Math.max(1, Math.min(step * 0.8, 28));
    var bars = new ArrayList<Bar>();
    var ticks = new ArrayList<Tick>();
    String lastYear = null;
    for (int i = 0; i < points.size(); i++) {
      Point p = points.get(i);
      double h = max == 0 ? 0 : plotH * p.value() / max;
      double x = LEFT + i * step + (step - barW) / 2;
      // A zero week still gets a sliver, so the weeks with an issue are visible.
      double shown = Math.max(h, 1);
      bars.add(new Bar(f(x), f(TOP + plotH - shown), f(barW), f(shown), p.href(),
          p.label() + ": " + p.value() + (p.value() == 1 ? " mention" : " mentions"), p.value()));
      String year = p.start() == null || p.start().length() < 4 ? null : p.start().substring(0, 4);
      if (year != null && !year.equals(lastYear)) {
        ticks.add(new Tick(f(LEFT + i * step), year));
        lastYear = year;
      }
    }
    return new TrendChart(WIDTH, HEIGHT, bars, ticks, max, total, f(TOP + plotH), f(HEIGHT - 8), f(LEFT),
        f(WIDTH - RIGHT), f(TOP + plotH));
  }

  private static String f(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }

  public String top() {
    return f(TOP + 4);
  }

  public boolean isEmpty() {
    return bars.isEmpty();
  }
}

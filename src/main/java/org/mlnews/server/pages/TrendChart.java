package org.mlnews.server.pages;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.mlnews.time.Period;

/**
 * The geometry of a bar chart of mentions per week, drawn as SVG by the {@code chart} template
 * (so its labels are escaped like any other text): one bar per week that has an issue, a tick
 * at the first week of each year (at most about a dozen, evenly spread), the y axis from 0 to
 * the busiest bar. Past {@link #MAX_BARS} weeks, bars sum the weeks by the month they start in,
 * else by quarter, else by year, and link to that period's page: 10,000 weekly bars in 600
 * pixels would be a 1.6 MB page that shows nothing.
 *
 * <pre>{@code
 * TrendChart c = TrendChart.of(List.of(new TrendChart.Point("Week 41, 2020", "/time/week/2020-W41", "2020-10-04", 3)));
 * c.bars().get(0).height();   // "140.00"
 * }</pre>
 */
record TrendChart(int width, int height, List<Bar> bars, List<Tick> ticks, int max, int total, String axisY,
    String axisX, String plotLeft, String plotRight, String plotBottom, String unit, int weeks) {

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

  /** Most bars drawn; past it, weeks are summed by longer periods. */
  static final int MAX_BARS = 150;
  /** Most year labels under the axis. */
  static final int MAX_TICKS = 12;

  /** The chart of these weeks, one bar each (however many). */
  static TrendChart of(List<Point> points) {
    return draw(points, "week", points.size());
  }

  /**
   * The chart of these weeks (in time order), summed by month, quarter or year when there are more
   * than {@link #MAX_BARS}; {@code periodHref} gives the page of a period by its key ({@code
   * 2020-10}, {@code 2020-Q4}, {@code 2020}).
   */
  static TrendChart of(List<Point> weeks, Function<String, String> periodHref) {
    if (weeks.size() <= MAX_BARS) {
      return of(weeks);
    }
    var units = new LinkedHashMap<String, Function<String, String>>();
    units.put("month", start -> start.substring(0, 7));
    units.put("quarter", start -> start.substring(0, 4) + "-Q" + ((Integer.parseInt(start.substring(5, 7)) + 2) / 3));
    units.put("year", start -> start.substring(0, 4));
    List<Point> bins = List.of();
    String unit = null;
    for (var u : units.entrySet()) {
      var sums = new LinkedHashMap<String, int[]>();
      var starts = new HashMap<String, String>();
      for (Point w : weeks) {
        String key = u.getValue().apply(w.start());
        sums.computeIfAbsent(key, k -> new int[1])[0] += w.value();
        starts.putIfAbsent(key, w.start());
      }
      unit = u.getKey();
      bins = sums.entrySet().stream().map(e -> new Point(Period.parse(e.getKey()).labelEn(),
          periodHref.apply(e.getKey()), starts.get(e.getKey()), e.getValue()[0])).toList();
      if (bins.size() <= MAX_BARS) {
        break;
      }
    }
    return draw(bins, unit, weeks.size());
  }

  private static TrendChart draw(List<Point> points, String unit, int weeks) {
    int max = points.stream().mapToInt(Point::value).max().orElse(0);
    int total = points.stream().mapToInt(Point::value).sum();
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    double step = points.isEmpty() ? plotW : plotW / points.size();
    double barW = Math.max(1, Math.min(step * 0.8, 28));
    var bars = new ArrayList<Bar>();
    var ticks = new ArrayList<Tick>();
    String lastYear = null;
    long years = points.stream().filter(p -> p.start() != null && p.start().length() >= 4)
        .map(p -> p.start().substring(0, 4)).distinct().count();
    long stride = Math.max(1, (years + MAX_TICKS - 1) / MAX_TICKS);
    int yearIndex = 0;
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
        if (yearIndex++ % stride == 0) {
          ticks.add(new Tick(f(LEFT + i * step), year));
        }
        lastYear = year;
      }
    }
    return new TrendChart(WIDTH, HEIGHT, bars, ticks, max, total, f(TOP + plotH), f(HEIGHT - 8), f(LEFT),
        f(WIDTH - RIGHT), f(TOP + plotH), unit, weeks);
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

package org.mlnews.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {
  @Test
  void percentilesAreNearestRank() {
    double[] v = {5, 1, 4, 2, 3};
    assertEquals(3, Stats.percentile(v, 50));
    assertEquals(5, Stats.percentile(v, 99));
    assertEquals(1, Stats.percentile(v, 1));
    assertTrue(Double.isNaN(Stats.percentile(new double[0], 50)));
    double[] hundred = new double[100];
    for (int i = 0; i < 100; i++) {
      hundred[i] = i + 1;
    }
    assertEquals(50, Stats.percentile(hundred, 50));
    assertEquals(99, Stats.percentile(hundred, 99));
  }

  @Test
  void tableAndJsonCarryTheFigures() throws Exception {
    var size = new BenchReport.SizeResult(100, 700_000, 37_463, 40_936,
        new BenchReport.Load("mlnews build", 2.0, 3.0, 50, 20_468, 100L << 20),
        new BenchReport.Load("RIOT + TDB2 LoaderPhased", 1.0, 2.0, 100, 40_936, 200L << 20), 0.5,
        new BenchReport.Incremental(0.25, 0.3, 1, 99, 50L << 20),
        List.of(new BenchReport.QueryResult("topic-trend", Map.of("topic", "GAN"), 100, 200, 180, 4.2, 9.9, 6.1, 12.5)),
        List.of(new BenchReport.PageResult("/", 1000, 0, 100.0)),
        null, 10L << 20, 8L << 20);
    var report = new BenchReport(new BenchReport.Machine(2, 24L << 30, "java 17", "vm", "Linux", "cpu", 1.5),
        new BenchReport.Settings(1, 20, 200, 4, 10, null, 6L << 30), List.of(size));
    String table = report.table();
    assertTrue(table.contains("| **build / baseline rate** (by CPU time) | **0.50x** (0.67x) |"), table);
    assertTrue(table.contains("| topic-trend topic=GAN p50 / p99 direct | 4.20 ms / 9.90 ms (100 rows; 200 runs) |"), table);
    assertTrue(table.contains("| incremental, one issue edited | 0.25 s (0.30 s CPU; 1 updated) |"), table);
    var json = new ObjectMapper().readTree(report.toJson());
    assertEquals(40_936, json.at("/results/0/quads").asLong());
    assertEquals(12.5, json.at("/results/0/queries/0/httpP99Ms").asDouble());
    assertEquals(2, json.at("/machine/cores").asInt());
  }
}

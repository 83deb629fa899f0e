package org.mlnews.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class LineSorterTest {
  @Test
  void sortsAndDropsDuplicatesAcrossSpilledRuns() {
    var random = new Random(7);
    var expected = new TreeSet<String>(Terms.CODE_POINT_ORDER);
    var got = new ArrayList<String>();
    try (var sorter = new LineSorter(10)) {
      for (int i = 0; i < 1000; i++) {
        String line = "<https://example.org/" + random.nextInt(300) + "> 漢" + (char) ('a' + random.nextInt(3));
        expected.add(line);
        sorter.add(line);
      }
      assertTrue(sorter.runs() > 50, "runs spilled: " + sorter.runs());
      sorter.sorted().forEachRemaining(got::add);
    }
    assertEquals(List.copyOf(expected), got);
  }

  @Test
  void inMemoryOnlyWhenSmall() {
    try (var sorter = new LineSorter(100)) {
      List.of("b", "a", "b").forEach(sorter::add);
      var got = new ArrayList<String>();
      sorter.sorted().forEachRemaining(got::add);
      assertEquals(List.of("a", "b"), got);
      assertEquals(0, sorter.runs());
    }
  }
}

package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mlnews.server.pages.BrowserFixture.W48;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.rdf.Iris;

/** A page the browser keeps is never served once the store has changed under it. */
class PageCacheIT {
  @TempDir Path dir;

  @Test
  void aWriteToTheStoreDropsTheKeptPages() throws Exception {
    Iris iris = new Iris(Iris.DEFAULT_BASE);
    try (BrowserFixture f = BrowserFixture.start(dir, iris)) {
      // The store's files an hour old: quiet, so pages are kept from now on.
      FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
      try (var data = Files.list(f.store.dir())) {
        for (Path d : data.filter(p -> p.getFileName().toString().startsWith("Data-")).toList()) {
          try (var files = Files.list(d)) {
            for (Path file : files.toList()) {
              Files.setLastModifiedTime(file, hourAgo);
            }
          }
        }
      }
      String home = f.get("/").body();
      assertTrue(home.contains("/issue/" + W48), "the home page lists the latest issue");
      assertEquals(home, f.get("/").body());
      String week = f.get("/time/week/2020-W48").body();
      assertTrue(week.contains("/issue/" + W48));

      // Behind the browser's back, as SPARQL Update or another process would.
      f.store.write(() -> f.store.datasetGraph().removeGraph(iris.issueGraph(W48)));
      assertFalse(f.get("/").body().contains("/issue/" + W48), "the home page is rendered again");
      assertEquals(404, f.get("/issue/" + W48).statusCode());
    }
  }
}

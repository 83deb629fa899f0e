package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.mlnews.issue.WeekRef;

class IrisTest {
  final Iris iris = new Iris("https://example.org/news/");

  @Test
  void mintsUnderTheBase() {
    assertEquals("https://example.org/news/issue/week41", iris.issue("week41").getURI());
    assertEquals("https://example.org/news/time/week/2021-W01", iris.week(new WeekRef(2021, 1)).getURI());
    assertEquals("https://example.org/news/time/quarter/2020-Q4", iris.quarter(2020, 4).getURI());
    assertEquals("https://example.org/news/graph/issue/week41", iris.issueGraph("week41").getURI());
  }

  @Test
  void languagesAreTheLibraryOfCongresssIris() {
    assertEquals("http://id.loc.gov/vocabulary/iso639-1/zh", Iris.language("zh").getURI());
    assertEquals("http://id.loc.gov/vocabulary/iso639-1/zh", Iris.language("zh-Hans").getURI());
    assertEquals("http://id.loc.gov/vocabulary/iso639-1/en", Iris.language("EN-gb").getURI());
    assertEquals("http://id.loc.gov/vocabulary/iso639-2/fil", Iris.language("fil").getURI());
  }

  @Test
  void periodKeysMapToTheSameIrisAsTheirConstructors() {
    assertEquals(iris.week(new WeekRef(2020, 41)), iris.period("2020-W41"));
    assertEquals(iris.quarter(2020, 4), iris.period("2020-Q4"));
    assertEquals(iris.year(2020), iris.period("2020"));
    assertThrows(IllegalArgumentException.class, () -> iris.period("Q4"));
  }

  @Test
  void identifiersAreOneSegment() {
    assertEquals("https://example.org/news/paper/doi/10.1000%2Fabc%20x", iris.paper("doi", "10.1000/abc x").getURI());
  }

  @Test
  void articlesAreKeyedByUrl() {
    assertEquals(iris.article("https://a.example/x"), iris.article("https://a.example/x"));
    assertNotEquals(iris.article("https://a.example/x"), iris.article("https://a.example/y"));
    assertNotEquals(iris.article("https://a.example/x?p=1"), iris.article("https://a.example/x?p=2"));
    assertNotEquals(iris.article("https://a.example/X"), iris.article("https://a.example/x"));
  }

  @Test
  void linksToOneDocumentKeyOneWork() {
    Node work = iris.article("https://a.example/post?p=1");
    for (String same : List.of("http://a.example/post?p=1", "https://A.Example/post?p=1",
        "https://a.example:443/post?p=1", "https://a.example/post?p=1#part-2")) {
      assertEquals(work, iris.article(same), same);
    }
    assertEquals(iris.paperByUrl("https://a.example/p.pdf"), iris.paperByUrl("http://a.example/p.pdf#page=3"));
    assertNotEquals(iris.article("https://a.example:8080/post?p=1"), work);
    assertNotEquals(iris.article("https://a.example/post/?p=1"), work);
    assertNotEquals(iris.article("https://a.example/#!/feed"), iris.article("https://a.example/#!/talks"));
  }

  @Test
  void rejectsBadBases() {
    var e = assertThrows(IllegalArgumentException.class, () -> new Iris("https://example.org/news"));
    assertEquals("Illegal base=https://example.org/news : must end with '/'", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Iris("urn:x:"));
    assertThrows(IllegalArgumentException.class, () -> new Iris("not a base/"));
  }
}

package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.build.Builder;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;

/** The search index: CJK and English queries, and kept in step with builds of the store. */
class SearchIndexIT {
  static final Iris IRIS = new Iris(Iris.DEFAULT_BASE);

  @TempDir Path dir;

  static List<Node> subjects(List<SearchIndex.Match> hits) {
    return hits.stream().map(SearchIndex.Match::subject).toList();
  }

  @Test
  void findsChineseAndEnglishAndFollowsBuilds() throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    String w41 = BrowserFixture.W41;
    Files.copy(Path.of("data", w41 + ".md"), data.resolve(w41 + ".md"));
    var builder = new Builder(data, Path.of("ontology"), IRIS);
    try (Store store = Store.open(dir.resolve("store"))) {
      builder.build(store);
      Path indexDir = store.dir().resolve("text-index");
      // With the store's signature, as the server opens it.
      try (SearchIndex index = SearchIndex.open(indexDir, store.datasetGraph(), IRIS.topicsGraph(), store::signature)) {
        Node entry2 = IRIS.entry(w41, "openreview-PxTIG12RRHS");   // headline 甘作随机微分方程
        assertTrue(subjects(index.search("甘", 100)).contains(entry2), "one Han character");
        assertTrue(subjects(index.search("微分方程", 100)).contains(entry2), "a Chinese word");
        assertTrue(subjects(index.search("生成", 100)).contains(IRIS.paper("openreview", "PxTIG12RRHS")),
            "a word inside a title (基于分数的随机微分方程生成建模)");
        var gan = subjects(index.search("GAN", 100));
        assertTrue(gan.contains(NodeFactory.createURI("https://mlnews.example.org/topic/GAN")), "a topic label");
        assertTrue(gan.stream().anyMatch(n -> n.getURI().contains("/entry/")), "English text in an entry: " + gan);
        assertTrue(subjects(index.search("TinyGAN", 100)).stream().anyMatch(n -> n.getURI().contains("/paper/")),
            "a paper's English title");
        assertEquals(subjects(index.search("gans", 100)).isEmpty(), false, "stemmed: GANs finds GAN");
        assertTrue(index.search("独角兽测试", 100).isEmpty());
        assertFalse(index.refresh(), "nothing changed: no rebuild");
        // The store's files quiet for an hour: the signature is remembered, and trusted until the
        // next write changes it.
        var hourAgo = java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        try (var files = Files.list(store.dir().resolve("Data-0001"))) {
          for (Path f : files.toList()) {
            Files.setLastModifiedTime(f, hourAgo);
          }
        }
        assertFalse(index.refresh());
        assertFalse(index.refresh());

        // A new issue arrives: the next search sees it.
        String extra = "akiras-ml-news-week43-2020-extra";
        Files.writeString(data.resolve(extra + ".md"), """
            # 2020 年第 43 周

            > 原文：<https://medium.com/analytics-vidhya/akiras-ml-news-week43-2020-extra>

            下面是我在 2020 年第 43 周(10 月 18 日~)读到的一些我觉得特别有意思的论文和文章。

            # 1.机器学习论文

            # 独角兽测试的标题

            *Unicorn test paper*
            [https://arxiv.org/abs/2010.11111](https://arxiv.org/abs/2010.11111)

            这是独角兽测试的摘要。
            """);
        builder.build(store);
        var hits = subjects(index.search("独角兽测试", 100));
        assertTrue(hits.contains(IRIS.entry(extra, "arxiv-2010.11111")), "the new issue is indexed: " + hits);
        assertTrue(subjects(index.search("unicorn", 100)).contains(IRIS.paper("arxiv", "2010.11111")));
        // And it goes when its file goes.
        Files.delete(data.resolve(extra + ".md"));
        builder.build(store);
        assertTrue(index.search("独角兽测试", 100).isEmpty());
      }
      // Reopened on an unchanged store, the index is not rebuilt.
      try (SearchIndex index = SearchIndex.open(indexDir, store.datasetGraph(), IRIS.topicsGraph())) {
        assertFalse(index.refresh());
        assertFalse(index.search("甘", 10).isEmpty());
      }
    }
  }
}

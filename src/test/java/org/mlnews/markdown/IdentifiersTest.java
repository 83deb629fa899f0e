package org.mlnews.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifiersTest {
  @Test
  void arxivAbsAndPdfWithoutVersion() {
    assertEquals(Map.of("arxiv", List.of("2010.00554")), Identifiers.of("https://arxiv.org/abs/2010.00554"));
    assertEquals(Map.of("arxiv", List.of("2010.02178")), Identifiers.of("https://arxiv.org/pdf/2010.02178v2.pdf"));
    assertEquals(Map.of("arxiv", List.of("cs/0112017")), Identifiers.of("http://arxiv.org/abs/cs/0112017v1"));
  }

  @Test
  void arxivIdsThatCannotExistAreRefused() {
    var ids = new Identifiers();
    ids.addFromUrl("https://arxiv.org/abs/2012.0578");   // a digit cut off: 2012.05780
    ids.addFromUrl("https://arxiv.org/abs/1413.1234");   // no month 13
    ids.addFromUrl("https://arxiv.org/abs/1412.12345");  // five digits only since 2015
    assertTrue(ids.isEmpty());
    assertEquals(List.of("2012.0578", "1413.1234", "1412.12345"), List.copyOf(ids.refused()));
    assertEquals(Map.of("arxiv", List.of("1412.6980")), Identifiers.of("https://arxiv.org/abs/1412.6980"));
    assertEquals(Map.of("arxiv", List.of("0704.0001")), Identifiers.of("https://arxiv.org/abs/0704.0001"));
  }

  @Test
  void aDoiInAPublishersPath() {
    assertEquals(Map.of("doi", List.of("10.1063/5.0018903")), Identifiers.of("https://aip.scitation.org/doi/10.1063/5.0018903"));
    assertEquals(Map.of("doi", List.of("10.1145/3394486.3403043")),
        Identifiers.of("https://dl.acm.org/doi/abs/10.1145/3394486.3403043?casa_token=x"));
    assertTrue(Identifiers.of("https://example.org/doi/about").isEmpty());
  }

  @Test
  void openreviewForumAndPdf() {
    assertEquals(Map.of("openreview", List.of("PxTIG12RRHS")), Identifiers.of("https://openreview.net/pdf?id=PxTIG12RRHS"));
    assertEquals(Map.of("openreview", List.of("TVHS5Y4dNvM")), Identifiers.of("https://openreview.net/forum?id=TVHS5Y4dNvM"));
  }

  @Test
  void neuripsHash() {
    assertEquals(Map.of("neurips", List.of("2cfa8f9e50e0f510ede9d12338a5f564")), Identifiers.of(
        "https://papers.nips.cc/paper/2020/hash/2cfa8f9e50e0f510ede9d12338a5f564-Abstract.html"));
    assertEquals(Map.of("neurips", List.of("2cfa8f9e50e0f510ede9d12338a5f564")), Identifiers.of(
        "https://proceedings.neurips.cc/paper/2020/file/2cfa8f9e50e0f510ede9d12338a5f564-Paper.pdf"));
  }

  @Test
  void cvfAndEcvaFileNames() {
    assertEquals(Map.of("cvf", List.of("Zhang_Cross-View_Cross-Scene_Multi-View_Crowd_Counting_CVPR_2021_paper")),
        Identifiers.of("https://openaccess.thecvf.com/content/CVPR2021/papers/Zhang_Cross-View_Cross-Scene_Multi-View_Crowd_Counting_CVPR_2021_paper.pdf"));
    assertEquals(Map.of("ecva", List.of("3685_ECCV_2020_paper")),
        Identifiers.of("https://www.ecva.net/papers/eccv_2020/papers_ECCV/html/3685_ECCV_2020_paper.php"));
  }

  @Test
  void doiFromLinkAndText() {
    assertEquals(Map.of("doi", List.of("10.1109/tkde.2020.2981333")), Identifiers.of("https://doi.org/10.1109/TKDE.2020.2981333"));
    var ids = new Identifiers();
    ids.addFromText("see 10.1038/s41586-020-2649-2.");
    assertEquals(Map.of("doi", List.of("10.1038/s41586-020-2649-2")), ids.asMap());
  }

  @Test
  void bioRxivAndMedRxivPagesAreTheirDois() {
    var doi = Map.of("doi", List.of("10.1101/2020.06.16.154542"));
    assertEquals(doi, Identifiers.of("https://www.biorxiv.org/content/10.1101/2020.06.16.154542v1"));
    assertEquals(doi, Identifiers.of("https://www.biorxiv.org/content/10.1101/2020.06.16.154542v2.full.pdf"));
    assertEquals(doi, Identifiers.of("https://biorxiv.org/content/10.1101/2020.06.16.154542.abstract"));
    assertEquals(Map.of("doi", List.of("10.1101/2020.03.16.20036145")),
        Identifiers.of("https://www.medrxiv.org/content/10.1101/2020.03.16.20036145v1"));
    assertEquals(Map.of("doi", List.of("10.1101/862268")), Identifiers.of("https://www.biorxiv.org/content/10.1101/862268v3"));
    assertTrue(Identifiers.of("https://www.biorxiv.org/content/early/recent").isEmpty());
  }

  @Test
  void arxivDoisNameTheArxivPaper() {
    assertEquals(Map.of("doi", List.of("10.48550/arxiv.2010.00554"), "arxiv", List.of("2010.00554")),
        Identifiers.of("https://doi.org/10.48550/arXiv.2010.00554"));
    var ids = new Identifiers();
    ids.addFromText("doi 10.48550/arXiv.cs/0112017v2");
    assertEquals(List.of("cs/0112017"), ids.asMap().get("arxiv"));
  }

  @Test
  void otherLinksCarryNoIdentifier() {
    assertTrue(Identifiers.of("https://venturebeat.com/2021/05/25/x/").isEmpty());
  }

  @Test
  void titlePrefixInBothBracketStyles() {
    var p = Identifiers.titlePrefix("[2102.00554]深度学习中的稀疏性:剪枝与增长");
    assertEquals("2102.00554", p.arxiv());
    assertEquals("深度学习中的稀疏性:剪枝与增长", p.rest());
    assertEquals("2101.09978", Identifiers.titlePrefix("【2101.09978】标题").arxiv());
    assertNull(Identifiers.titlePrefix("【scikit】学达 1.0.0 版本"));
  }
}

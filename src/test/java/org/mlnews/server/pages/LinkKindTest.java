package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** An entry's links out are named by what their host is. */
class LinkKindTest {
  @Test
  void paperHostsByName() {
    assertEquals("arXiv", Pages.linkKind("https://arxiv.org/abs/2010.00554"));
    assertEquals("OpenReview", Pages.linkKind("https://openreview.net/forum?id=PxTIG12RRHS"));
    assertEquals("DOI", Pages.linkKind("https://doi.org/10.1109/TKDE.2020.2981333"));
    assertEquals("NeurIPS proceedings",
        Pages.linkKind("https://papers.nips.cc/paper/2020/hash/2cfa8f9e50e0f510ede9d12338a5f564-Abstract.html"));
    assertEquals("CVF open access",
        Pages.linkKind("https://openaccess.thecvf.com/content_CVPR_2020/html/X_CVPR_2020_paper.html"));
    assertEquals("ECCV proceedings", Pages.linkKind("https://www.ecva.net/papers/eccv_2020/papers_ECCV/html/3685_ECCV_2020_paper.php"));
  }

  @Test
  void otherHostsAreArticlesNamedByHost() {
    assertEquals("GitHub", Pages.linkKind("https://github.com/openai/gpt-3"));
    assertEquals("article (medium.com)", Pages.linkKind("https://www.medium.com/p/x"));
    assertEquals("link", Pages.linkKind("not a url"));
  }
}

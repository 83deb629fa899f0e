package org.mlnews.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinksTest {
  @Test
  void removesTrackingParametersOnly() {
    assertEquals("https://hai.stanford.edu/blog/x?id=3",
        Links.normalize("https://hai.stanford.edu/blog/x?utm_campaign=A%27s&sf132409414=1&id=3&utm_medium=email"));
    assertEquals("https://towardsdatascience.com/a-323d4d21d889",
        Links.normalize("https://towardsdatascience.com/a-323d4d21d889?gi=b274ebd96430"));
    assertEquals("https://www.forbes.com/sites/x/", Links.normalize("https://www.forbes.com/sites/x/?sh=6f26200759ca"));
    assertEquals("https://drive.google.com/file/d/1GP/view", Links.normalize("https://drive.google.com/file/d/1GP/view?usp=sharing"));
    assertEquals("https://medium.com/p/akiras-ml-news-22-1e7a47c9c5b2",
        Links.normalize("https://medium.com/p/akiras-ml-news-22-1e7a47c9c5b2?source=collection_archive---------17-----"));
    // A parameter that names what the page shows stays, whatever its name looks like.
    assertEquals("https://www.youtube.com/watch?v=abc&list=PL1", Links.normalize("https://www.youtube.com/watch?v=abc&list=PL1"));
    assertEquals("https://example.org/search?source=arxiv", Links.normalize("https://example.org/search?source=arxiv"));
  }

  @Test
  void aCopiedUrlsTrailingSpaceIsNoPartOfIt() {
    assertEquals("https://ai.googleblog.com/2021/07/x.html?m=1", Links.normalize("https://ai.googleblog.com/2021/07/x.html?m=1%20"));
    assertEquals("https://ai.googleblog.com/2021/07/x.html?m=1", Links.normalize("https://ai.googleblog.com/2021/07/x.html?m=1+"));
    assertEquals("https://en.wikipedia.org/wiki/C++", Links.normalize("https://en.wikipedia.org/wiki/C++"), "a path keeps its +");
  }

  @Test
  void safarisLinksToItsOwnCopiesAreNoLinks() {
    assertNull(Links.normalize("http://applewebdata://46DD55F3-A15D-456E-8910-BD7370194D89/Camera%20Optimization%20Suite"));
    assertNull(Links.normalize("http://applewebdata//46DD55F3-A15D-456E-8910-BD7370194D89/Suite?utm_medium=email"));
  }

  @Test
  void dropsTheQuestionMarkWhenNothingIsLeft() {
    assertEquals("https://arxiv.org/abs/2103.14586",
        Links.normalize("https://arxiv.org/abs/2103.14586?utm_campaign=x&utm_source=Revue%20newsletter"));
    assertEquals("https://arxiv.org/abs/2101.05791", Links.normalize("https://arxiv.org/abs/2101.05791?"));
  }

  @Test
  void makesMediumRelativeLinksAbsolute() {
    assertEquals("https://medium.com/@NYUDataScience/yann-lecun-787ddc8bf0af",
        Links.normalize("/@NYUDataScience/yann-lecun-787ddc8bf0af"));
    assertEquals("https://medium.com/analytics-vidhya/akiras-ml-news-week42-2020-f6cfe5f3be1f",
        Links.normalize("/analytics-vidhya/akiras-ml-news-week42-2020-f6cfe5f3be1f"));
  }

  @Test
  void keepsFragments() {
    assertEquals("https://example.org/a?b=1#c", Links.normalize("https://example.org/a?utm_x=2&b=1#c"));
  }

  @Test
  void blankHrefIsNull() {
    assertNull(Links.normalize("  "));
  }

  @Test
  void mangledLinkTextIsStillUrlLike() {
    assertTrue(Links.isUrlLike("https://papers . nips . cc/paper/2020/hash/2 CFA 8 F9 e 50-abstract . html"));
    assertTrue(Links.isUrlLike("arxiv.org"));
    assertTrue(Links.isUrlLike("【https://arxiv.org/abs/2010.00578】"), "the translation's brackets around a URL");
    assertFalse(Links.isUrlLike("ViT 的鲁棒性"));
  }

  @Test
  void domainLikeTextIncludesBracketsAndSpaces() {
    assertTrue(Links.isDomainLike("【www.reddit.com】"));
    assertTrue(Links.isDomainLike("the gradient . pub"));
    assertFalse(Links.isDomainLike("https://arxiv.org/abs/1"));
  }

  @Test
  void bareUrlsStopAtCjkAndSentenceEnd() {
    assertEquals(List.of("https://openreview.net/forum?id=iAX0l6Cz8ub"),
        Links.findBareUrls("见 https://openreview.net/forum?id=iAX0l6Cz8ub】T21"));
    assertEquals(List.of("https://example.org/x"), Links.findBareUrls("See https://example.org/x."));
  }

  @Test
  void urlBrokenBySpacesIsNotABareUrl() {
    assertEquals(List.of(), Links.findBareUrls("https://open access . the CVF . com/content/x . pdf"));
  }

  @Test
  void mediumSlugNeedsTheHexId() {
    assertEquals("akiras-ml-news-week42-2020-f6cfe5f3be1f",
        Links.mediumSlug("https://medium.com/analytics-vidhya/akiras-ml-news-week42-2020-f6cfe5f3be1f"));
    assertNull(Links.mediumSlug("https://www.getrevue.co/profile/akiratosei/issues/akira-s-machine-learning-news-17-644315"));
  }

  @Test
  void paperHosts() {
    assertTrue(Links.isPaperHost("https://openaccess.thecvf.com/content/CVPR2021/html/x_paper.html"));
    assertFalse(Links.isPaperHost("https://venturebeat.com/2021/x"));
  }
}

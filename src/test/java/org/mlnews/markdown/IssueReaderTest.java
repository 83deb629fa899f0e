package org.mlnews.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mlnews.issue.Entry;
import org.mlnews.issue.EntryKind;
import org.mlnews.issue.Issue;
import org.mlnews.issue.Link;
import org.mlnews.issue.NavLink;
import org.mlnews.issue.SectionKind;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.WeekRef;

class IssueReaderTest {
  private static final IssueReader READER = IssueReader.create();
  private static final Path FILE = Path.of("test.md");

  private static Issue read(String markdown) throws SourceException {
    return READER.read("akiras-ml-news-week41-2020-ff1938c74adf", markdown, FILE);
  }

  private static Entry only(String section) throws SourceException {
    Issue issue = read("# 2020 年第 41 周\n\n" + section);
    assertEquals(1, issue.entries().size(), () -> "entries: " + issue.entries());
    return issue.entries().get(0);
  }

  // ------------------------------------------------------------ layout variants

  @Test
  void titleSplitAroundItsLinkIsPutBackTogether() throws SourceException {
    Entry e = only("""
        # 1.机器学习论文

        # 通过一个过滤过程一个类别提高可视化性能

        *通过区分特定类别的过滤器*
        [https://arxiv.org/abs/2007.08194](https://arxiv.org/abs/2007.08194)来训练可解释的卷积神经网络

        通过限制 CNN 过滤器以使一个过滤器负责一个类别来提高解释性能的研究。
        """);
    assertEquals("通过区分特定类别的过滤器来训练可解释的卷积神经网络", e.title());
    assertEquals(Map.of("arxiv", List.of("2007.08194")), e.ids());
    assertEquals(EntryKind.PAPER, e.kind());
    assertEquals("通过限制 CNN 过滤器以使一个过滤器负责一个类别来提高解释性能的研究。", e.summary());
  }

  @Test
  void titleEndPulledIntoTheLinkTextBeforeItsUrl() throws SourceException {
    // The translation moved the end of the title into the link's text, in front of the URL.
    Entry e = only("""
        # 1.机器学习论文

        # 端到端全景分割

        MaX-DeepLab:使用遮罩变形金刚
        [的端到端全景分割 https://arxiv.org/abs/2012.00759](https://arxiv.org/abs/2012.00759)

        他们提出了一个 Max-DeepLab。
        """);
    assertEquals("MaX-DeepLab:使用遮罩变形金刚的端到端全景分割", e.title());
    assertEquals(Map.of("arxiv", List.of("2012.00759")), e.ids());
    assertEquals("他们提出了一个 Max-DeepLab。", e.summary());
    assertEquals("https://arxiv.org/abs/2012.00759", e.links().get(0).text());
  }

  @Test
  void anItalicLineOfItsOwnBeforeAnyProseIsTheTitle() throws SourceException {
    Entry e = only("""
        # 1.机器学习论文

        # 具有自我监督学习的领域适应

        *跨场景 3D 人体姿态估计的推理阶段优化*

        [https://arxiv.org/abs/2007.02054](https://arxiv.org/abs/2007.02054)

        当在不同于训练的领域中进行推断时进行领域适应的研究。
        """);
    assertEquals("跨场景 3D 人体姿态估计的推理阶段优化", e.title());
    assertEquals("当在不同于训练的领域中进行推断时进行领域适应的研究。", e.summary());
    assertEquals(Map.of("arxiv", List.of("2007.02054")), e.ids());
    // After prose, an italic line is prose too.
    Entry later = only("""
        # 1.机器学习论文

        # 具有自我监督学习的领域适应

        当在不同于训练的领域中进行推断时进行领域适应的研究。

        *这是强调。*
        """);
    assertNull(later.title());
  }

  @Test
  void aPaperLinkWordedWithItsTitleIsTheTitle() throws SourceException {
    Entry e = only("""
        # 1.机器学习论文

        # 在不使用 JFT300M 的情况下超越 ViT 的性能

        https://arxiv.org/abs/2012.12877
        [训练数据高效的图像变形金刚&通过注意力蒸馏](https://arxiv.org/abs/2012.12877)

        他们提出了 DeiT。
        """);
    assertEquals("训练数据高效的图像变形金刚&通过注意力蒸馏", e.title());
    assertEquals("他们提出了 DeiT。", e.summary());
  }

  @Test
  void aTitleInBracketsWithoutAnIdIsTheTitle() throws SourceException {
    // The layout of "*【2104.00466】title*" without the id: the work's title, not a card's echo.
    Entry e = only("""
        # 1.机器学习论文

        [**用最大梯度样本训练。**](https://openaccess.thecvf.com/content/CVPR2021/html/Gong_MaxUp.html)

        *【MaxUp:轻量级对抗训练与数据增强改进神经网络训练】*
        通常，我们使用小批量的平均梯度进行训练。
        """);
    assertEquals("MaxUp:轻量级对抗训练与数据增强改进神经网络训练", e.title());
    assertEquals("通常，我们使用小批量的平均梯度进行训练。", e.summary());
  }

  @Test
  void anEnglishTitleInBracketsIsTheTitle() throws SourceException {
    Entry e = only("""
        # 1. Machine Learning Papers

        [**A latest version of the YOLO series**](https://arxiv.org/abs/2107.08430)

        [YOLOX: Exceeding YOLO Series in 2021]
        The authors propose YOLOX, an improved version of YOLO.
        """);
    assertEquals("YOLOX: Exceeding YOLO Series in 2021", e.title());
    assertEquals("The authors propose YOLOX, an improved version of YOLO.", e.summary());
  }

  @Test
  void aShortTitleLineEndingInAFullStopIsTheTitleButASentenceIsNot() throws SourceException {
    Entry e = only("""
        # 1.机器学习论文

        # 数据驱动下求解时间相关偏微分方程

        扩散网:使用深度学习加速求解依赖于时间的偏微分方程。
        [https://arxiv.org/abs/2011.10015](https://arxiv.org/abs/2011.10015)

        提出了数据驱动的偏微分方程求解器 DiffusionNet。
        """);
    assertEquals("扩散网:使用深度学习加速求解依赖于时间的偏微分方程。", e.title());
    Entry sentence = only("""
        # 1.机器学习论文

        # 数据驱动下求解时间相关偏微分方程

        提出了求解器，证实了加速优势。
        [https://arxiv.org/abs/2011.10015](https://arxiv.org/abs/2011.10015)
        """);
    assertNull(sentence.title());
  }

  @Test
  void theSitesNameAfterATitleGoesWhenItIsTheLinksHost() throws SourceException {
    Entry e = only("""
        # 2.机器学习技术相关文章

        [**万亿参数的模型**](https://siliconangle.com/2020/09/10/microsoft-deepspeed/)

        【微软人工智能工具支持具有万亿参数的“极大”模型——silicon angle】
        微软发布了 DeepSpeed 的新版本。
        """);
    assertEquals("微软人工智能工具支持具有万亿参数的“极大”模型", e.title());
    Entry other = only("""
        # 2.机器学习技术相关文章

        [**一个故事**](https://example.com/story)

        【机器学习的一个故事 - Part Two】
        一个故事。
        """);
    assertEquals("机器学习的一个故事 - Part Two", other.title());
  }

  @Test
  void aLinkCardsPageTitleIsTheTitle() throws SourceException {
    // The card is gone; its page title stays, with the site's name after a bar.
    Entry e = only("""
        # 1.机器学习论文

        [**打补丁比变压器更关键吗？**](https://openreview.net/forum?id=TVHS5Y4dNvM)

        [您只需要补丁？| OpenReview]
        这是一项使用 Conv 的变压器编码器类机制的研究。
        """);
    assertEquals("您只需要补丁？", e.title());
    assertEquals("这是一项使用 Conv 的变压器编码器类机制的研究。", e.summary());
    Entry en = only("""
        # 1. Machine Learning Papers

        [**Are patches more important than transformers?**](https://openreview.net/forum?id=TVHS5Y4dNvM)

        *Patches Are All You Need? | OpenReview*
        A transformer-encoder-like mechanism written with convolutions.
        """);
    assertEquals("Patches Are All You Need?", en.title());
    // A bar before a name that is not the site of the entry's link is just text.
    Entry other = only("""
        # 1. Machine Learning Papers

        [**Are patches more important than transformers?**](https://openreview.net/forum?id=TVHS5Y4dNvM)

        Accuracy | Speed
        A transformer-encoder-like mechanism written with convolutions.
        """);
    assertNull(other.title());
    assertTrue(other.summary().startsWith("Accuracy | Speed"), other.summary());
  }

  @Test
  void italicRawUrlThenTitle() throws SourceException {
    Entry e = only("""
        # 1.机器学习论文

        # 用深度 VAE 超越自回归模型

        *https://openreview.net/forum?id=RLRXCV6DbEJ*非常深入的 VAES 推广自回归模型

        该研究得出的结果可与 PixelCNN 相媲美。
        """);
    assertEquals("非常深入的 VAES 推广自回归模型", e.title());
    assertEquals(List.of(new Link("https://openreview.net/forum?id=RLRXCV6DbEJ", null)), e.links());
    assertEquals(Map.of("openreview", List.of("RLRXCV6DbEJ")), e.ids());
  }

  @Test
  void bareUrlFollowedByEmptyLink() throws SourceException {
    Entry e = only("""
        # 1.机器学习论文

        # 用于异常检测的端到端框架

        使用正态模型进行异常检测的迁移学习框架
        https://arxiv.org/abs/2011.06210[](https://arxiv.org/abs/2011.06210)
        """);
    assertEquals("使用正态模型进行异常检测的迁移学习框架", e.title());
    assertEquals(List.of(new Link("https://arxiv.org/abs/2011.06210", null)), e.links());
    assertNull(e.summary());
  }

  @Test
  void aSingleDashBeforeTheDomainIsNotPartOfTheHeadline() throws SourceException {
    for (String tail : List.of("**—**[**mathai-iclr . github . io**](https://mathai-iclr.github.io/p.pdf)", "**—**")) {
      Entry e = only("""
          # 1.本周特稿/新闻

          [**一段时间后，神经网络突然泛化。**](https://mathai-iclr.github.io/p.pdf)%s

          他们发现数据集越小，优化时间越长。
          """.formatted(tail));
      assertEquals("一段时间后，神经网络突然泛化。", e.heading(), tail);
    }
  }

  @Test
  void arxivIdPrefixInSquareBrackets() throws SourceException {
    Entry e = only("""
        # 3.报纸

        [**ViT 的鲁棒性**](https://arxiv.org/abs/2103.14586?utm_campaign=x&utm_medium=email)

        ![](img/0a1b2c3d4e5f60718293a4b5c6d7e8f9.png)

        [2103.14586]变压器在图像分类中的鲁棒性研究

        一项检查稳定性的研究。
        """);
    assertEquals("ViT 的鲁棒性", e.heading());
    assertEquals("变压器在图像分类中的鲁棒性研究", e.title());
    assertEquals(SectionKind.PAPERS, e.sectionKind());
    assertEquals(List.of("img/0a1b2c3d4e5f60718293a4b5c6d7e8f9.png"), e.images());
    assertEquals("https://arxiv.org/abs/2103.14586", e.links().get(0).url());
  }

  @Test
  void arxivIdPrefixInFullWidthBracketsEndsAtTheItalics() throws SourceException {
    Entry e = only("""
        # 3.报纸

        [**单一模型下的多种视觉语言任务**](https://arxiv.org/abs/2102.02779)

        *【2102.02779】通过文本生成统一视觉和语言任务* 他们提出了 VL-巴特和 VL-T5。
        """);
    assertEquals("通过文本生成统一视觉和语言任务", e.title());
    assertEquals("他们提出了 VL-巴特和 VL-T5。", e.summary());
  }

  @Test
  void linkCardGivesTheArticleTitle() throws SourceException {
    Entry e = only("""
        # 2.技术文章

        # Yann LeCun 教授的讲座材料现已提供

        图灵奖获得者 Yann LeCun 博士的深度学习课程现已免费提供。

        [](/@NYUDataScience/yann-lecuns-course-787ddc8bf0af) [## Yann LeCun 在 CDS 的深度学习课程

        ### CDS 很兴奋的宣布…

        medium.com](/@NYUDataScience/yann-lecuns-course-787ddc8bf0af)
        """);
    assertEquals("Yann LeCun 在 CDS 的深度学习课程", e.title());
    assertEquals(List.of(new Link("https://medium.com/@NYUDataScience/yann-lecuns-course-787ddc8bf0af",
        "Yann LeCun 在 CDS 的深度学习课程")), e.links());
    assertEquals("图灵奖获得者 Yann LeCun 博士的深度学习课程现已免费提供。", e.summary());
    assertEquals(EntryKind.ARTICLE, e.kind());
  }

  @Test
  void mangledLinkTextKeepsTheCorrectHref() throws SourceException {
    Entry e = only("""
        # 1.机器学习论文

        # 课程学习

        超级损失:稳健课程学习的一般性损失
        [https://papers . nips . cc/paper/2020/hash/2 CFA 8 F9 e 50 E0 f 510 ede 9d 12338 a5f 564-abstract . html](https://papers.nips.cc/paper/2020/hash/2cfa8f9e50e0f510ede9d12338a5f564-Abstract.html)
        """);
    assertEquals("超级损失:稳健课程学习的一般性损失", e.title());
    assertEquals(Map.of("neurips", List.of("2cfa8f9e50e0f510ede9d12338a5f564")), e.ids());
  }

  @Test
  void headlineWithDomainAfterDashes() throws SourceException {
    Entry e = only("""
        # 5.其他主题

        ****[**人工智能行业中的反垄断**](https://www.wired.com/story/x/?utm_source=Revue)**——**[**www.wired.com**](https://www.wired.com/story/x/)****

        一篇文章。
        """);
    assertEquals("人工智能行业中的反垄断", e.heading());
    assertEquals(List.of(new Link("https://www.wired.com/story/x/", "人工智能行业中的反垄断")), e.links());
    assertEquals(EntryKind.ARTICLE, e.kind());
  }

  @Test
  void utmParametersAreRemovedAndOthersKept() throws SourceException {
    Entry e = only("""
        # 4.其他主题

        # GPT-3

        [](https://www.kmeme.com/gpt-3.html?utm_source=a&m=1&utm_medium=b) [## GPT 3 号机器人

        www.kmeme.com](https://www.kmeme.com/gpt-3.html?utm_source=a&m=1&utm_medium=b)
        """);
    assertEquals("https://www.kmeme.com/gpt-3.html?m=1", e.links().get(0).url());
  }

  @Test
  void picksBlockFlagsTheEntryWithTheSameLink() throws SourceException {
    Issue issue = read("""
        # 2020 年第 48 周

        # —每周编辑精选

        *   [通过交换图层进行风格转换](https://arxiv.org/abs/2010.05334v2)

        # 1.机器学习论文

        # 通过交换图层来执行样式转换

        用于域间可控图像合成的分辨率相关 GAN 插值
        [https://arxiv.org/abs/2010.05334](https://arxiv.org/abs/2010.05334)

        # 在深度学习中解决物理难题

        通过推理路径解决物理难题
        [https://arxiv.org/abs/2011.07357](https://arxiv.org/abs/2011.07357)
        """);
    assertEquals(2, issue.entries().size());
    assertTrue(issue.entries().get(0).editorsPick());
    assertFalse(issue.entries().get(1).editorsPick());
  }

  @Test
  void picksBlockFlagsTheEntryWithTheSameHeadlineOrMediumPost() throws SourceException {
    // As weeks 51 of 2020 and 4 of 2021: the picks name the entry, whose own link the translation
    // lost; and the same Medium post under a writer's subdomain and under a publication's path.
    Issue issue = read("""
        # 2020 年第 48 周

        # —每周编辑精选

        *   [数据科学需要哪些软技能？](https://www.reddit.com/r/learnmachinelearning/comments/k8f451/soft_skills/)
        *   [深度学习简史](https://navishagarwal.medium.com/a-brief-history-dd01b52c109c)

        # 4.其他主题

        # 数据科学需要哪些软技能？

        讨论数据科学需要什么样的软技能。

        # 深度学习的历史

        [深度学习简史](https://medium.com/swlh/a-brief-history-of-deep-learning-dd01b52c109c)

        # 另一个话题

        没有链接。
        """);
    var e = issue.entries();
    assertEquals(3, e.size(), e.toString());
    assertTrue(e.get(0).editorsPick());
    assertEquals("https://www.reddit.com/r/learnmachinelearning/comments/k8f451/soft_skills/", e.get(0).links().get(0).url());
    assertTrue(e.get(1).editorsPick(), "one post, two addresses");
    assertFalse(e.get(2).editorsPick());
    assertEquals(List.of(e.get(2).line()), issue.warnings().stream().filter(w -> w.code().equals("entry-without-link"))
        .map(w -> w.line()).toList(), "only the entry that has no link anywhere");
  }

  @Test
  void truncatedMonthlySummaryGetsOneEntryPerPick() throws SourceException {
    Issue issue = READER.read("akiras-ml-news-october-2020-c7b5b4281d36", """
        # Akira 的 ML 新闻# 2020 年 10 月

        ## —每月编辑精选

        *   [主成分分析的博弈解释](https://arxiv.org/abs/2010.00554)
        *   [一篇文章](https://example.org/post)""", FILE);
    assertEquals(java.time.YearMonth.of(2020, 10), issue.month());
    assertEquals(2, issue.entries().size());
    Entry first = issue.entries().get(0);
    assertEquals(0, first.section());
    assertEquals(EntryKind.PAPER, first.kind());
    assertTrue(first.editorsPick());
    assertEquals(EntryKind.ARTICLE, issue.entries().get(1).kind());
  }

  @Test
  void navigationRelations() throws SourceException {
    Issue issue = read("""
        # 2020 年第 41 周

        ## —过去的文章

        [第 40 周](/analytics-vidhya/akiras-ml-news-week-40-2020-c23be58525e9) ⇦第 41 周(本帖)⇨ [第 42 周](/analytics-vidhya/akiras-ml-news-week42-2020-f6cfe5f3be1f)

        [2020 年 9 月摘要](/analytics-vidhya/akiras-ml-news-september-2020-80ed65bd7ea4)
        """);
    List<NavLink> nav = issue.navigation();
    assertEquals(List.of(NavLink.Rel.PREVIOUS, NavLink.Rel.NEXT, NavLink.Rel.SUMMARY),
        nav.stream().map(NavLink::rel).toList());
    assertEquals("https://medium.com/analytics-vidhya/akiras-ml-news-week-40-2020-c23be58525e9", nav.get(0).url());
    assertEquals("akiras-ml-news-week-40-2020-c23be58525e9", nav.get(0).slug());
    assertTrue(issue.entries().isEmpty());
  }

  @Test
  void weekAndDateFromTitleAndIntro() throws SourceException {
    Issue issue = read("""
        # 2020 年第 41 周

        > 原文：<https://medium.com/analytics-vidhya/akiras-ml-news-week41-2020-ff1938c74adf?source=collection_archive---------24----->

        下面是我在 2020 年第 41 周(10 月 4 日~)读到的一些论文。
        """);
    assertEquals(new WeekRef(2020, 41), issue.week());
    assertEquals(LocalDate.of(2020, 10, 4), issue.coverageStart());
    assertEquals("https://medium.com/analytics-vidhya/akiras-ml-news-week41-2020-ff1938c74adf", issue.sourceUrl());
    assertEquals("zh", issue.language());
  }

  @Test
  void introDateAcrossTheYearEnd() throws SourceException {
    Issue issue = READER.read("akiras-ml-news-week2-2021-c9374ac86d3e", """
        # 2021 年第 2 周阿基拉的 ML 新闻

        以下是我在 2021 年第 1 周和第 2 周(12 月 27 日~)读到的论文。
        """, FILE);
    assertEquals(new WeekRef(2021, 2), issue.week());
    assertEquals(LocalDate.of(2020, 12, 27), issue.coverageStart());
  }

  @Test
  void theTranslationsDebrisBesideALinkIsNoText() throws SourceException {
    // As weeks 45, 46 and 49 of 2020 and week 4 of 2021 write them: "T21" glued to the title from
    // a link's text, "T22" on a line of its own, an unclosed "【" where a bracketed URL began, and
    // brackets emptied of their URL.
    Issue issue = read("""
        # 2020 年第 41 周

        # 1.机器学习论文

        — —

        # 对比学习

        *VIEWMAKER 网络:用于无监督表示学习的学习视图*https://arxiv.org/abs/2010.07432[T21](https://arxiv.org/abs/2010.07432)

        对比学习学习一种表示。

        # 更少的计算

        MicroNet:面向极低 FLOPs 的图像识别【https://arxiv.org/abs/2011.12289
        T22

        提出了微因子分解卷积。

        # 对抗训练

        *几何感知实例——加权对抗训练*
        【https://openreview.net/forum?id=iAX0l6Cz8ub】T21

        当前的模型大小不足以进行对抗学习。

        # 谷歌的模型

        [T5 的一个变体](https://arxiv.org/abs/2010.11934) 由谷歌提出，使用 T5
        """);
    var e = issue.entries();
    assertEquals("VIEWMAKER 网络:用于无监督表示学习的学习视图", e.get(0).title());
    assertEquals("MicroNet:面向极低 FLOPs 的图像识别", e.get(1).title());
    assertEquals("提出了微因子分解卷积。", e.get(1).summary());
    assertEquals("几何感知实例——加权对抗训练", e.get(2).title());
    assertTrue(e.get(3).summary() == null || e.get(3).summary().endsWith("使用 T5"), "a spaced T5 is a word: " + e.get(3));
  }

  @Test
  void aWordedLinkTextBeatsADomainForTheSameUrl() {
    var b = new EntryBuilder(1, SectionKind.OTHER, "深度新闻", 1);
    b.addLink("https://mondaynote.com/deepnews-has-transformed-5746a0fba2e1?gi=2a20c5ced5bf", "mondaynote.com");
    b.addLink("https://mondaynote.com/deepnews-has-transformed-5746a0fba2e1", "深度新闻已经转型了");
    b.addLink("https://mondaynote.com/deepnews-has-transformed-5746a0fba2e1", "【mondaynote.com】");
    assertEquals("深度新闻已经转型了", b.build().links().get(0).text());
  }

  @Test
  void anIntroDateAloneDatesTheIssueByItsWeek() throws SourceException {
    // As #22 of the numbered series: no week or month anywhere, a full date in the intro. The
    // issue is dated by that date's week as it would be by a week number, not inferred later.
    Issue issue = READER.read("akiras-machine-learning-news-22-0123456789ab", """
        # Akira 的机器学习新闻— #22

        2021 年 7 月 25 日一周总结

        ## 本周特稿/新闻。

        *   [标题](https://arxiv.org/abs/2103.06877)。摘要。
        """, FILE);
    assertEquals(LocalDate.of(2021, 7, 25), issue.coverageStart());
    assertEquals(new WeekRef(2021, 31), issue.week());
    assertTrue(issue.warnings().isEmpty(), issue.warnings().toString());
  }

  @Test
  void weekFromTheContinuationsWeekLine() throws SourceException {
    Issue issue = READER.read("akiras-machine-learning-news-19-0123456789ab", """
        # Akira 的机器学习新闻— #19

        2021 年第 24 周(6 月 13 日~)
        """, FILE);
    assertEquals(19, issue.issueNumber());
    // The series' week numbers run behind the calendar; its dates do not: 13 June 2021 is in week 25.
    assertEquals(new WeekRef(2021, 25), issue.week());
    assertEquals(LocalDate.of(2021, 6, 13), issue.coverageStart());
    var mismatch = issue.warnings().stream().filter(w -> w.code().equals("week-mismatch")).toList();
    assertEquals(1, mismatch.size(), issue.warnings().toString());
    assertEquals("The intro says week 24 of 2021, but its date 2021-06-13 is in week 25 of 2021; "
        + "with no week in the title, the date wins.", mismatch.get(0).message());
    assertEquals(3, mismatch.get(0).line());
    assertTrue(issue.warnings().stream().noneMatch(w -> w.code().equals("date-mismatch")), issue.warnings().toString());
    Issue agreeing = READER.read("akiras-machine-learning-news-19-0123456789ab", """
        # Akira 的机器学习新闻— #19

        2021 年第 25 周(6 月 13 日~)
        """, FILE);
    assertEquals(new WeekRef(2021, 25), agreeing.week());
    assertEquals(List.of(), agreeing.warnings().stream().map(w -> w.code()).filter(c -> c.contains("mismatch")).toList());
  }

  @Test
  void weekMismatchWarnsAndTheTitleWins() throws SourceException {
    Issue issue = READER.read("akiras-ml-news-week48-2020-150accbf126e", """
        # 2020 年第 48 周

        以下是我在 2020 年第 47 周(11 月 15 日~)读到的论文。
        """, FILE);
    assertEquals(new WeekRef(2020, 48), issue.week());
    // Sorted by line: the title's no-entries (a document of no entries), then the intro's mismatches.
    assertEquals(List.of("no-entries", "week-mismatch", "date-mismatch"),
        issue.warnings().stream().map(w -> w.code()).toList());
    assertEquals(1, issue.warnings().get(0).line());
    assertEquals(3, issue.warnings().get(1).line());
  }

  @Test
  void aTitleNamingNoRealWeekOrMonthIsAWarning() throws SourceException {
    for (String title : List.of("2020 年第 60 周", "2019 年第 0 周", "2020 年 13 月", "Week 99, 2020")) {
      Issue issue = READER.read("some-issue-0123456789ab", "# " + title + "\n\n# 1.机器学习论文\n\n# A\n\nhttps://arxiv.org/abs/2101.00001\n", FILE);
      assertNull(issue.week(), title);
      assertNull(issue.month(), title);
      var w = issue.warnings().stream().filter(x -> x.code().equals("invalid-period")).toList();
      assertEquals(1, w.size(), title + ": " + issue.warnings());
      assertEquals(1, w.get(0).line());
      assertTrue(w.get(0).message().contains(title), w.get(0).message());
    }
  }

  @Test
  void impossibleDateIsAWarning() throws SourceException {
    Issue issue = read("""
        # 2021 年第 9 周

        以下是我在 2021 年第 9 周(2 月 30 日~)读到的论文。
        """);
    assertNull(issue.coverageStart());
    assertEquals(List.of("no-entries", "bad-date"), issue.warnings().stream().map(w -> w.code()).toList());
  }

  @Test
  void duplicateAndUnknownSectionsWarn() throws SourceException {
    Issue issue = read("""
        # 2020 年第 48 周

        # 1.机器学习论文

        # 3.机器学习用例的例子

        # 3.奇怪的东西
        """);
    assertEquals(List.of("duplicate-section-number", "no-entries", "section-unknown"),
        issue.warnings().stream().map(w -> w.code()).sorted().toList());
    assertEquals(SectionKind.UNKNOWN, issue.sections().get(2).kind());
  }

  @Test
  void entryWithoutLinkAndProseBeforeAnyEntryWarn() throws SourceException {
    Issue issue = read("""
        # 2020 年第 41 周

        # 2.技术文章

        没有标题的段落。

        # 为什么考试成绩高于培训成绩？

        一个讨论的帖子。
        """);
    assertEquals(List.of("not-understood", "entry-without-link"),
        issue.warnings().stream().map(w -> w.code()).toList());
    assertEquals(EntryKind.OTHER, issue.entries().get(0).kind());
  }

  @Test
  void footersAreNotEntries() throws SourceException {
    Issue issue = read("""
        # 2020 年第 41 周

        # 4.其他主题

        # 可怕的人工智能

        [](https://github.com/daviddao/awful-ai) [## 大卫岛/可怕-艾

        github.com](https://github.com/daviddao/awful-ai)

        — — — — — —

        # 推特，我贴一句纸评论。

        [https://twitter.com/AkiraTOSEI](https://twitter.com/AkiraTOSEI)

        # 关于我

        制造工程师
        """);
    assertEquals(1, issue.entries().size());
    assertTrue(issue.warnings().isEmpty(), () -> issue.warnings().toString());
  }

  @Test
  void englishIssue() throws SourceException {
    Issue issue = READER.read("akiras-ml-news-week41-2020-ff1938c74adf", """
        # Akira's ML News #Week 41, 2020

        Here are some papers and articles that I found particularly interesting I read in week 41 of 2020 (Oct 4~).

        # 1. Machine Learning Papers

        # Normalizer-free networks

        [2102.06171] High-Performance Large-Scale Image Recognition Without Normalization
        """, FILE);
    assertEquals("en", issue.language());
    assertEquals(LocalDate.of(2020, 10, 4), issue.coverageStart());
    Entry e = issue.entries().get(0);
    assertEquals("High-Performance Large-Scale Image Recognition Without Normalization", e.title());
    assertEquals(Map.of("arxiv", List.of("2102.06171")), e.ids());
    assertEquals(SectionKind.PAPERS, e.sectionKind());
  }

  // ------------------------------------------------------------ bad input

  @Test
  void emptyFileIsAnError(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("x.md"), new byte[0]);
    SourceException e = assertThrows(SourceException.class, () -> READER.read(f));
    assertEquals(f, e.file());
    assertTrue(e.getMessage().contains("empty"));
  }

  @Test
  void whitespaceOnlyIsAnError() {
    SourceException e = assertThrows(SourceException.class, () -> read("  \n\n\t\n"));
    assertTrue(e.reason().contains("empty"));
  }

  @Test
  void binaryIsAnError(@TempDir Path dir) throws IOException {
    Path f = Files.write(dir.resolve("x.md"), new byte[] {'#', ' ', 'a', '\n', 0, 1, 2, 3});
    SourceException e = assertThrows(SourceException.class, () -> READER.read(f));
    assertEquals(2, e.line());
    assertTrue(e.reason().contains("not Markdown"));
  }

  @Test
  void invalidUtf8NamesTheLineOfTheFirstBadByte(@TempDir Path dir) throws IOException {
    byte[] good = "# 2020 年第 41 周\n\n正文\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[good.length + 3];
    System.arraycopy(good, 0, bytes, 0, good.length);
    bytes[good.length] = 'a';
    bytes[good.length + 1] = (byte) 0xC3;
    bytes[good.length + 2] = (byte) 0x28;
    Path f = Files.write(dir.resolve("x.md"), bytes);
    SourceException e = assertThrows(SourceException.class, () -> READER.read(f));
    assertEquals(4, e.line());
    assertEquals(2, e.column());
    assertTrue(e.reason().contains("UTF-8"));
  }

  @Test
  void noTitleIsAnError() {
    SourceException e = assertThrows(SourceException.class,
        () -> read("\n\n只是一段文字，没有标题。\n\n## 二级标题\n"));
    assertEquals(3, e.line());
    assertTrue(e.reason().contains("no title"));
  }

  @Test
  void slugComesFromTheFileName(@TempDir Path dir) throws IOException, SourceException {
    Path f = Files.writeString(dir.resolve("akiras-ml-news-week-7-2021-8d6517711a17.md"), "# Akira 的 ML 新闻\n");
    Issue issue = READER.read(f);
    assertEquals("akiras-ml-news-week-7-2021-8d6517711a17", issue.slug());
    assertEquals(new WeekRef(2021, 7), issue.week());
  }

  @Test
  void oneReaderServesManyThreads() throws Exception {
    Path file = Path.of("data/akiras-ml-news-week41-2020-ff1938c74adf.md");
    String expected = org.mlnews.issue.IssueJson.write(READER.read(file));
    var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      var futures = new java.util.ArrayList<java.util.concurrent.Future<String>>();
      for (int i = 0; i < 16; i++) {
        futures.add(pool.submit(() -> org.mlnews.issue.IssueJson.write(READER.read(file))));
      }
      for (var f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void oddInputNeverThrowsAnythingElse() {
    String[] odd = {"#\n", "# t\n" + "> ".repeat(5000) + "x", "# t\n" + "[".repeat(10000),
        "# t\n# 1.\n# 99999999999.论文\n", "# t\n[](", "# t\n*" + "*".repeat(3000) + "a"};
    for (String s : odd) {
      try {
        read(s);
      } catch (SourceException expected) {
        // fine: the only exception type allowed
      }
    }
  }
}

package org.mlnews.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {
  static final TopicScheme SCHEME = TopicScheme.load(Path.of("ontology/topics.ttl"));
  static final TopicTagger TAGGER = SCHEME.tagger();

  @Test
  void latinLabelsMatchWholeWordsOnly() {
    assertEquals(List.of(), TAGGER.tag("Morgan organised an organ concert in Gansu"));
    assertEquals(List.of("GAN"), TAGGER.tag("a GAN that draws monsters"));
    assertEquals(List.of("GAN"), TAGGER.tag("用 GAN 压缩"));
    assertEquals(List.of("GAN"), TAGGER.tag("使用GAN来压缩数据量")); // no spaces around Latin in Chinese
    assertEquals(List.of(), TAGGER.tag("NASA and the Vitamin shop"));
  }

  @Test
  void pluralsAndVersionsMatch() {
    assertEquals(List.of("GAN"), TAGGER.tag("GANs tend to generate only the main class"));
    assertEquals(List.of("VAE"), TAGGER.tag("非常深入的 VAES 推广"));
    assertEquals(List.of("StyleGAN"), TAGGER.tag("使用 StyleGAN2 进行虚拟试穿"));
    assertEquals(List.of("ObjectDetection"), TAGGER.tag("对 YOLOv3 进行了显著修改"));
    assertEquals(List.of("Conference"), TAGGER.tag("NeurIPS2020 中所有论文的句子摘要"));
  }

  @Test
  void separatorsAndCaseAreFlexible() {
    assertEquals(List.of("GPT3"), TAGGER.tag("GPT 3 号机器人"));
    assertEquals(List.of("GPT3"), TAGGER.tag("gpt3"));
    assertEquals(List.of("GPT3"), TAGGER.tag("GPT 三号经济体"));
    assertEquals(List.of("GAN"), TAGGER.tag("ＧＡＮ")); // full-width
    assertEquals(List.of("MedicalImaging"), TAGGER.tag("胸部X线数据"));
  }

  @Test
  void englishTextFindsWhatItsTranslationFinds() {
    // Labels the Chinese side had (医院, 跟踪器, 性别偏见...) and English lacked.
    assertTrue(TAGGER.tag("A hospital shortened the time to diagnosis").contains("Healthcare"));
    assertTrue(TAGGER.tag("a model that flags urgent X-rays").contains("MedicalImaging"));
    assertTrue(TAGGER.tag("adversarial perturbations that fool a tracker").containsAll(
        List.of("AdversarialAttack", "ObjectTracking")));
    assertTrue(TAGGER.tag("gender bias in word embeddings").contains("Fairness"));
    assertEquals(List.of(), TAGGER.tag("a bias term in every layer"));
  }

  @Test
  void suffixLabelCatchesVariantsButNotWords() {
    assertEquals(List.of("GAN"), TAGGER.tag("ExGANs can generate rare samples"));
    assertEquals(List.of("GAN"), TAGGER.tag("与 ACGAN 等相比"));
    assertEquals(List.of(), TAGGER.tag("J.P. Morgan")); // suffix labels are case-sensitive
  }

  @Test
  void translationErrorsAreTopics() {
    assertEquals(List.of("GAN"), TAGGER.tag("甘斯的彩票假说").subList(0, 1));
    assertEquals(List.of("GAN"), TAGGER.tag("减小氮化镓发生器尺寸的研究"));
    assertEquals(List.of("BigGAN"), TAGGER.tag("蒸馏比干").stream().filter(k -> k.contains("GAN")).toList());
    assertEquals(List.of("Transformer"), TAGGER.tag("变形金刚调查"));
    assertEquals(List.of("Deepfake"), TAGGER.tag("用心跳检测深度假货"));
    assertEquals(List.of("NeuralArchitectureSearch"), TAGGER.tag("识别和提高省道准确度的因素"));
    assertEquals(List.of("DifferentialEquation", "GAN"), TAGGER.tag("用颂歌稳定甘"));
    assertEquals(List.of("ImageSegmentation"), TAGGER.tag("可以以完整的 End2End 方式学习泛神分割"));
    assertEquals(List.of("VisionTransformer"), TAGGER.tag("一项检查维生素 t 稳定性的研究"));
    assertEquals(List.of("MLPMixer"), TAGGER.tag("MLP 混频器和 ViT 容易出现局部最优").subList(0, 1));
  }

  @Test
  void riskySingleCharacterLabelsRespectExclusions() {
    assertEquals(List.of(), TAGGER.tag("甘肃的甘蔗很甜，他不甘心"));
    assertEquals(List.of("GAN"), TAGGER.tag("他不甘心，于是训练了一个甘"));
    assertEquals(List.of(), TAGGER.tag("一种模数转换器"));
    assertEquals(List.of(), TAGGER.tag("一篇关于数据分布的解释性文章").stream()
        .filter("Explainability"::equals).toList());
  }

  @Test
  void narrowerMentionDoesNotTagBroader() {
    assertEquals(List.of("BigGAN"), TAGGER.tag("使用小波变换减小 BigGAN 的大小"));
    assertEquals(List.of("StyleGAN"), TAGGER.tag("讲座讨论如何评价风格甘"));
    assertEquals(List.of("VisionTransformer"), TAGGER.tag("在 Keras 的视觉变压器").stream()
        .filter(k -> k.contains("Transformer")).toList());
    // ...but the broader concept mentioned on its own is tagged as well.
    assertEquals(List.of("BigGAN", "GAN"), TAGGER.tag("BigGAN 是一种 GAN"));
    assertEquals(List.of("BigGAN", "GAN"), TAGGER.tag("TinyGAN:提取 BigGAN"));
    assertEquals(List.of("MedicalImaging"), TAGGER.tag("医学图像的对抗性攻击").stream()
        .filter(k -> k.startsWith("Medical") || k.equals("Healthcare")).toList());
  }

  @Test
  void urlsAndLinkTargetsAreNotProse() {
    assertEquals(List.of(), TAGGER.tag("[英伟达表示](https://www.theverge.com/nvidia-maxine-gans-compression)"));
    assertEquals(List.of(), TAGGER.tag("see https://example.org/gan-pca-vae and img/gan.png"));
  }

  @Test
  void tagsAreSortedAndUniqueAcrossTexts() {
    assertEquals(List.of("GAN", "PCA", "VAE"), TAGGER.tag("VAE and GAN", null, "PCA, GAN"));
    assertEquals(List.of(), TAGGER.tag());
  }

  @Test
  void rulesComeFromTheData() {
    // A scheme of one concept, written here, behaves by its own labels and exclusions.
    String ttl = """
        @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
        @prefix ml: <https://mlnews.example.org/ontology#> .
        <https://mlnews.example.org/topic/Cat> a skos:Concept ; skos:notation "Cat" ;
          skos:prefLabel "cat"@en , "猫"@zh ; skos:altLabel "小猫"@zh ;
          ml:hiddenExclusion "熊猫"@zh .
        """;
    Graph g = RDFParser.fromString(ttl, Lang.TURTLE).toGraph();
    TopicTagger t = TopicScheme.load(g).tagger();
    assertEquals(List.of("Cat"), t.tag("一只猫"));
    assertEquals(List.of(), t.tag("一只熊猫"));
    assertEquals(List.of("Cat"), t.tag("Cats!"));
    assertEquals(List.of(), t.tag("concatenate"));
  }

  @Test
  void matchesExplainTags() {
    var ms = TAGGER.matches("蒸馏比干");
    assertTrue(ms.stream().anyMatch(m -> m.key().equals("BigGAN") && m.text().equals("比干")), ms.toString());
  }
}

package org.mlnews.generate;

import java.util.List;

/**
 * The words a synthetic issue is made of: topic words the tagger knows (in English and Chinese),
 * title and summary fragments, sites. Plain constants; the generator draws from them with its
 * seeded random source.
 */
final class Vocabulary {
  private Vocabulary() {}

  /** A topic as it is written in each language; {@code weight} makes GANs and Transformers common. */
  record TopicWord(String en, String zh, int weight) {}

  static final List<TopicWord> TOPICS = List.of(
      new TopicWord("GAN", "生成对抗网络", 8),
      new TopicWord("StyleGAN", "StyleGAN", 3),
      new TopicWord("BigGAN", "比根", 2),
      new TopicWord("VAE", "变分自编码器", 4),
      new TopicWord("diffusion model", "扩散模型", 4),
      new TopicWord("normalizing flow", "标准化流", 2),
      new TopicWord("autoencoder", "自编码器", 2),
      new TopicWord("PCA", "主成分分析", 1),
      new TopicWord("Transformer", "Transformer", 7),
      new TopicWord("self-attention", "注意力机制", 3),
      new TopicWord("ViT", "视觉 Transformer", 3),
      new TopicWord("MLP-Mixer", "MLP-Mixer", 1),
      new TopicWord("CNN", "卷积神经网络", 4),
      new TopicWord("GNN", "图神经网络", 2),
      new TopicWord("NeRF", "神经辐射场", 2),
      new TopicWord("batch normalization", "归一化层", 1),
      new TopicWord("optimizer", "优化算法", 2),
      new TopicWord("NLP", "自然语言处理", 3),
      new TopicWord("language model", "语言模型", 3),
      new TopicWord("BERT", "BERT", 2),
      new TopicWord("GPT-3", "GPT-3", 2),
      new TopicWord("machine translation", "机器翻译", 1),
      new TopicWord("speech recognition", "语音识别", 1),
      new TopicWord("object detection", "目标检测", 3),
      new TopicWord("super-resolution", "超分辨率", 1),
      new TopicWord("deepfake", "深度伪造", 1),
      new TopicWord("style transfer", "风格迁移", 1));

  static final List<String> TITLE_VERBS_EN = List.of(
      "Learning", "Scaling", "Rethinking", "Improving", "Understanding", "Training", "Revisiting",
      "Accelerating", "Regularizing", "Distilling", "Interpreting", "Generalizing");
  static final List<String> TITLE_OBJECTS_EN = List.of(
      "Image Generation", "Representation Learning", "Few-Shot Classification", "Domain Adaptation",
      "Video Prediction", "Semantic Segmentation", "Contrastive Pre-training", "Robustness",
      "Long-Range Dependencies", "Out-of-Distribution Detection", "Data Augmentation",
      "Neural Architecture Search", "Continual Learning", "Knowledge Distillation");
  static final List<String> TITLE_TAILS_EN = List.of(
      "at Scale", "without Labels", "with Fewer Parameters", "in the Wild", "from Scratch",
      "via Implicit Regularization", "for Edge Devices", "under Distribution Shift", "Is All You Need");

  static final List<String> TITLE_VERBS_ZH = List.of(
      "学习", "扩展", "重新思考", "改进", "理解", "训练", "重新审视", "加速", "正则化", "蒸馏", "解释", "泛化");
  static final List<String> TITLE_OBJECTS_ZH = List.of(
      "图像生成", "表征学习", "少样本分类", "领域自适应", "视频预测", "语义分割", "对比预训练", "鲁棒性",
      "长程依赖", "分布外检测", "数据增强", "神经架构搜索", "持续学习", "知识蒸馏");

  static final List<String> SUMMARY_EN = List.of(
      "They propose a method that uses %s to reduce the cost of training.",
      "The results are comparable to much larger models on ImageNet and COCO.",
      "A study that analyses why %s works so well in practice.",
      "The authors show that a simple change to %s improves the FID by a large margin.",
      "It needs no additional labels and can be combined with existing methods.",
      "Experiments on several benchmarks show consistent gains over strong baselines.",
      "They find that the depth of the network matters more than its width.",
      "The code and the pre-trained models are publicly available.",
      "An article that explains %s with many figures and a short tutorial.",
      "The approach is evaluated on real-world data from hospitals and factories.");
  static final List<String> SUMMARY_ZH = List.of(
      "他们提出了一种利用%s降低训练成本的方法。",
      "其结果可以与 ImageNet 和 COCO 上大得多的模型相媲美。",
      "一项分析%s为何在实践中如此有效的研究。",
      "作者表明，对%s的一个简单改动就能大幅改善 FID。",
      "它不需要额外的标签，并且可以与现有方法结合使用。",
      "在多个基准上的实验表明，它始终优于强大的基线。",
      "他们发现网络的深度比宽度更重要。",
      "代码和预训练模型都已公开。",
      "一篇用大量图表和简短教程解释%s的文章。",
      "该方法在来自医院和工厂的真实数据上进行了评估。");

  static final List<String> HEADLINES_EN = List.of(
      "%s beats the state of the art", "A faster %s", "Why %s generalizes", "%s without labels",
      "Making %s robust", "A survey of %s", "%s for small datasets", "Scaling %s to billions of parameters");
  static final List<String> HEADLINES_ZH = List.of(
      "%s超越了最先进水平", "更快的%s", "为什么%s能够泛化", "无需标签的%s", "让%s更加鲁棒",
      "%s综述", "适用于小数据集的%s", "将%s扩展到数十亿参数");

  static final List<String> SITES = List.of(
      "www.theverge.com", "venturebeat.com", "www.nytimes.com", "towardsdatascience.com",
      "ai.googleblog.com", "openai.com", "www.technologyreview.com", "github.com", "medium.com",
      "www.universetoday.com", "syncedreview.com", "blog.tensorflow.org");

  /** Newsletter names after the first ("Akira's ML News"), for the slugs and the intros. */
  static final List<String> NEWSLETTERS = List.of(
      "Paper Radar", "ML Digest", "Vision Weekly", "Deep Notes", "Model Watch", "Tensor Times",
      "Gradient Mail", "Latent Letters");
}

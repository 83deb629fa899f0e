package org.mlnews.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The cheap contains-test that lets the tagger skip most regexes must never skip a match. */
class TaggerPrefilterTest {
  @Test
  void requiredPieceIsTheFirstAsciiWordOrTheFirstHanCharacter() {
    assertEquals("generative", TopicTagger.requiredLower("generative adversarial network"));
    assertEquals("gpt", TopicTagger.requiredLower("GPT-3"));
    assertEquals("生", TopicTagger.requiredLower("生成对抗网络"));
    assertEquals("transformer", TopicTagger.requiredLower("Transformer 模型"));
    assertEquals("nips", TopicTagger.requiredLower("NIPS'20"));
    assertNull(TopicTagger.requiredLower("ＧＡＮ".substring(0, 0)));
    assertNull(TopicTagger.requiredLower("α-divergence"));
  }

  @Test
  void foldedTextStillMatchesWhatTheCaseInsensitiveRegexMatches() {
    var tagger = TopicTaggerTest.TAGGER;
    assertEquals(List.of("GAN"), tagger.tag("ＧＡＮ"));               // full width, NFKC
    assertEquals(List.of("GAN"), tagger.tag("gAn and friends"));
    assertEquals(List.of("PCA"), tagger.tag("用 Pca 降噪".replace("降噪", "")));
    assertEquals(List.of("GAN"), tagger.tag("Gans"));
    assertEquals(List.of("GAN"), tagger.tag("a ＧＡＮ-based model"));
  }

  @Test
  void theTokenIndexFindsLabelsWhereverTheRegexWould() {
    var tagger = TopicTaggerTest.TAGGER;
    // Latin labels at the start of a token only, whatever touches them from outside.
    assertEquals(List.of("GAN"), tagger.tag("基于GAN的模型"));
    assertEquals(List.of("GAN"), tagger.tag("(GANs)"));
    assertEquals(List.of(), tagger.tag("organ"));
    // Chinese labels anywhere; suffix labels inside a longer token.
    assertEquals(List.of("GAN"), tagger.tag("用甘生成图像"));
    assertEquals(List.of("GAN"), tagger.tag("TinyGAN distils BigGAN".replace(" distils BigGAN", "")));
  }
}

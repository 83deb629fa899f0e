package org.mlnews.topics;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One concept of the topic scheme ({@code ontology/topics.ttl}).
 *
 * <pre>{@code
 * Topic gan = scheme.resolve("甘斯").orElseThrow();
 * gan.key();                 // "GAN"
 * gan.prefLabels().get("zh"); // "生成对抗网络"
 * gan.broader();             // ["GenerativeModel"]
 * }</pre>
 *
 * @param key        the concept's skos:notation, also the last segment of its IRI ({@code GAN})
 * @param iri        the concept IRI ({@code https://mlnews.example.org/topic/GAN})
 * @param prefLabels preferred label by language tag ({@code en}, {@code zh})
 * @param altLabels  alternative labels in all languages, sorted by language then text so the
 *                   order is stable across parses
 * @param hiddenLabels the translation's errors for the topic ({@code 甘}), sorted the same way:
 *                   found like labels, never shown as names
 * @param broader    keys of the directly broader concepts, sorted
 */
public record Topic(String key, String iri, Map<String, String> prefLabels, List<String> altLabels,
    List<String> hiddenLabels, List<String> broader) {

  public Topic {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(iri, "iri");
    prefLabels = prefLabels == null ? Map.of() : Map.copyOf(prefLabels);
    altLabels = altLabels == null ? List.of() : List.copyOf(altLabels);
    hiddenLabels = hiddenLabels == null ? List.of() : List.copyOf(hiddenLabels);
    broader = broader == null ? List.of() : List.copyOf(broader);
  }

  /** The preferred label in {@code lang}, else the English one, else the key. */
  public String label(String lang) {
    String l = prefLabels.get(lang);
    if (l == null) {
      l = prefLabels.get("en");
    }
    return l == null ? key : l;
  }
}

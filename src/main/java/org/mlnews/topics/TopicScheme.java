package org.mlnews.topics;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** TEMPORARY STUB, replaced by the real topic scheme. */
public final class TopicScheme {
  public static TopicScheme load(Path file) {
    return new TopicScheme();
  }

  public TopicTagger tagger() {
    return new TopicTagger();
  }

  public Optional<Topic> resolve(String keyOrLabel) {
    return Optional.of(new Topic(keyOrLabel, "https://mlnews.example.org/topic/" + keyOrLabel, Map.of(), List.of(), List.of()));
  }

  public Set<String> narrowerOrSelf(String key) {
    return Set.of(key);
  }
}

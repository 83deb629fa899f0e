package org.mlnews.issue;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One item of an issue: a paper, an article, a use case or another topic.
 *
 * @param section     number of the section it is in (0 for the picks/featured blocks before
 *                    section 1)
 * @param sectionKind the section's normalised kind
 * @param heading     the newsletter's own headline for it
 * @param title       the work's title (a paper's title, an article card's title), or null
 * @param summary     the summary paragraph(s), or null
 * @param kind        paper, article or other
 * @param links       links out, normalised, in document order, no duplicates
 * @param ids         identifiers by scheme: {@code arxiv}, {@code openreview}, {@code doi},
 *                    {@code neurips}, {@code cvf}, {@code ecva}
 * @param images      image paths or URLs
 * @param topics      topic keys from {@code ontology/topics.ttl} (filled by the tagger)
 * @param editorsPick whether the editor's-picks block links to it
 * @param line        1-based source line of its heading
 */
@JsonPropertyOrder({"section", "sectionKind", "heading", "title", "summary", "kind", "links",
    "ids", "images", "topics", "editorsPick", "line"})
public record Entry(
    int section,
    SectionKind sectionKind,
    String heading,
    String title,
    String summary,
    EntryKind kind,
    List<Link> links,
    Map<String, List<String>> ids,
    List<String> images,
    List<String> topics,
    boolean editorsPick,
    int line) {

  public Entry {
    Objects.requireNonNull(heading, "heading");
    sectionKind = sectionKind == null ? SectionKind.UNKNOWN : sectionKind;
    kind = kind == null ? EntryKind.OTHER : kind;
    links = links == null ? List.of() : List.copyOf(links);
    var sorted = new TreeMap<String, List<String>>();
    if (ids != null) {
      ids.forEach((k, v) -> sorted.put(k, List.copyOf(v)));
    }
    ids = java.util.Collections.unmodifiableMap(sorted);
    images = images == null ? List.of() : List.copyOf(images);
    topics = topics == null ? List.of() : List.copyOf(topics);
  }

  /** A copy with the given topics. */
  public Entry withTopics(List<String> newTopics) {
    return new Entry(section, sectionKind, heading, title, summary, kind, links, ids, images,
        newTopics, editorsPick, line);
  }

  /** A copy with the editor's-pick flag set. */
  public Entry withEditorsPick(boolean pick) {
    return new Entry(section, sectionKind, heading, title, summary, kind, links, ids, images,
        topics, pick, line);
  }
}

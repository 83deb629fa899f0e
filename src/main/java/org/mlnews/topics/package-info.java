/**
 * Topics of entries: the SKOS scheme of {@code ontology/topics.ttl} as immutable Java objects
 * ({@link org.mlnews.topics.TopicScheme}, {@link org.mlnews.topics.Topic}) and the label-based
 * {@link org.mlnews.topics.TopicTagger}. All topic knowledge - labels, translation errors,
 * exclusions - is data in the Turtle file, so adding a topic or synonym never needs a code change.
 *
 * <pre>{@code
 * TopicScheme scheme = TopicScheme.load(Path.of("ontology/topics.ttl"));
 * List<String> keys = scheme.tagger().tag(entry.heading(), entry.title(), entry.summary());
 * Entry tagged = entry.withTopics(keys);
 * }</pre>
 */
package org.mlnews.topics;

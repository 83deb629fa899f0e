package org.mlnews.topics;

import java.util.List;
import java.util.Map;

/** TEMPORARY STUB. */
public record Topic(String key, String iri, Map<String, String> prefLabels, List<String> altLabels, List<String> broader) {}

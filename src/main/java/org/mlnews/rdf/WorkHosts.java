package org.mlnews.rdf;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;

/**
 * The schema.org class of a work that is no article, by the site it is on: source code
 * (GitHub, GitLab, Hugging Face), a video (YouTube, Vimeo), a course (Coursera, edX, Udacity,
 * fast.ai's course site). The mapping types such a work {@code ml:Work} and that class, where any
 * other web page an entry links to is an {@code ml:Article}.
 *
 * <pre>{@code
 * WorkHosts.schemaClass("https://github.com/google/brax");   // schema:SoftwareSourceCode
 * WorkHosts.schemaClass("https://ai.googleblog.com/…");      // null: an article
 * }</pre>
 */
final class WorkHosts {
  private WorkHosts() {}

  private static final Map<String, Node> BY_HOST = Map.ofEntries(
      Map.entry("github.com", schema("SoftwareSourceCode")),
      Map.entry("gitlab.com", schema("SoftwareSourceCode")),
      Map.entry("huggingface.co", schema("SoftwareSourceCode")),
      Map.entry("youtube.com", schema("VideoObject")),
      Map.entry("youtu.be", schema("VideoObject")),
      Map.entry("vimeo.com", schema("VideoObject")),
      Map.entry("coursera.org", schema("Course")),
      Map.entry("edx.org", schema("Course")),
      Map.entry("udacity.com", schema("Course")),
      Map.entry("course.fast.ai", schema("Course")));

  private static Node schema(String local) {
    return NodeFactory.createURI(Vocab.SCHEMA + local);
  }

  /** The class for a URL on one of those sites (or a subdomain: m.youtube.com), else null. */
  static Node schemaClass(String url) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (host == null) {
      return null;
    }
    host = host.toLowerCase(Locale.ROOT);
    for (String h = host; h.contains("."); h = h.substring(h.indexOf('.') + 1)) {
      Node c = BY_HOST.get(h);
      if (c != null) {
        return c;
      }
    }
    return null;
  }
}

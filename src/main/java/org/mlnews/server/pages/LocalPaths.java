package org.mlnews.server.pages;

import java.util.Objects;
import org.mlnews.rdf.Iris;
import org.mlnews.rdf.Vocab;

/**
 * Maps the graph's public IRIs to paths on this server and back. The data keeps its public IRIs
 * (under the configured base, and the fixed ontology and topic namespaces); the server answers
 * for {@code <base>X} at {@code /X}, for the ontology's terms at {@code /ontology} (a hash IRI
 * dereferences to its document) and for topics at {@code /topic/KEY}.
 *
 * <pre>{@code
 * LocalPaths paths = new LocalPaths(new Iris("https://data.example.com/kg/"));
 * paths.toLocal("https://data.example.com/kg/issue/x");           // "/issue/x"
 * paths.toLocal("https://mlnews.example.org/ontology#Issue");     // "/ontology#Issue"
 * paths.toIri("/topic/GAN");                                      // "https://mlnews.example.org/topic/GAN"
 * }</pre>
 */
public final class LocalPaths {
  /** The ontology document: its terms are hash IRIs under it. */
  public static final String ONTOLOGY = Vocab.ML.substring(0, Vocab.ML.length() - 1);
  /** Where the server answers with the dataset's VoID/DCAT description (RFC 8615's well-known URI for VoID). */
  public static final String VOID = "/.well-known/void";
  /** The dataset's own path ({@link Iris#dataset()}): the home page as RDF, its page as HTML. */
  public static final String DATASET = "/dataset";

  private final Iris iris;

  public LocalPaths(Iris iris) {
    this.iris = Objects.requireNonNull(iris, "iris");
  }

  public Iris iris() {
    return iris;
  }

  /** The server path (with a fragment for ontology terms) of a public IRI, or null if not ours. */
  public String toLocal(String iri) {
    if (iri == null) {
      return null;
    }
    if (iri.equals(ONTOLOGY) || iri.startsWith(Vocab.ML)) {
      return "/ontology" + iri.substring(ONTOLOGY.length());
    }
    if (iri.startsWith(Vocab.TOPIC)) {
      return "/topic/" + iri.substring(Vocab.TOPIC.length());
    }
    if (iri.startsWith(iris.base())) {
      return "/" + iri.substring(iris.base().length());
    }
    return null;
  }

  /**
   * A request path in the form the IRIs are minted in (see {@code Iris}): each segment
   * percent-decoded, then percent-encoded again outside RFC 3986's unreserved characters with
   * upper-case hex, so {@code /paper/doi/10.1109%2fx} and {@code /paper/doi/10.1109%2Fx} name one
   * paper. Null if the path does not decode.
   */
  public static String canonical(String rawPath) {
    var joined = new java.util.StringJoiner("/");
    for (String segment : rawPath.split("/", -1)) {
      byte[] bytes;
      try {
        bytes = java.net.URLDecoder.decode(segment.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8)
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      var sb = new StringBuilder();
      for (byte x : bytes) {
        int c = x & 0xff;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '.' || c == '_' || c == '~') {
          sb.append((char) c);
        } else {
          sb.append('%').append(String.format("%02X", c));
        }
      }
      joined.add(sb);
    }
    return joined.toString();
  }

  /** The public IRI a server path (raw, percent-encoded as requested, no query) stands for. */
  public String toIri(String path) {
    if (path.equals("/ontology")) {
      return ONTOLOGY;
    }
    if (path.startsWith("/topic/")) {
      return Vocab.TOPIC + path.substring("/topic/".length());
    }
    return iris.base() + path.substring(1);
  }
}

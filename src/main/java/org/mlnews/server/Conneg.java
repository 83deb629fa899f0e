package org.mlnews.server;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.atlas.web.AcceptList;
import org.apache.jena.atlas.web.MediaRange;
import org.apache.jena.atlas.web.MediaType;

/**
 * Content negotiation over a fixed set of offers, by RFC 9110 section 12.5.1: each offer takes
 * the quality of the most specific media range that names it, {@code q=0} excludes it (also
 * from what a wildcard allows), the highest quality wins, then the more specific range, then the
 * offers' order, which is the server's preference. The first offer answers a request with no
 * {@code Accept}. Jena's {@code AcceptList.match} is not used because it accepts a {@code q=0}
 * range as a match; its media-range parser is.
 *
 * <pre>{@code
 * var conneg = new Conneg<>(Map.of("text/turtle", TURTLE, "application/ld+json", JSONLD));
 * conneg.choose("text/turtle;q=0.9, application/ld+json");   // Optional[JSONLD]
 * conneg.choose("image/png");                                // Optional.empty(): a 406
 * }</pre>
 *
 * @param <T> what an offered media type stands for (a result format, a page format)
 */
public final class Conneg<T> {
  private final Map<String, T> offers;

  /** @param offers media type to value, in order of preference (use a {@link LinkedHashMap}) */
  public Conneg(Map<String, T> offers) {
    if (offers.isEmpty()) {
      throw new IllegalArgumentException("Illegal offers={} : at least one media type is needed");
    }
    this.offers = new LinkedHashMap<>(offers);
  }

  /**
   * The preferred offer the header accepts; the first offer when there is no header; empty when
   * it accepts none of them, or cannot be read.
   */
  public Optional<T> choose(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(offers.values().iterator().next());
    }
    List<MediaRange> ranges;
    try {
      ranges = new AcceptList(accept.toLowerCase(Locale.ROOT)).entries();
    } catch (RuntimeException malformed) {
      return Optional.empty();
    }
    T best = null;
    double bestQ = 0;
    int bestSpecificity = -1;
    for (var offer : offers.entrySet()) {
      MediaType type = MediaType.create(offer.getKey());
      MediaRange range = ranges.stream().filter(r -> r.accepts(type))
          .max(Comparator.comparingInt(Conneg::specificity)).orElse(null);
      if (range == null) {
        continue;
      }
      double q = range.get_q();
      int specificity = specificity(range);
      if (q > bestQ || (q == bestQ && q > 0 && specificity > bestSpecificity)) {
        best = offer.getValue();
        bestQ = q;
        bestSpecificity = specificity;
      }
    }
    return Optional.ofNullable(best);
  }

  /** 0 for {@code *}/{@code *}, 1 for {@code type/*}, 2 for a full media type. */
  private static int specificity(MediaRange r) {
    return "*".equals(r.getType()) ? 0 : "*".equals(r.getSubType()) ? 1 : 2;
  }

  /**
   * Adds {@code Accept} to the response's {@code Vary} header, keeping what is there: the CORS
   * filter has set {@code Vary: Origin} already, and a cache must key on both.
   */
  public static void varyOnAccept(jakarta.servlet.http.HttpServletResponse resp) {
    var names = new java.util.LinkedHashSet<String>();
    for (String value : resp.getHeaders("Vary")) {
      for (String name : value.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    if (names.stream().noneMatch(n -> n.equalsIgnoreCase("Accept") || n.equals("*"))) {
      names.add("Accept");
    }
    resp.setHeader("Vary", String.join(", ", names));
  }
}

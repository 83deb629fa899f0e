package org.mlnews.issue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A link from an issue's navigation block ("⇦第 41 周(本帖)⇨", "past newsletters").
 *
 * @param rel  how the target relates to this issue
 * @param url  absolute URL of the target
 * @param slug the target's Medium slug when the URL carries one, else null
 * @param text visible text
 * @param line 1-based source line
 */
public record NavLink(Rel rel, String url, String slug, String text, int line) {
  public NavLink {
    Objects.requireNonNull(rel, "rel");
    Objects.requireNonNull(url, "url");
  }

  /** The relation of a navigation target to the issue. */
  public enum Rel {
    PREVIOUS, NEXT, SUMMARY, OTHER;

    @JsonValue
    public String token() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Rel fromToken(String token) {
      return valueOf(token.toUpperCase(Locale.ROOT));
    }
  }
}

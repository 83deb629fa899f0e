package org.mlnews.issue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an entry points at: a scholarly paper, an article or post, or something else. */
public enum EntryKind {
  PAPER, ARTICLE, OTHER;

  @JsonValue
  public String token() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static EntryKind fromToken(String token) {
    return valueOf(token.toUpperCase(Locale.ROOT));
  }
}

package org.mlnews.issue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a section holds, normalised across languages and layouts. */
public enum SectionKind {
  PAPERS, ARTICLES, USE_CASES, OTHER, FEATURED, UNKNOWN;

  /** The JSON and RDF token: {@code papers}, {@code use-cases}, ... */
  @JsonValue
  public String token() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  @JsonCreator
  public static SectionKind fromToken(String token) {
    return valueOf(token.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}

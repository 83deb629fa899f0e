package org.mlnews.issue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/**
 * A link out of an entry: the normalised target ({@code utm_*} removed, Medium-relative links made
 * absolute) and the visible text, which in the translation is often mangled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Link(String url, String text) {
  public Link {
    Objects.requireNonNull(url, "url");
  }
}

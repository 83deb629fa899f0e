package org.mlnews.issue;

import java.util.Objects;

/**
 * Something odd in a source file, kept as data: it is shown, stored in the graph, and never stops
 * a build.
 *
 * @param code    a stable token, e.g. {@code week-mismatch}, {@code duplicate-section-number},
 *                {@code entry-without-link}, {@code not-understood}
 * @param message one readable sentence
 * @param line    1-based source line, or 0 when the warning is about the whole file
 */
public record Warning(String code, String message, int line) {
  public Warning {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}

package org.mlnews.issue;

import java.util.Objects;

/**
 * A numbered section of an issue ("# 1.机器学习论文").
 *
 * @param number the number as written (two sections may share one: see the warnings)
 * @param title  the title as written, without its number
 * @param kind   normalised kind
 * @param line   1-based source line of the section heading
 */
public record Section(int number, String title, SectionKind kind, int line) {
  public Section {
    Objects.requireNonNull(title, "title");
    kind = kind == null ? SectionKind.UNKNOWN : kind;
  }
}

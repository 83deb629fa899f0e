package org.mlnews.issue;

import java.nio.file.Path;

/**
 * A source file that cannot be read as an issue. The message names the file and, where known,
 * the line and column, in the {@code file:line:column: message} form editors understand.
 *
 * <pre>{@code
 * throw new SourceException(path, 1, 0, "no title: the file must start with a '# ' heading");
 * }</pre>
 */
public final class SourceException extends Exception {
  private final transient Path file;
  private final int line;
  private final int column;
  private final String reason;

  public SourceException(Path file, int line, int column, String reason) {
    this(file, line, column, reason, null);
  }

  public SourceException(Path file, int line, int column, String reason, Throwable cause) {
    super(format(file, line, column, reason), cause);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  private static String format(Path file, int line, int column, String reason) {
    var sb = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.append(": ").append(reason).toString();
  }

  public Path file() {
    return file;
  }

  /** 1-based line, or 0 when the problem concerns the whole file. */
  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without the location. */
  public String reason() {
    return reason;
  }
}

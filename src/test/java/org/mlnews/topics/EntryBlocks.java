package org.mlnews.topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads an entry's text straight from its source file, so the labelled sample needs to store only
 * (file, line, topics) and never the corpus text itself.
 */
final class EntryBlocks {
  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s.*");
  /** "— — — —" rows (possibly bolded) separate entries in the older layout. */
  private static final Pattern SEPARATOR = Pattern.compile("^\\s*\\**\\s*(?:[—–-]\\s*){2,}\\**\\s*$");

  private EntryBlocks() {}

  /**
   * The block of an entry: its heading line and the lines after it up to the next heading of the
   * same or a higher level, or the next separator row.
   *
   * @param line 1-based line of the entry's heading
   * @throws IllegalArgumentException if that line is not a Markdown heading
   */
  static String block(Path file, int line) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (line < 1 || line > lines.size()) {
      throw new IllegalArgumentException(file + ":" + line + ": no such line");
    }
    String head = lines.get(line - 1);
    var m = HEADING.matcher(head);
    if (!m.matches()) {
      throw new IllegalArgumentException(file + ":" + line + ": not a heading: " + head);
    }
    int level = m.group(1).length();
    var sb = new StringBuilder(head).append('\n');
    for (int i = line; i < lines.size(); i++) {
      String l = lines.get(i);
      var h = HEADING.matcher(l);
      if ((h.matches() && h.group(1).length() <= level) || SEPARATOR.matcher(l).matches()) {
        break;
      }
      sb.append(l).append('\n');
    }
    return sb.toString();
  }
}

package org.mlnews.markdown;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;
import org.mlnews.issue.Issue;
import org.mlnews.issue.SourceException;
import org.mlnews.issue.SourceLimits;

/**
 * Reads one newsletter issue from Markdown into an {@link Issue}.
 *
 * <p>Immutable and thread-safe: one configured commonmark {@link Parser} is shared, and every
 * call gets its own per-document state. Input that is not an issue at all (empty, binary, not
 * UTF-8, no title, larger than {@link SourceLimits#MAX_BYTES}) is a {@link SourceException} naming the file and line; anything else odd
 * becomes a {@link org.mlnews.issue.Warning} on the issue. No other exception escapes.
 *
 * <pre>{@code
 * IssueReader reader = IssueReader.create();
 * Issue issue = reader.read(Path.of("data/akiras-ml-news-week41-2020-ff1938c74adf.md"));
 * issue.entries().size();   // 14
 * }</pre>
 */
public final class IssueReader {
  /** How many non-blank lines may come before the title heading. */
  private static final int TITLE_WITHIN = 3;

  private final Parser parser;

  private IssueReader(Parser parser) {
    this.parser = parser;
  }

  /** A reader with the parser configured for newsletter issues (source spans on every node). */
  public static IssueReader create() {
    return new IssueReader(Parser.builder()
        .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES)
        .build());
  }

  /** Reads a file; the slug is the file name without {@code .md}. */
  public Issue read(Path file) throws SourceException {
    if (file == null) {
      throw new SourceException(null, 0, 0, "no file given");
    }
    byte[] bytes;
    try {
      bytes = SourceLimits.readSource(file);
    } catch (RuntimeException e) {
      throw new SourceException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
    return read(file, bytes);
  }

  /** Reads a file's bytes, read already (so that what is read is what was hashed, say). */
  public Issue read(Path file, byte[] bytes) throws SourceException {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String slug = name.endsWith(".md") ? name.substring(0, name.length() - 3) : name;
    return read(slug, decode(bytes, file), file);
  }

  /**
   * Reads Markdown text.
   *
   * @param slug           the issue's slug (its Medium slug)
   * @param markdown       the text
   * @param fileForErrors  the file named in errors (may be null)
   */
  public Issue read(String slug, String markdown, Path fileForErrors) throws SourceException {
    if (markdown == null || markdown.isBlank()) {
      throw new SourceException(fileForErrors, 1, 0, "empty file: there is no text to read");
    }
    if (slug == null || slug.isBlank()) {
      throw new SourceException(fileForErrors, 0, 0, "no slug: the issue needs a name");
    }
    String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
    checkText(text, fileForErrors);
    try {
      Node document = parser.parse(text);
      Heading titleHeading = findTitle(document, text, fileForErrors);
      return new DocumentReader(slug.strip(), fileForErrors, text).read(document, titleHeading);
    } catch (SourceException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      // A bug here must not take the caller down with an unexpected exception type.
      throw new SourceException(fileForErrors, 0, 0, "cannot read the issue: " + e, e);
    }
  }

  /** Decodes strict UTF-8; the error names the line and column of the first bad byte. */
  static String decode(byte[] bytes, Path file) throws SourceException {
    if (bytes.length == 0) {
      throw new SourceException(file, 1, 0, "empty file: there is no text to read");
    }
    checkBinary(bytes, file);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int at = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < at; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      throw new SourceException(file, line, at - lineStart + 1, String.format(
          "not valid UTF-8: byte 0x%02X at offset %d cannot be decoded", bytes[at] & 0xFF, at));
    }
    result = decoder.flush(out);
    if (result.isError()) {
      throw new SourceException(file, 0, 0, "not valid UTF-8: the file ends inside a character");
    }
    out.flip();
    return out.toString();
  }

  /** NUL bytes or many control characters mean the file is not text at all. */
  private static void checkBinary(byte[] bytes, Path file) throws SourceException {
    int control = 0;
    int line = 1;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      if (b == 0) {
        throw new SourceException(file, line, 0, "not Markdown text: the file contains NUL bytes (binary data?)");
      }
      if (b == '\n') {
        line++;
      } else if (b < 0x20 && b != '\t' && b != '\r' && b != '\f') {
        control++;
      }
    }
    if (control * 10 > bytes.length) {
      throw new SourceException(file, 1, 0, "not Markdown text: most of it is control characters");
    }
  }

  private static void checkText(String text, Path file) throws SourceException {
    int control = 0;
    int line = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        throw new SourceException(file, line, 0, "not Markdown text: the text contains NUL characters (binary data?)");
      }
      if (c == '\n') {
        line++;
      } else if (c < 0x20 && c != '\t' && c != '\r' && c != '\f') {
        control++;
      }
    }
    if (control * 10 > text.length()) {
      throw new SourceException(file, 1, 0, "not Markdown text: most of it is control characters");
    }
  }

  /** The level-1 heading among the first non-blank lines: the issue's title. */
  private static Heading findTitle(Node document, String text, Path file) throws SourceException {
    List<String> lines = text.lines().toList();
    int seen = 0;
    int lastAllowed = -1;
    int firstNonBlank = 0;
    for (int i = 0; i < lines.size() && seen < TITLE_WITHIN; i++) {
      if (!lines.get(i).isBlank()) {
        if (seen == 0) {
          firstNonBlank = i + 1;
        }
        seen++;
        lastAllowed = i + 1;
      }
    }
    for (Node n = document.getFirstChild(); n != null; n = n.getNext()) {
      int line = Inlines.lineOf(n);
      if (line > lastAllowed) {
        break;
      }
      if (n instanceof Heading h && h.getLevel() == 1 && !Inlines.clean(Inlines.textOf(h)).isEmpty()) {
        return h;
      }
    }
    throw new SourceException(file, firstNonBlank, 0,
        "no title: the issue must start with a level-1 heading such as '# 2020 年第 41 周'");
  }
}

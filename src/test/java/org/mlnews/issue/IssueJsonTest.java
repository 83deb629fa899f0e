package org.mlnews.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hand-edited JSON record with a value of the wrong type is refused with the file, the line and
 * column, and the field's path; nothing is guessed ("12" is not 12, 12.7 is not 12, 42 is not a
 * title).
 */
class IssueJsonTest {
  @TempDir Path tmp;

  Path write(String body) throws Exception {
    // Line 1 is blank so that every reported line is 2.
    return Files.writeString(tmp.resolve("j.json"), "\n" + body + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\u0000', textBlock = """
      title: 42                  | {"slug": "j", "title": 42}                                          | title: Cannot coerce Integer
      number as text             | {"slug": "j", "title": "T", "issueNumber": "12"}                    | issueNumber: Cannot coerce String
      fraction as integer        | {"slug": "j", "title": "T", "issueNumber": 12.7}                    | issueNumber: Cannot coerce Floating-point
      boolean as integer         | {"slug": "j", "title": "T", "issueNumber": true}                    | issueNumber: Cannot deserialize
      week as text               | {"slug": "j", "title": "T", "week": "2020-W41"}                     | week: Cannot construct
      year as text               | {"slug": "j", "title": "T", "week": {"year": "x", "number": 3}}     | week.year: Cannot coerce String
      impossible week            | {"slug": "j", "title": "T", "week": {"year": 2020, "number": 99}}   | week: Illegal week=99
      entries as text            | {"slug": "j", "title": "T", "entries": "x"}                         | entries: Cannot deserialize
      heading as number          | {"slug": "j", "title": "T", "entries": [{"heading": 5}]}            | entries[0].heading: Cannot coerce Integer
      pick as text               | {"slug": "j", "title": "T", "entries": [{"heading": "h", "editorsPick": "yes", "line": 1}]} | entries[0].editorsPick: Cannot coerce String
      pick as number             | {"slug": "j", "title": "T", "entries": [{"heading": "h", "editorsPick": 1, "line": 1}]}     | entries[0].editorsPick: Cannot coerce Integer
      section missing            | {"slug": "j", "title": "T", "entries": [{"heading": "h"}]}          | entries[0].section: Cannot map `null`
      link without url           | {"slug": "j", "title": "T", "entries": [{"heading": "h", "line": 1, "links": [{"url": null}]}]} | entries[0].links[0]: url
      ids not a list             | {"slug": "j", "title": "T", "entries": [{"heading": "h", "line": 1, "ids": {"arxiv": "2010.00554"}}]} | entries[0].ids.arxiv: Cannot construct
      language as number         | {"slug": "j", "title": "T", "language": 42}                         | language: Cannot coerce Integer
      language not a tag         | {"slug": "j", "title": "T", "language": "not a tag!"}               | Illegal language=not a tag!
      impossible date            | {"slug": "j", "title": "T", "coverageStart": "2020-02-30"}          | coverageStart: Cannot deserialize
      impossible month           | {"slug": "j", "title": "T", "month": "2020-13"}                     | month: Cannot deserialize
      lone surrogate             | {"slug": "j", "title": "a\\ud800b"}                                  | the text has a lone surrogate \\ud800
      unknown field              | {"slug": "j", "title": "T", "foo": 1}                               | foo: Unrecognized field "foo"
      unknown section kind       | {"slug": "j", "title": "T", "sections": [{"number": 1, "title": "x", "kind": "weird", "line": 1}]} | sections[0].kind:
      no title                   | {"slug": "j"}                                                       | title
      an array                   | []                                                                  | Cannot deserialize value of type Issue from Array
      a string                   | "x"                                                                 | Cannot construct instance of Issue from String value
      null                       | null                                                                | the file holds null, not an object
      """)
  void wrongTypesAreRefusedWithLineAndField(String what, String body, String expected) throws Exception {
    Path f = write(body);
    SourceException e = assertThrows(SourceException.class, () -> IssueJson.read(f), what);
    assertEquals(f, e.file());
    assertEquals(what.equals("null") ? 1 : 2, e.line(), e.getMessage());
    assertTrue(e.reason().startsWith("not a valid issue record: "), e.reason());
    assertTrue(e.reason().contains(expected), what + ": " + e.reason());
    assertTrue(e.getMessage().startsWith(f + ":" + e.line()), e.getMessage());
  }

  @Test
  void truncatedAndDeeplyNestedJsonAreRefused() throws Exception {
    Path truncated = write("{\"slug\": \"j\", \"title\": \"T\", \"entries\": [");
    assertTrue(assertThrows(SourceException.class, () -> IssueJson.read(truncated)).reason()
        .contains("Unexpected end-of-input"));
    // Said in the file's terms, not Jackson's ("[Source: REDACTED (…); line: 1, column: 1]").
    Path open = write("{\"slug\": \"j\", \"title\": \"T\", \"entries\": [{\"section\": 1");
    String reason = assertThrows(SourceException.class, () -> IssueJson.read(open)).reason();
    assertTrue(reason.matches(".*entries\\[0\\]: Unexpected end-of-input: expected close marker for Object "
        + "\\(start marker at line \\d+, column 41\\)"), reason);
    String array = assertThrows(SourceException.class, () -> IssueJson.read(write("[]"))).reason();
    assertTrue(array.endsWith("Cannot deserialize value of type Issue from Array value"), array);
    Path deep = write("{\"slug\": \"j\", \"title\": \"T\", \"entries\": " + "[".repeat(100_000));
    assertThrows(SourceException.class, () -> IssueJson.read(deep));
  }

  @Test
  void aValidRecordStillReads() throws Exception {
    Issue issue = IssueJson.read(write("{\"slug\": \"j\", \"title\": \"T\", \"issueNumber\": 12, \"language\": \"zh-Hans\"}"));
    assertEquals(12, issue.issueNumber());
    assertEquals("zh-Hans", issue.language());
  }
}

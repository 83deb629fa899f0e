package org.mlnews.issue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The JSON form of {@link Issue}: what {@code extract} prints and what {@code build} reads back
 * from {@code data/*.json}.
 *
 * <pre>{@code
 * String json = IssueJson.write(issue);
 * Issue again = IssueJson.read(Path.of("data/corrected.json"));
 * }</pre>
 */
public final class IssueJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new JavaTimeModule())
      .addModule(new SimpleModule("mlnews-strict-strings").addDeserializer(String.class, new TextOnly()))
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      // A value of the wrong type is an error, not a guess: "12" is not a number, 12.7 not an
      // integer, 42 not a title, 1 not a boolean.
      .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .withCoercionConfig(LogicalType.Textual, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
      .build();

  /**
   * Strings as JSON reads them, except that a lone UTF-16 surrogate ({@code "\ud800"}) is refused:
   * it is no text, and would be written to the store and to every dump as a replacement mark.
   */
  private static final class TextOnly extends StdScalarDeserializer<String> {
    TextOnly() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctx);
      if (s != null) {
        for (int i = 0; i < s.length(); i++) {
          char c = s.charAt(i);
          if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            i++;
          } else if (Character.isSurrogate(c)) {
            throw ctx.weirdStringException(s, String.class, String.format(
                "the text has a lone surrogate \\u%04x, which is no character", (int) c));
          }
        }
      }
      return s;
    }
  }

  private IssueJson() {}

  public static String write(Object issueOrList) {
    try {
      return MAPPER.writeValueAsString(issueOrList);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** Reads one issue; errors name the file, line and column of the offending JSON. */
  public static Issue read(Path file) throws SourceException {
    return read(file, SourceLimits.readSource(file));
  }

  /** Reads one issue from a file's bytes, read already. */
  public static Issue read(Path file, byte[] bytes) throws SourceException {
    try {
      Issue issue = MAPPER.readValue(bytes, Issue.class);
      if (issue == null) {
        throw new SourceException(file, 1, 0, "not a valid issue record: the file holds null, not an object");
      }
      return issue;
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String msg = e.getOriginalMessage();
      if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException) {
        msg = e.getCause().getMessage();
      }
      String path = e instanceof JsonMappingException m ? path(m) : "";
      throw new SourceException(file, loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(), "not a valid issue record: " + path + plain(msg), e);
    } catch (IOException e) {
      throw new SourceException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }
  /**
   * Jackson's message in the words of the file: a location as "line 1, column 41", not
   * "[Source: REDACTED (…); line: 1, column: 41]"; our types by their simple names.
   */
  static String plain(String message) {
    return message == null ? "" : message
        .replaceAll("\\[Source: [^;\\]]*(?:\\([^)]*\\))?[^;\\]]*; line: (\\d+), column: (\\d+)\\]", "line $1, column $2")
        .replaceAll("`org\\.mlnews\\.issue\\.(\\w+)`", "$1")
        .replaceAll(" \\(token `JsonToken\\.\\w+`\\)", "")
        .replaceAll(" \\(although at least one Creator exists\\): no \\S+ constructor/factory method to deserialize", "");
  }

  /** Where in the record the problem is, as {@code "entries[2].line: "}, or "" at the top. */
  private static String path(JsonMappingException e) {
    var sb = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "" : sb + ": ";
  }
}

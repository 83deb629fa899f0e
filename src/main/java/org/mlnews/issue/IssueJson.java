package org.mlnews.issue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

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
    try {
      return MAPPER.readValue(SourceLimits.read(file), Issue.class);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String msg = e.getOriginalMessage();
      if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof NullPointerException) {
        msg = e.getCause().getMessage();
      }
      throw new SourceException(file, loc == null ? 0 : loc.getLineNr(),
          loc == null ? 0 : loc.getColumnNr(), "not a valid issue record: " + msg, e);
    } catch (IOException e) {
      throw new SourceException(file, 0, 0, "cannot read: " + e.getMessage(), e);
    }
  }
}

package org.mlnews.rdf;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.riot.system.ErrorHandlerFactory;

/**
 * Reads the RDF files users edit (the ontology folder's {@code mlnews.ttl}, {@code topics.ttl},
 * {@code shapes.ttl}) so that a missing or broken file is reported with its name and line: RIOT's
 * own errors say neither which file nor, for a missing one, anything at all.
 *
 * <pre>{@code
 * Graph topics = RdfFiles.read(Path.of("ontology/topics.ttl"));
 * // a typo on line 12: RiotException "ontology/topics.ttl:12:5: Undefined prefix: skoss"
 * }</pre>
 */
public final class RdfFiles {
  private RdfFiles() {}

  /**
   * The file's triples, in the syntax its extension names.
   *
   * @throws RiotException naming the file, and its line and column for a syntax error
   */
  public static Graph read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new RiotException(file + ": no such file");
    }
    return RDFParser.source(file).errorHandler(located(file)).toGraph();
  }

  /** Errors as "file:line:column: message"; warnings go where RIOT sends them by default. */
  private static ErrorHandler located(Path file) {
    ErrorHandler warnings = ErrorHandlerFactory.getDefaultErrorHandler();
    return new ErrorHandler() {
      @Override
      public void warning(String message, long line, long col) {
        warnings.warning(file + ": " + message, line, col); // the handler adds line and column
      }

      @Override
      public void error(String message, long line, long col) {
        throw new RiotException(where(file, line, col) + message);
      }

      @Override
      public void fatal(String message, long line, long col) {
        throw new RiotException(where(file, line, col) + message);
      }
    };
  }

  private static String where(Path file, long line, long col) {
    return line > 0 ? file + ":" + line + ":" + Math.max(col, 1) + ": " : file + ": ";
  }
}

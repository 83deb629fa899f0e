package org.mlnews.rdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.jena.riot.RiotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdfFilesTest {
  @TempDir Path tmp;

  @Test
  void readsTheFileInTheSyntaxOfItsExtension() throws Exception {
    Path ttl = Files.writeString(tmp.resolve("a.ttl"), "<https://example.org/s> <https://example.org/p> 1 .\n");
    assertEquals(1, RdfFiles.read(ttl).size());
  }

  @Test
  void aMissingFileIsNamed() {
    Path missing = tmp.resolve("topics.ttl");
    assertEquals(missing + ": no such file", assertThrows(RiotException.class, () -> RdfFiles.read(missing)).getMessage());
  }

  @Test
  void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
    Path ttl = Files.writeString(tmp.resolve("b.ttl"), "@prefix ex: <https://example.org/> .\n\nex:s ex:p exx:o .\n");
    String message = assertThrows(RiotException.class, () -> RdfFiles.read(ttl)).getMessage();
    assertEquals(ttl + ":3:", message.substring(0, (ttl + ":3:").length()), message);
  }
}

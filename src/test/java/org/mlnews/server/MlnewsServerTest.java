package org.mlnews.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The builder checks each input at once and says exactly what is wrong. */
class MlnewsServerTest {
  static String message(Runnable r) {
    return assertThrows(RuntimeException.class, r::run).getMessage();
  }

  @Test
  void portMustBeInRange() {
    assertEquals("Illegal port=-1 : Port must be 0..65535", message(() -> MlnewsServer.builder().port(-1)));
    assertEquals("Illegal port=65536 : Port must be 0..65535", message(() -> MlnewsServer.builder().port(65536)));
    MlnewsServer.builder().port(0).port(65535);
  }

  @Test
  void timeoutMustBePositive() {
    assertEquals("Illegal timeout=PT0S : Timeout must be positive",
        message(() -> MlnewsServer.builder().timeout(Duration.ZERO)));
    assertEquals("Illegal timeout=PT-1S : Timeout must be positive",
        message(() -> MlnewsServer.builder().timeout(Duration.ofSeconds(-1))));
  }

  @Test
  void maxRowsMustBePositive() {
    assertEquals("Illegal maxRows=0 : Max rows must be at least 1", message(() -> MlnewsServer.builder().maxRows(0)));
  }

  @Test
  void hostMustBeGiven() {
    assertEquals("Illegal host=  : Host must be an address or name", message(() -> MlnewsServer.builder().host(" ")));
  }

  @Test
  void passwordFileMustBeReadable() {
    assertEquals("Illegal passwordFile=no/such/file : File must exist and be readable",
        message(() -> MlnewsServer.builder().passwordFile(Path.of("no/such/file"))));
  }

  @Test
  void buildNeedsAStore() {
    assertEquals("No store : call store(...)", message(() -> MlnewsServer.builder().build()));
  }
}

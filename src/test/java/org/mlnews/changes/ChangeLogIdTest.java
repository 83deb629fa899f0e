package org.mlnews.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;

/** A patch's id is computed by streaming the patch, and is the id it was when the patch was held in memory. */
class ChangeLogIdTest {
  @Test
  void streamedIdEqualsTheNameUuidOfThePatchText() {
    var changes = new ChangeSet();
    for (int i = 0; i < 500; i++) {
      changes.add(NodeFactory.createURI("https://x.example/g"), NodeFactory.createURI("https://x.example/s" + i),
          NodeFactory.createURI("https://x.example/p"), NodeFactory.createLiteralLang("摘要 " + i, "zh"));
    }
    changes.delete(NodeFactory.createURI("https://x.example/g"), NodeFactory.createURI("https://x.example/old"),
        NodeFactory.createURI("https://x.example/p"), NodeFactory.createLiteralString("gone"));
    byte[] prefix = "urn:uuid:prev\n2\n2020-10-04T00:00:00Z\n".getBytes(StandardCharsets.UTF_8);
    var body = new ByteArrayOutputStream();
    changes.writePatch(body, Map.of());
    UUID inMemory = UUID.nameUUIDFromBytes((new String(prefix, StandardCharsets.UTF_8)
        + body.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
    assertEquals(inMemory, ChangeLog.nameUuid(prefix, changes));
  }
}

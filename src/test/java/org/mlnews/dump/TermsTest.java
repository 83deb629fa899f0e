package org.mlnews.dump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.Test;

class TermsTest {
  static final Node S = NodeFactory.createURI("https://example.org/s");
  static final Node P = NodeFactory.createURI("https://example.org/p");

  @Test
  void literalsEscapeOnlyWhatTheyMust() {
    Node o = NodeFactory.createLiteralString("a \"q\" \\ \n\r\t\u0001 é 漢 😀");
    assertEquals("\"a \\\"q\\\" \\\\ \\n\\r\\t\\u0001 é 漢 😀\"", Terms.nt(o));
    assertEquals("\"x\"@zh", Terms.nt(NodeFactory.createLiteralLang("x", "zh")));
    assertEquals("\"007\"^^<http://www.w3.org/2001/XMLSchema#integer>",
        Terms.nt(NodeFactory.createLiteralDT("007", XSDDatatype.XSDinteger)));
  }

  @Test
  void irisEscapeWhatAnIriMayNotHold() {
    assertEquals("<https://example.org/a\\u0020b\\u007Cc>", Terms.nt(NodeFactory.createURI("https://example.org/a b|c")));
  }

  @Test
  void linesReadBackAsTheSameTriple() {
    for (Node o : List.of(NodeFactory.createLiteralString("a \"q\" \\ \n\r\t\u0001 é 漢 😀"),
        NodeFactory.createLiteralLang("x", "en"), NodeFactory.createBlankNode("b0123456789abcdef"),
        NodeFactory.createLiteralDT("2020-10-04", XSDDatatype.XSDdate), NodeFactory.createURI("https://example.org/a|b"))) {
      Triple t = Triple.create(S, P, o);
      assertEquals(t, Terms.parseLine(Terms.line(t)), Terms.line(t));
    }
  }

  @Test
  void codePointOrderIsUtf8ByteOrder() {
    var strings = new ArrayList<>(List.of("\uFF21", "😀", "a", "Z", "é"));
    strings.sort(Terms.CODE_POINT_ORDER);
    // U+FF21 sorts before U+1F600 by code point, though its UTF-16 unit is larger than a surrogate.
    assertEquals(List.of("Z", "a", "é", "\uFF21", "😀"), strings);
    assertTrue(Terms.compareCodePoints("ab", "abc") < 0);
  }
}

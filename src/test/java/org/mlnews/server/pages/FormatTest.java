package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormatTest {
  static Optional<Format> n(String accept) {
    return Format.negotiate(accept);
  }

  @Test
  void browsersAndWildcardsGetHtml() {
    assertEquals(Optional.of(Format.HTML), n("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"));
    assertEquals(Optional.of(Format.HTML), n("*/*"));
    assertEquals(Optional.of(Format.HTML), n(null));
    assertEquals(Optional.of(Format.HTML), n(""));
    assertEquals(Optional.of(Format.HTML), n("text/*"));
  }

  @Test
  void rdfByMediaType() {
    assertEquals(Optional.of(Format.TURTLE), n("text/turtle"));
    assertEquals(Optional.of(Format.JSONLD), n("application/ld+json"));
    assertEquals(Optional.of(Format.JSONLD), n("application/json"));
    assertEquals(Optional.of(Format.NTRIPLES), n("application/n-triples"));
    assertEquals(Optional.of(Format.RDFXML), n("application/rdf+xml"));
    assertEquals(Optional.of(Format.JSONLD), n("application/*"));
  }

  @Test
  void qualityAndSpecificity() {
    assertEquals(Optional.of(Format.TURTLE), n("text/html;q=0.5, text/turtle"));
    assertEquals(Optional.of(Format.JSONLD), n("text/turtle;q=0.9, application/ld+json"));
    assertEquals(Optional.of(Format.TURTLE), n("*/*;q=0.1, text/turtle;q=0.2"));
    // A specific q=0 excludes what a wildcard would allow.
    assertEquals(Optional.of(Format.TURTLE), n("text/html;q=0, */*"));
    assertEquals(Optional.of(Format.TURTLE), n("TEXT/TURTLE ; Q=1"));
  }

  @Test
  void nothingAcceptable() {
    assertEquals(Optional.empty(), n("image/png"));
    assertEquals(Optional.empty(), n("text/html;q=0"));
    assertEquals(Optional.empty(), n("application/pdf, video/*"));
  }

  @Test
  void formatTokens() {
    assertEquals(Optional.of(Format.TURTLE), Format.byToken("ttl"));
    assertEquals(Optional.of(Format.JSONLD), Format.byToken("jsonld"));
    assertEquals(Optional.of(Format.NTRIPLES), Format.byToken("nt"));
    assertEquals(Optional.of(Format.RDFXML), Format.byToken("rdf"));
    assertEquals(Optional.of(Format.HTML), Format.byToken("HTML"));
    assertEquals(Optional.empty(), Format.byToken("pdf"));
  }
}

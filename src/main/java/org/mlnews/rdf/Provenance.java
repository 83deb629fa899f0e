package org.mlnews.rdf;

import java.time.Instant;
import java.util.Objects;

/**
 * Where an issue graph came from: recorded on the graph's own IRI inside that graph.
 *
 * @param sourceFile       the source file's name in the data folder, e.g. {@code x.md}
 * @param contentHash      SHA-256 of everything the graph depends on (see the build package)
 * @param extractorVersion the mlnews version that extracted it
 * @param generatedAt      when the graph was built
 */
public record Provenance(String sourceFile, String contentHash, String extractorVersion,
    Instant generatedAt) {
  public Provenance {
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(contentHash, "contentHash");
    Objects.requireNonNull(extractorVersion, "extractorVersion");
    Objects.requireNonNull(generatedAt, "generatedAt");
  }
}

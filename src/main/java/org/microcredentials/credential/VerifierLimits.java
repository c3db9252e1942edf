package org.microcredentials.credential;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the public verifier ({@code POST /api/credentials/verify}) spends on one anonymous request at
 * most (prefix {@code microcredentials.verifier}; the defaults below are the only place they are written). A Data Integrity proof is checked
 * over the document's canonical form, so the document is canonicalized before its signature can be
 * judged: RDF canonicalization (RDFC-1.0) is exponential in the blank nodes that look alike, and a
 * 2 KB document of a few blank nodes all pointing at each other held a core for half a minute.
 * Credentials we issue stay far below every figure (docs/security.md, "Limits").
 *
 * @param maxDocumentBytes the largest body taken, in bytes
 * @param maxNestingDepth the deepest nesting of JSON objects and arrays taken
 * @param maxQuads the most RDF statements a document may turn into
 * @param maxBlankNodes the most blank nodes (JSON-LD nodes without an {@code id}) a document may hold
 * @param canonicalizationSteps the most steps RDFC-1.0 may take on one document (titanium-rdfc's ticks:
 *     one a blank node hashed, a permutation tried, a quad written)
 * @param canonicalizationTime the longest RDFC-1.0 may run on one document, whatever the steps
 */
@ConfigurationProperties("microcredentials.verifier")
public record VerifierLimits(
    Integer maxDocumentBytes,
    Integer maxNestingDepth,
    Integer maxQuads,
    Integer maxBlankNodes,
    Integer canonicalizationSteps,
    Duration canonicalizationTime) {

  public VerifierLimits {
    maxDocumentBytes = maxDocumentBytes == null ? 256 * 1024 : maxDocumentBytes;
    maxNestingDepth = maxNestingDepth == null ? 32 : maxNestingDepth;
    maxQuads = maxQuads == null ? 2000 : maxQuads;
    maxBlankNodes = maxBlankNodes == null ? 64 : maxBlankNodes;
    canonicalizationSteps = canonicalizationSteps == null ? 10_000 : canonicalizationSteps;
    canonicalizationTime = canonicalizationTime == null ? Duration.ofSeconds(5) : canonicalizationTime;
  }

  public static VerifierLimits defaults() {
    return new VerifierLimits(null, null, null, null, null, null);
  }
}

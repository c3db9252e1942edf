package org.microcredentials.credential;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.multibase.Multibase;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.api.RdfQuadConsumer;
import com.apicatalog.rdf.canon.RdfCanon;
import com.apicatalog.rdf.canon.RdfCanonTicker;
import com.apicatalog.rdf.nquads.NQuadsWriter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.microcredentials.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * W3C Data Integrity EdDSA Cryptosuites v1.0, {@code eddsa-rdfc-2022}: the document and the proof
 * options are each turned into RDF (JSON-LD, contexts from {@link JsonLdContexts} only, undefined
 * terms refused), canonicalized with RDFC-1.0, hashed with SHA-256; Ed25519 signs the proof
 * options' hash followed by the document's; {@code proofValue} is the signature in base58btc.
 *
 * <p>A document from outside is canonicalized within {@link VerifierLimits}: its statements and blank
 * nodes are counted as JSON-LD gives them, before RDFC-1.0 hashes any, and RDFC-1.0 itself runs on a
 * budget of steps and time. Past a limit the verification is refused ({@link RuleViolation}, 400
 * naming the limit), not judged: a refused document is no evidence that the signature is wrong.
 */
@Component
class DataIntegrity {

  static final String PROOF_TYPE = "DataIntegrityProof";
  static final String CRYPTOSUITE = "eddsa-rdfc-2022";

  private final ObjectMapper json;
  private final VerifierLimits limits;

  DataIntegrity(ObjectMapper json, VerifierLimits limits) {
    this.json = json;
    this.limits = limits;
  }

  /** The proof for the document (which must not carry one yet): what goes into its {@code proof} array. */
  Map<String, Object> prove(Map<String, Object> document, String verificationMethod, String created, PrivateKey key) {
    Map<String, Object> proof = new LinkedHashMap<>();
    proof.put("type", PROOF_TYPE);
    proof.put("cryptosuite", CRYPTOSUITE);
    proof.put("created", created);
    proof.put("verificationMethod", verificationMethod);
    proof.put("proofPurpose", "assertionMethod");
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(key);
      signer.update(hashData(document, proof, null));
      proof.put("proofValue", Multibase.BASE_58_BTC.encode(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not sign with Ed25519", e);
    }
    return proof;
  }

  /**
   * Whether the proof (taken out of the document, with its {@code proofValue}) signs exactly the
   * document without its {@code proof}. A document that does not canonicalize (an undefined term,
   * an unknown context) does not verify; one past {@link VerifierLimits} is refused with a
   * {@link RuleViolation}.
   */
  boolean verifies(Map<String, Object> unsignedDocument, Map<String, Object> proof, PublicKey key) {
    if (!PROOF_TYPE.equals(proof.get("type")) || !CRYPTOSUITE.equals(proof.get("cryptosuite"))
        || !(proof.get("proofValue") instanceof String proofValue) || !Multibase.BASE_58_BTC.isEncoded(proofValue)) {
      return false;
    }
    Map<String, Object> options = new LinkedHashMap<>(proof);
    options.remove("proofValue");
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(hashData(unsignedDocument, options, limits));
      return verifier.verify(Multibase.BASE_58_BTC.decode(proofValue));
    } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  /** {@code limits} null: a document of ours, being signed. */
  private byte[] hashData(Map<String, Object> document, Map<String, Object> proofOptions, VerifierLimits limits) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("@context", document.get("@context"));
    options.putAll(proofOptions);
    byte[] optionsHash = sha256(canonical(options, limits));
    byte[] documentHash = sha256(canonical(document, limits));
    byte[] both = new byte[optionsHash.length + documentHash.length];
    System.arraycopy(optionsHash, 0, both, 0, optionsHash.length);
    System.arraycopy(documentHash, 0, both, optionsHash.length, documentHash.length);
    return both;
  }

  /** RDFC-1.0 canonical N-Quads of the JSON-LD document. */
  String canonical(Map<String, Object> document) {
    return canonical(document, null);
  }

  /** RDFC-1.0 canonical N-Quads of the JSON-LD document, within the limits unless they are null. */
  String canonical(Map<String, Object> document, VerifierLimits limits) {
    try {
      JsonStructure structure = Json.createReader(new StringReader(json.writeValueAsString(document))).read();
      JsonLdOptions options = new JsonLdOptions(JsonLdContexts.LOADER);
      options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
      RdfCanon canon = limits == null ? RdfCanon.create("SHA-256")
          : RdfCanon.create("SHA-256", new Budget(limits));
      JsonLd.toRdf(JsonDocument.of(structure)).options(options)
          .provide(limits == null ? canon : new CountedQuads(canon, limits));
      StringWriter nquads = new StringWriter();
      canon.provide(new NQuadsWriter(nquads));
      return nquads.toString();
    } catch (JsonProcessingException | JsonLdError | RdfConsumerException e) {
      throw new IllegalStateException("The document cannot be canonicalized as JSON-LD: " + e.getMessage(), e);
    }
  }

  /**
   * Counts the statements and distinct blank nodes JSON-LD gives before they reach RDFC-1.0, whose
   * work grows with both: a document past either limit is refused before any blank node is hashed.
   */
  private static final class CountedQuads implements RdfQuadConsumer {

    private final RdfQuadConsumer canon;
    private final VerifierLimits limits;
    private final Set<String> blankNodes = new HashSet<>();
    private int quads;

    CountedQuads(RdfQuadConsumer canon, VerifierLimits limits) {
      this.canon = canon;
      this.limits = limits;
    }

    @Override
    public RdfQuadConsumer quad(String subject, String predicate, String object, String datatype, String language,
        String direction, String graph) throws RdfConsumerException {
      if (++quads > limits.maxQuads()) {
        throw RuleViolation.invalid("verifier-quads", "The credential turns into more than " + limits.maxQuads()
            + " RDF statements; the verifier canonicalizes no more (a credential we issue makes about a hundred).");
      }
      blank(subject);
      if (!RdfQuadConsumer.isLiteral(datatype, language, direction)) {
        blank(object);
      }
      blank(graph);
      canon.quad(subject, predicate, object, datatype, language, direction, graph);
      return this;
    }

    private void blank(String term) {
      if (term != null && RdfQuadConsumer.isBlank(term) && blankNodes.add(term)
          && blankNodes.size() > limits.maxBlankNodes()) {
        throw RuleViolation.invalid("verifier-blank-nodes", "The credential holds more than "
            + limits.maxBlankNodes() + " blank nodes (JSON-LD nodes without an id); the verifier canonicalizes no more.");
      }
    }
  }

  /**
   * RDFC-1.0's work on one document: titanium-rdfc ticks once a step (a blank node hashed, a
   * permutation of look-alike blank nodes tried); past the steps or the time the verification stops.
   * A handful of blank nodes that all point at each other reach the steps in milliseconds.
   */
  private static final class Budget implements RdfCanonTicker {

    private final VerifierLimits limits;
    private final long deadline;
    private int steps;

    Budget(VerifierLimits limits) {
      this.limits = limits;
      this.deadline = System.nanoTime() + limits.canonicalizationTime().toNanos();
    }

    @Override
    public void tick() {
      if (++steps > limits.canonicalizationSteps() || System.nanoTime() - deadline > 0) {
        throw RuleViolation.invalid("verifier-canonicalization-budget", "Canonicalizing the credential (RDFC-1.0) "
            + "takes more than " + limits.canonicalizationSteps() + " steps or " + limits.canonicalizationTime().toMillis()
            + " ms: its blank nodes look too much alike. A credential we issue takes under a hundred steps.");
      }
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

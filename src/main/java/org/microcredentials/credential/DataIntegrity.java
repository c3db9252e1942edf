package org.microcredentials.credential;

import com.apicatalog.jsonld.JsonLd;
import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdOptions;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.multibase.Multibase;
import com.apicatalog.rdf.api.RdfConsumerException;
import com.apicatalog.rdf.canon.RdfCanon;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * W3C Data Integrity EdDSA Cryptosuites v1.0, {@code eddsa-rdfc-2022}: the document and the proof
 * options are each turned into RDF (JSON-LD, contexts from {@link JsonLdContexts} only, undefined
 * terms refused), canonicalized with RDFC-1.0, hashed with SHA-256; Ed25519 signs the proof
 * options' hash followed by the document's; {@code proofValue} is the signature in base58btc.
 */
@Component
class DataIntegrity {

  static final String PROOF_TYPE = "DataIntegrityProof";
  static final String CRYPTOSUITE = "eddsa-rdfc-2022";

  private final ObjectMapper json;

  DataIntegrity(ObjectMapper json) {
    this.json = json;
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
      signer.update(hashData(document, proof));
      proof.put("proofValue", Multibase.BASE_58_BTC.encode(signer.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not sign with Ed25519", e);
    }
    return proof;
  }

  /**
   * Whether the proof (taken out of the document, with its {@code proofValue}) signs exactly the
   * document without its {@code proof}. A document that does not canonicalize (an undefined term,
   * an unknown context) does not verify.
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
      verifier.update(hashData(unsignedDocument, options));
      return verifier.verify(Multibase.BASE_58_BTC.decode(proofValue));
    } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
      return false;
    }
  }

  private byte[] hashData(Map<String, Object> document, Map<String, Object> proofOptions) {
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("@context", document.get("@context"));
    options.putAll(proofOptions);
    byte[] optionsHash = sha256(canonical(options));
    byte[] documentHash = sha256(canonical(document));
    byte[] both = new byte[optionsHash.length + documentHash.length];
    System.arraycopy(optionsHash, 0, both, 0, optionsHash.length);
    System.arraycopy(documentHash, 0, both, optionsHash.length, documentHash.length);
    return both;
  }

  /** RDFC-1.0 canonical N-Quads of the JSON-LD document. */
  String canonical(Map<String, Object> document) {
    try {
      JsonStructure structure = Json.createReader(new StringReader(json.writeValueAsString(document))).read();
      JsonLdOptions options = new JsonLdOptions(JsonLdContexts.LOADER);
      options.setUndefinedTermsPolicy(JsonLdOptions.ProcessingPolicy.Fail);
      RdfCanon canon = RdfCanon.create("SHA-256");
      JsonLd.toRdf(JsonDocument.of(structure)).options(options).provide(canon);
      StringWriter nquads = new StringWriter();
      canon.provide(new NQuadsWriter(nquads));
      return nquads.toString();
    } catch (JsonProcessingException | JsonLdError | RdfConsumerException e) {
      throw new IllegalStateException("The document cannot be canonicalized as JSON-LD: " + e.getMessage(), e);
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

package org.microcredentials.credential;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.document.Document;
import com.apicatalog.jsonld.document.JsonDocument;
import com.apicatalog.jsonld.loader.DocumentLoader;
import com.apicatalog.jsonld.loader.DocumentLoaderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Every JSON-LD context our documents name, bundled in {@code openbadges/}: the loader answers
 * from the classpath and refuses any other URL, so canonicalization never reaches the network.
 */
final class JsonLdContexts implements DocumentLoader {

  static final String VC_V2 = "https://www.w3.org/ns/credentials/v2";
  static final String OB_V3P0 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
  static final String OB_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
  static final String MULTIKEY_V1 = "https://w3id.org/security/multikey/v1";
  static final String DID_V1 = "https://www.w3.org/ns/did/v1";

  /** The context URL and the bundled copy that answers for it. */
  static final Map<String, String> BUNDLED = Map.of(
      VC_V2, "openbadges/contexts/credentials-v2.jsonld",
      OB_V3P0, "openbadges/context-3.0.3.json",
      OB_EXTENSIONS, "openbadges/contexts/ob-extensions.json",
      MULTIKEY_V1, "openbadges/contexts/multikey-v1.jsonld",
      DID_V1, "openbadges/contexts/did-v1.jsonld");

  static final JsonLdContexts LOADER = new JsonLdContexts();

  private final Map<String, JsonDocument> documents;

  private JsonLdContexts() {
    documents = BUNDLED.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
        Map.Entry::getKey, entry -> read(entry.getKey(), entry.getValue())));
  }

  @Override
  public Document loadDocument(URI url, DocumentLoaderOptions options) throws JsonLdError {
    JsonDocument document = documents.get(url.toString());
    if (document == null) {
      throw new JsonLdError(JsonLdErrorCode.LOADING_REMOTE_CONTEXT_FAILED,
          "The context " + url + " is not bundled; no context is fetched from the network.");
    }
    return document;
  }

  private static JsonDocument read(String url, String resource) {
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      JsonDocument document = JsonDocument.of(in);
      document.setDocumentUrl(URI.create(url));
      return document;
    } catch (IOException | JsonLdError e) {
      throw new UncheckedIOException("The bundled context " + resource + " is missing or broken",
          e instanceof IOException io ? io : new IOException(e));
    }
  }
}

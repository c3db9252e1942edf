package org.microcredentials.wallet;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.microcredentials.credential.CredentialProperties;
import org.springframework.stereotype.Component;

/**
 * The Service Description Document of the Open Badges 3.0 API: an OpenAPI 3.0 document profiled
 * from 1EdTech's, naming this server's resource endpoints, its OAuth 2.0 authorization code flow
 * (authorization, token, refresh and registration URLs), the scopes it serves, and its terms and
 * privacy policy. Every URL is absolute, on the application's public URL.
 */
@Component
class WalletDiscovery {

  private final CredentialProperties properties;

  WalletDiscovery(CredentialProperties properties) {
    this.properties = properties;
  }

  String url(String path) {
    return properties.publicUrl() + path;
  }

  Map<String, Object> document() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("title", properties.issuerName() + " Open Badges API");
    info.put("description", "The holder's skills micro-credentials, as signed Open Badges 3.0, for their wallet.");
    info.put("version", "3.0");
    info.put("termsOfService", url(AboutPages.TERMS));
    info.put("x-imssf-privacyPolicyUrl", url(AboutPages.PRIVACY));

    Map<String, Object> flow = new LinkedHashMap<>();
    flow.put("authorizationUrl", url(WalletApi.BASE + "/authorize"));
    flow.put("tokenUrl", url(WalletApi.BASE + "/token"));
    flow.put("refreshUrl", url(WalletApi.BASE + "/token"));
    flow.put("scopes", new LinkedHashMap<>(WalletScopes.OFFERED));
    Map<String, Object> scheme = new LinkedHashMap<>();
    scheme.put("type", "oauth2");
    scheme.put("description", "OAuth 2.0 Authorization Code Grant with PKCE (S256)");
    scheme.put("x-imssf-name", properties.issuerName());
    scheme.put("x-imssf-privacyPolicyUrl", url(AboutPages.PRIVACY));
    scheme.put("x-imssf-termsOfServiceUrl", url(AboutPages.TERMS));
    scheme.put("x-imssf-registrationUrl", url(WalletApi.BASE + "/register"));
    scheme.put("x-microcredentials-revocationUrl", url(WalletApi.BASE + "/revoke"));
    scheme.put("flows", Map.of("authorizationCode", flow));

    Map<String, Object> paths = new LinkedHashMap<>();
    paths.put("/credentials", Map.of("get", operation("getCredentials",
        "The authenticated holder's credentials, newest first; revoked ones are left out.",
        WalletScopes.CREDENTIAL_READONLY, List.of(
            parameter("limit", "The most credentials to answer (1 to 100).", Map.of("type", "integer", "minimum", 1)),
            parameter("offset", "How many to skip.", Map.of("type", "integer", "minimum", 0)),
            parameter("since", "Only those issued after this moment.", Map.of("type", "string", "format", "date-time"))),
        "GetOpenBadgeCredentialsResponse")));
    paths.put("/profile", Map.of("get", operation("getProfile", "The authenticated holder's profile.",
        WalletScopes.PROFILE_READONLY, List.of(), "Profile")));
    Map<String, Object> discoveryOperation = new LinkedHashMap<>();
    discoveryOperation.put("operationId", "getServiceDescription");
    discoveryOperation.put("summary", "This document.");
    discoveryOperation.put("tags", List.of("Discovery"));
    discoveryOperation.put("responses", Map.of("200", Map.of("description", "The Service Description Document.")));
    paths.put("/discovery", Map.of("get", discoveryOperation));

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("openapi", "3.0.1");
    document.put("info", info);
    document.put("servers", List.of(Map.of("url", url(WalletApi.BASE))));
    document.put("paths", paths);
    document.put("components", Map.of("securitySchemes", Map.of("OAuth2ACG", scheme),
        "schemas", Map.of(
            "GetOpenBadgeCredentialsResponse", Map.of("type", "object", "properties", Map.of(
                "credential", Map.of("type", "array", "items", Map.of("type", "object")),
                "compactJwsString", Map.of("type", "array", "items", Map.of("type", "string")))),
            "Profile", Map.of("type", "object", "required", List.of("id", "type")),
            "Imsx_StatusInfo", Map.of("type", "object",
                "required", List.of("imsx_codeMajor", "imsx_severity")))));
    return document;
  }

  private static Map<String, Object> parameter(String name, String description, Map<String, Object> schema) {
    Map<String, Object> parameter = new LinkedHashMap<>();
    parameter.put("name", name);
    parameter.put("in", "query");
    parameter.put("description", description);
    parameter.put("required", false);
    parameter.put("schema", schema);
    return parameter;
  }

  private static Map<String, Object> operation(String id, String summary, String scope, List<Map<String, Object>> parameters,
      String schema) {
    Map<String, Object> error = Map.of("description", "Imsx_StatusInfo", "content",
        Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/Imsx_StatusInfo"))));
    Map<String, Object> responses = new LinkedHashMap<>();
    responses.put("200", Map.of("description", summary, "content",
        Map.of("application/json", Map.of("schema", Map.of("$ref", "#/components/schemas/" + schema)))));
    responses.put("default", error);
    Map<String, Object> operation = new LinkedHashMap<>();
    operation.put("operationId", id);
    operation.put("summary", summary);
    operation.put("tags", List.of("OpenBadgeCredentials"));
    if (!parameters.isEmpty()) {
      operation.put("parameters", parameters);
    }
    operation.put("security", List.of(Map.of("OAuth2ACG", List.of(scope))));
    operation.put("responses", responses);
    return operation;
  }
}

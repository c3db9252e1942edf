package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkAdministration;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attack of another site on an administrator whose browser has cached their HTTP Basic credentials: the
 * page auto-submits a form, and the browser sends the credentials with it. A multipart form to
 * {@code /engine-rest/deployment/create} deployed a model (200); a plain form to {@code /api/skills/{code}/retire}
 * retired a skill. Now refused (403, rule {@code same-site-only}) whenever the browser says the request comes
 * from another site, and nothing is deployed or retired; the same calls from our own origin, and from API clients
 * that send no Origin at all, still work. Also the other side of it: browsers are not offered Basic where a
 * session login exists (the reports page sends a browser to Tasklist's login).
 */
@ApplicationTest
class CrossSiteRequestsIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String EVIL = "http://evil.example";
  static final String BOUNDARY = "----attacker-form-boundary";

  @LocalServerPort int port;
  @Autowired RepositoryService repository;
  @Autowired SkillFrameworkRepository frameworks;
  @Autowired SkillFrameworkAdministration administration;

  @Test
  void anotherSiteDeploysNothingWithTheAdministratorsBasic() throws Exception {
    long deployments = repository.createDeploymentQuery().count();
    for (Map<String, String> browser : crossSiteBrowsers()) {
      HttpResponse<String> answer = deploy("cross-site-attack", browser);
      assertThat(answer.statusCode()).as("%s: %s", browser, answer.body()).isEqualTo(403);
      assertThat(answer.body()).contains("\"rule\":\"same-site-only\"").doesNotContain("Exception");
    }
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);

    // The administrator's own page (same origin) and Camunda Modeler or a script (no Origin) deploy.
    assertThat(deploy("same-origin", Map.of("Origin", "http://localhost:" + port, "Sec-Fetch-Site", "same-origin"))
        .statusCode()).isEqualTo(200);
    assertThat(deploy("api-client", Map.of()).statusCode()).isEqualTo(200);
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments + 2);
    // The database outlives this class's context: the next test classes see no trace of these models.
    for (String name : List.of("same-origin", "api-client")) {
      repository.createDeploymentQuery().deploymentName(name).list()
          .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
    }
  }

  @Test
  void anotherSiteRetiresNoSkillWithTheAdministratorsBasic() throws Exception {
    SkillFramework before = frameworks.current();
    try {
      retireOnlyFromOurselves();
    } finally {
      // Other test classes share the database and apply for these skills: they are back in a newer version.
      int latest = frameworks.current().version();
      administration.load(new SkillFramework(latest + 1, before.label(), before.skills(), before.levelProfiles()),
          "CrossSiteRequestsIT restores the skills it retired");
    }
  }

  private void retireOnlyFromOurselves() throws Exception {
    for (Map<String, String> browser : crossSiteBrowsers()) {
      HttpResponse<String> answer = send("POST", "/api/skills/iOPS/retire", "demo", "application/x-www-form-urlencoded",
          "confirm=yes", browser);
      assertThat(answer.statusCode()).as("%s: %s", browser, answer.body()).isEqualTo(403);
      assertThat(answer.body()).contains("same-site-only");
    }
    assertThat(retired("iOPS")).isFalse();
    // Refused before the password is even looked at: no throttle is spent, no oracle for guesses.
    assertThat(send("POST", "/api/skills/iOPS/retire", "demo", "wrong", "application/json", "{}",
        Map.of("Origin", EVIL)).statusCode()).isEqualTo(403);

    // The public verification carries no one's authority: a verifier's page on another site may post to it.
    assertThat(send("POST", "/api/credentials/verify", null, "application/json", "{}",
        Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site")).statusCode()).isEqualTo(200);
    // Reading stays possible from anywhere (GET changes nothing; the answer is not readable cross-site without CORS).
    assertThat(send("GET", "/api/skills", "demo", null, null, Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site"))
        .statusCode()).isEqualTo(200);
    assertThat(send("POST", "/api/skills/iOPS/retire", "demo", "application/json", "{}",
        Map.of("Origin", "http://localhost:" + port)).statusCode()).isEqualTo(200);
    assertThat(retired("iOPS")).isTrue();
    assertThat(send("POST", "/api/skills/iDEL/retire", "demo", "application/json", "{}", Map.of()).statusCode())
        .as("an API client without Origin").isEqualTo(200);
  }

  @Test
  void browsersAreSentToTheTasklistLoginNotOfferedBasic() throws Exception {
    HttpResponse<String> navigation = send("GET", "/reports", null, null, null,
        Map.of("Sec-Fetch-Mode", "navigate", "Accept", "text/html"));
    assertThat(navigation.statusCode()).isEqualTo(401);
    assertThat(navigation.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(navigation.body()).contains("/camunda/app/tasklist/");
    HttpResponse<String> restClient = send("GET", "/reports/data/submissions", null, null, null,
        Map.of("Accept", "application/json"));
    assertThat(restClient.statusCode()).isEqualTo(401);
    assertThat(restClient.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic ");
    assertThat(send("GET", "/engine-rest/task", null, null, null, Map.of()).headers()
        .firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic ");
  }

  /** How browsers mark a request another site makes: by Origin, by Fetch Metadata, or both; a sandboxed frame sends null. */
  private static List<Map<String, String>> crossSiteBrowsers() {
    return List.of(Map.of("Origin", EVIL), Map.of("Sec-Fetch-Site", "cross-site"),
        Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site", "Sec-Fetch-Mode", "navigate"),
        Map.of("Origin", "null"), Map.of("Origin", "http://localhost:1"), Map.of("Origin", "https://localhost"));
  }

  private boolean retired(String code) {
    return frameworks.current().skills().stream().filter(skill -> skill.code().equals(code)).findFirst().orElseThrow()
        .retired();
  }

  private HttpResponse<String> deploy(String name, Map<String, String> browser) throws Exception {
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
            targetNamespace="http://evil.example">
          <process id="Attacker_%s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <startEvent id="StartEvent_Attack"/>
          </process>
        </definitions>
        """.formatted(name.replace("-", "_"));
    String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n"
        + "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"attack.bpmn\"\r\n"
        + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + BOUNDARY + "--\r\n";
    return send("POST", "/engine-rest/deployment/create", "demo", "multipart/form-data; boundary=" + BOUNDARY, body,
        browser);
  }

  private HttpResponse<String> send(String method, String path, String user, String contentType, String body,
      Map<String, String> headers) throws Exception {
    return send(method, path, user, user, contentType, body, headers);
  }

  private HttpResponse<String> send(String method, String path, String user, String password, String contentType,
      String body, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

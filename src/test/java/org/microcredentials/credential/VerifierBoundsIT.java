package org.microcredentials.credential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public verifier against what an anonymous attacker sends it, over HTTP as the attacker sends
 * it: the proof of a real credential, copied from its public page, on a document made to be
 * expensive to canonicalize (blank nodes that all point at each other), nested a thousand deep, or
 * too large. Each is refused with 400 naming the limit, in well under a second, and nothing is
 * recorded; real credentials, endorsed ones included, still verify.
 */
@ApplicationTest
class VerifierBoundsIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired CredentialRegister register;
  @Autowired JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void aCliqueOfBlankNodesCarryingARealProofIsRefusedWithinASecond() throws Exception {
    JsonNode real = publicCredential(issue("VB-CLIQUE", CredentialSource.ENDORSEMENT));
    assertThat(verify(real.toString()).body()).contains("\"verified\":true");
    int credentialsBefore = credentialCount();

    for (int nodes : List.of(9, 12)) {
      ObjectNode attack = JSON.createObjectNode();
      attack.set("@context", real.path("@context"));
      ArrayNode graph = attack.putArray("@graph");
      for (int node = 0; node < nodes; node++) {
        ObjectNode blank = graph.addObject().put("@id", "_:b" + node);
        ArrayNode links = blank.putArray("https://attacker.example/knows");
        for (int other = 0; other < nodes; other++) {
          if (other != node) {
            links.addObject().put("@id", "_:b" + other);
          }
        }
      }
      attack.set("proof", real.path("proof"));

      long started = System.nanoTime();
      HttpResponse<String> refused = verify(attack.toString());
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
      assertThat(JSON.readTree(refused.body()).path("rule").asText()).as(nodes + " nodes")
          .isEqualTo("verifier-canonicalization-budget");
      assertThat(took).as(nodes + " nodes").isLessThan(Duration.ofSeconds(1));
    }
    assertThat(credentialCount()).isEqualTo(credentialsBefore);
  }

  @Test
  void manyBlankNodesOrStatementsAreRefusedBeforeCanonicalization() throws Exception {
    JsonNode real = publicCredential(issue("VB-MANY", CredentialSource.SELF_SUBMISSION));
    ObjectNode blankNodes = JSON.createObjectNode();
    blankNodes.set("@context", real.path("@context"));
    ArrayNode chain = blankNodes.putArray("@graph");
    for (int node = 0; node < 200; node++) {
      chain.addObject().put("@id", "_:n" + node).putObject("https://attacker.example/next").put("@id", "_:n" + (node + 1));
    }
    blankNodes.set("proof", real.path("proof"));
    HttpResponse<String> refused = verify(blankNodes.toString());
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("rule").asText()).isEqualTo("verifier-blank-nodes");

    ObjectNode statements = JSON.createObjectNode();
    statements.set("@context", real.path("@context"));
    ObjectNode node = statements.putObject("@graph").put("@id", "https://attacker.example/node");
    ArrayNode values = node.putArray("https://attacker.example/value");
    for (int value = 0; value < 5000; value++) {
      values.add("v" + value);
    }
    statements.set("proof", real.path("proof"));
    HttpResponse<String> tooMany = verify(statements.toString());
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(tooMany.body()).path("rule").asText()).isEqualTo("verifier-quads");
  }

  @Test
  void jsonNestedAThousandDeepIsRefusedNamingTheDepthNotAServerError() throws Exception {
    String deep = "{\"a\":".repeat(999) + "1" + "}".repeat(999);
    HttpResponse<String> refused = verify(deep);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("rule").asText()).isEqualTo("verifier-nesting-depth");

    String deepArrays = "[".repeat(999) + "]".repeat(999);
    HttpResponse<String> arrays = verify("{\"proof\":" + deepArrays + "}");
    assertThat(arrays.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(arrays.body()).path("rule").asText()).isEqualTo("verifier-nesting-depth");
  }

  @Test
  void aBodyPastTheSizeLimitIsRefusedUnread() throws Exception {
    String huge = "{\"padding\":\"" + "x".repeat(300 * 1024) + "\"}";
    HttpResponse<String> refused = verify(huge);
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.path("rule").asText()).isEqualTo("verifier-document-size");
    assertThat(refused.body()).doesNotContain("Exception", "at org.");

    HttpResponse<String> broken = verify("{\"proof\": [");
    assertThat(broken.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(broken.body()).path("rule").asText()).isEqualTo("credential-format");
    assertThat(broken.body()).as("the parser's own words name its classes").doesNotContain("Exception", "Feature", "`");
  }

  @Test
  void realCredentialsOfEverySourceStillVerify() throws Exception {
    for (CredentialSource source : CredentialSource.values()) {
      JsonNode real = publicCredential(issue("VB-REAL-" + source, source));
      HttpResponse<String> answer = verify(real.toString());
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(answer.body()).path("verified").asBoolean()).as(source + ": " + answer.body()).isTrue();
    }
  }

  private String issue(String sourceKey, CredentialSource source) {
    return register.issue(new CredentialRegister.Issue(sourceKey, "alice", "iLAN", 3, 9, source, "carol",
        List.of("dave"), 1, "Problem: our build took 40 minutes.\nActions: parallelised the suites.\n"
            + "Results: Build time fell to 9 minutes.", 8)).id();
  }

  /** What anyone reads from the credential's public page. */
  private JsonNode publicCredential(String id) throws IOException, InterruptedException {
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/credentials/" + id + "/credential.json")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private HttpResponse<String> verify(String body) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/credentials/verify"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int credentialCount() {
    return jdbc.sql("select count(*) from credential").query(Integer.class).single();
  }
}

package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 12, finding 4: wrong passwords, sent by someone without an account, no longer lock anyone
 * out for good, the administrator included. The throttle's delay is shortened to one second here
 * (the shipped setting is 3 s doubling to 60 s) so that twelve counted failures fit in a test; the
 * number of attempts is the shipped one: unbounded.
 */
@ApplicationTest
@TestPropertySource(properties = {
    "camunda.bpm.generic-properties.properties.login-max-attempts=2147483647",
    "camunda.bpm.generic-properties.properties.login-delay-base=1",
    "camunda.bpm.generic-properties.properties.login-delay-factor=1",
    "camunda.bpm.generic-properties.properties.login-delay-max-time=1",
})
class AccountLockoutAttackIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired Environment environment;

  @Test
  void wrongPasswordsNeverLockTheAdministratorOut() throws Exception {
    assertThat(environment.getProperty("camunda.bpm.generic-properties.properties.login-max-attempts"))
        .isEqualTo("2147483647");
    for (int attempt = 0; attempt < 12; attempt++) {
      assertThat(status("demo", "wrong-" + attempt)).isEqualTo(401);
      Thread.sleep(1_200); // past the throttle, so that every failure counts
    }
    Thread.sleep(1_200);
    assertThat(status("demo", "demo")).as("the administrator logs in after twelve wrong passwords").isEqualTo(200);
  }

  @Test
  void guessingStaysThrottled() throws Exception {
    assertThat(status("frank", "wrong")).isEqualTo(401);
    // Within the delay even the right password is refused: guesses cannot be fired in bulk.
    assertThat(status("frank", "frank")).isEqualTo(401);
    Thread.sleep(1_200);
    assertThat(status("frank", "frank")).isEqualTo(200);
  }

  int status(String user, String password) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/process-definition/count"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}

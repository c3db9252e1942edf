package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Wrong passwords cannot be turned against the person they are aimed at. The attack: one address sends a
 * wrong password for the administrator {@code demo} once a second; with the engine's throttle per account,
 * the right password was refused to everyone meanwhile (0 of 16 REST calls and 0 of 16 Cockpit logins in
 * 80 s). Now the throttle counts per client address and account: the attacking address waits (429 with
 * Retry-After, its guesses not even checked), the administrator at another address logs in every time, over
 * REST and through the webapps' login form.
 *
 * <p>Two client addresses from one test: the test's own 127.0.0.1 is configured as a trusted proxy, so that
 * {@code X-Forwarded-For} names the client. From a peer that is not trusted the header is ignored: a spoofed
 * address spreads nothing and charges nobody else.
 */
@ApplicationTest
@TestPropertySource(properties = {
    "microcredentials.security.trusted-proxies=127.0.0.1",
    "microcredentials.security.login-delay-base=1s",
    "microcredentials.security.login-delay-factor=2",
    "microcredentials.security.login-delay-max=30s",
    "microcredentials.security.address-allowance=5",
})
class AccountLockoutAttackIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String ATTACKER = "203.0.113.66";
  static final String ADMINISTRATOR = "198.51.100.7";

  @LocalServerPort int port;

  @Test
  void wrongPasswordsOnceASecondFromOneAddressNeverKeepTheAdministratorOut() throws Exception {
    List<Integer> attacker = new ArrayList<>();
    List<Integer> attackerAtTheLoginForm = new ArrayList<>();
    List<String> administrator = new ArrayList<>();
    long start = System.nanoTime();
    for (int second = 0; second < 16; second++) {
      attacker.add(rest("demo", "guess-" + second, ATTACKER).statusCode());
      attackerAtTheLoginForm.add(webappLogin("demo", "guess-w" + second, ATTACKER).statusCode());
      int overRest = rest("demo", "demo", ADMINISTRATOR).statusCode();
      int inCockpit = webappLogin("demo", "demo", ADMINISTRATOR).statusCode();
      administrator.add(overRest + "/" + inCockpit);
      long next = start + (second + 1) * 1_000_000_000L;
      Thread.sleep(Math.max(0, (next - System.nanoTime()) / 1_000_000));
    }
    System.out.printf("AccountLockoutAttackIT: attacker REST %s, attacker login form %s, administrator %s%n",
        attacker, attackerAtTheLoginForm, administrator);
    assertThat(administrator).as("the administrator, REST/webapp login, each second").containsOnly("200/200");
    assertThat(attacker).doesNotContain(200).contains(401, 429);
    assertThat(attackerAtTheLoginForm).doesNotContain(200).contains(401, 429);
    assertThat(attacker.stream().filter(status -> status == 401).count())
        .as("passwords actually tried by the attacker in 16 s").isLessThanOrEqualTo(6);

    // Right after a guess that was actually tried, the attacker waits again, and even the right password is
    // refused there meanwhile: a guess that happens to be right is not confirmed. (A guess sent during the current
    // wait is not tried: then the next one, once the wait has run out, is.)
    HttpResponse<String> guess = rest("demo", "another-guess", ATTACKER);
    if (guess.statusCode() == 429) {
      Thread.sleep(Long.parseLong(guess.headers().firstValue("Retry-After").orElseThrow()) * 1000 + 200);
      guess = rest("demo", "yet-another-guess", ATTACKER);
    }
    assertThat(guess.statusCode()).as("a guess tried once the wait ran out").isEqualTo(401);
    HttpResponse<String> throttled = rest("demo", "demo", ATTACKER);
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    assertThat(throttled.body()).contains("login-throttle");
  }

  @Test
  void anAddressTryingManyAccountsWaitsForEveryAccount() throws Exception {
    String sprayer = "203.0.113.99";
    for (String account : List.of("nobody1", "nobody2", "nobody3", "nobody4", "nobody5", "nobody6")) {
      assertThat(rest(account, "Winter2026!", sprayer).statusCode()).isEqualTo(401);
    }
    assertThat(rest("carol", "Winter2026!", sprayer).statusCode()).as("a seventh account").isEqualTo(429);
    assertThat(rest("carol", "carol", "198.51.100.8").statusCode()).as("carol at her own address").isEqualTo(200);
  }

  @Test
  void aSpoofedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    Optional<String> ownAddress = nonLoopbackAddress();
    assumeTrue(ownAddress.isPresent(), "a non-loopback IPv4 address of this machine, to be an untrusted peer");
    String untrusted = "http://" + ownAddress.get() + ":" + port;
    assertThat(send(untrusted, "frank", "wrong", "192.0.2.1").statusCode()).isEqualTo(401);
    // Another invented client address changes nothing: the peer itself is the client, and it must wait.
    assertThat(send(untrusted, "frank", "frank", "192.0.2.2").statusCode()).isEqualTo(429);
    assertThat(send(untrusted, "frank", "frank", null).statusCode()).isEqualTo(429);
    // frank himself, at another address, is not slowed.
    assertThat(rest("frank", "frank", "198.51.100.9").statusCode()).isEqualTo(200);
  }

  HttpResponse<String> rest(String user, String password, String clientAddress) throws Exception {
    return send("http://localhost:" + port, user, password, clientAddress);
  }

  static HttpResponse<String> send(String base, String user, String password, String clientAddress) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/engine-rest/process-definition/count"))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .GET();
    if (clientAddress != null) {
      request.header("X-Forwarded-For", clientAddress);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** What Cockpit's login page does: fetch a page for the CSRF token and session, then post the login form. */
  HttpResponse<String> webappLogin(String user, String password, String clientAddress) throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/camunda/app/cockpit/default/"))
        .header("X-Forwarded-For", clientAddress).GET().build(), HttpResponse.BodyHandlers.ofString());
    Map<String, String> cookies = new LinkedHashMap<>();
    for (String setCookie : page.headers().allValues("Set-Cookie")) {
      String[] nameValue = setCookie.split(";", 2)[0].split("=", 2);
      cookies.put(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
    }
    String token = page.headers().firstValue("X-XSRF-TOKEN").orElse(cookies.get("XSRF-TOKEN"));
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/cockpit"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", String.join("; ", cookies.entrySet().stream().map(c -> c.getKey() + "=" + c.getValue()).toList()))
        .header("X-XSRF-TOKEN", token)
        .header("X-Forwarded-For", clientAddress)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static Optional<String> nonLoopbackAddress() throws Exception {
    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!network.isUp() || network.isLoopback()) {
        continue;
      }
      for (InetAddress address : Collections.list(network.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          return Optional.of(address.getHostAddress());
        }
      }
    }
    return Optional.empty();
  }
}

package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The firewall in front of every surface refuses a URL that is not in its normal form with a 400 and a small
 * problem detail, never a stack trace: matrix parameters (the spellings that once reached an engine REST
 * operation past a rule written for its plain path), encoded slashes, dots and backslashes, {@code ..}
 * segments, a backslash and a null byte. Sent over a plain socket, exactly as written: an HTTP client library
 * would normalise some of them first.
 */
@ApplicationTest
class MalformedUrlsIT {

  @LocalServerPort int port;

  @Test
  void everyMalformedSpellingIsRefusedAt400WithAProblem() throws IOException {
    List<String> spellings = List.of(
        "/engine-rest/task;x=1/count",
        "/engine-rest/task/abc/variables;x=1/reviewerCount",
        "/api/skills;jsessionid=1",
        "/camunda/api/engine/engine/default/task;x=1",
        // On the segment a servlet is mapped to: Spring's parsing of the path, before the chains, once failed (500).
        "/engine-rest;x=1/task/count",
        "/engine-rest;/engine",
        "/camunda/api;x=1/engine/engine/default/task",
        "/engine-rest/deployment%2Fcreate",
        "/engine-rest/task/%2e%2e/count",
        "/engine-rest/process-definition/../task/count",
        "/api/issuer/../skills",
        "/engine-rest/task%5Ccount",
        "/api/issuer%00",
        "/api/issuer%25",
        "/credentials/x;y=1");
    for (String spelling : spellings) {
      String answer = get(spelling);
      assertThat(answer).as(spelling).startsWith("HTTP/1.1 400");
      assertThat(answer).as(spelling).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Tomcat");
      assertThat(answer).as(spelling).containsIgnoringCase("Content-Type: application/problem+json")
          .contains("\"rule\":\"well-formed-url\"");
    }
    // A raw backslash: refused as well, wherever it is refused first.
    String backslash = get("/engine-rest\\task/count");
    assertThat(backslash).startsWith("HTTP/1.1 400").doesNotContain("Exception").doesNotContain("\tat ");

    // The normal spellings pass the firewall (and meet the login where they need one).
    assertThat(get("/engine-rest/task/count")).startsWith("HTTP/1.1 401");
    assertThat(get("/api/issuer")).startsWith("HTTP/1.1 200");
    assertThat(get("/camunda/app/tasklist/default/")).startsWith("HTTP/1.1 200");
  }

  private String get(String rawPath) throws IOException {
    try (Socket socket = new Socket("localhost", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAccept: */*\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

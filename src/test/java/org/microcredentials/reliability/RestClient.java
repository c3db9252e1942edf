package org.microcredentials.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * HTTP calls to an application in another process, as the demo people (password = user id). An
 * application that is not there (killed, restarting) is an answer too: status 0, never an exception.
 */
final class RestClient {

  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer; {@code status} 0 when no answer came (connection refused or cut). */
  record Answer(int status, String contentType, JsonNode body, long micros) {

    boolean ok() {
      return status >= 200 && status < 300;
    }

    boolean unanswered() {
      return status == 0;
    }

    String rule() {
      return body.path("rule").asText("");
    }
  }

  private final String baseUrl;
  private final HttpClient http;

  RestClient(String baseUrl) {
    this.baseUrl = baseUrl;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  Answer get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  Answer post(String user, String path, Object body) {
    try {
      return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private Answer send(String user, HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(60));
    if (user != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
    long begin = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body;
      try {
        body = response.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(response.body());
      } catch (IOException notJson) {
        body = JSON.getNodeFactory().textNode(response.body());
      }
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body,
          (System.nanoTime() - begin) / 1000);
    } catch (IOException e) {
      return new Answer(0, "", MissingNode.getInstance(), (System.nanoTime() - begin) / 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(0, "", MissingNode.getInstance(), (System.nanoTime() - begin) / 1000);
    }
  }
}

package org.microcredentials.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Requests as an attacker sends them: the JDK's HTTP client, which sends the path as written (no
 * normalisation of matrix parameters, encodings or slashes, as a template-expanding client would do),
 * as a demo person with HTTP Basic (password = user id) or with Tasklist's session.
 */
public final class RawHttp {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  public URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  /** A JSON request (no body when {@code body} is null), as {@code user} or anonymously when {@code user} is null. */
  public HttpResponse<String> send(String user, String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
    if (user != null) {
      request.header("Authorization", basic(user));
    }
    request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A JSON request with Tasklist's session cookie and CSRF token. */
  public HttpResponse<String> sendWithSession(TasklistSession session, String method, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    session.headers(true).forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code Authorization} header of a demo person. */
  public static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  /** Any request, built by the caller, sent as it is. */
  public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}

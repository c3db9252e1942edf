package org.microcredentials.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What escapes the APIs' own exception handling, above all the authentication, which reads Camunda's users
 * from the database before any JAX-RS mapper or Spring handler runs: during a database outage every request
 * would otherwise end as Spring's 500 error page. Answers it as {@link TransientFailures} does (503 problem
 * detail); anything else passes on unchanged. The first filter of each of the web layer's chains
 * ({@code security/WebSecurity}), so that it sees what every later filter throws.
 */
public final class TransientFailureFilter extends OncePerRequestFilter {

  private final ObjectMapper json;

  public TransientFailureFilter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException | IOException thrown) {
      Optional<TransientFailures.Problem> problem = TransientFailures.of(thrown);
      if (problem.isEmpty() || response.isCommitted()) {
        throw thrown;
      }
      response.resetBuffer();
      response.setStatus(problem.get().status());
      response.setContentType(TransientFailures.CONTENT_TYPE);
      if (problem.get().status() == 503) {
        response.setHeader("Retry-After", String.valueOf(TransientFailures.RETRY_AFTER_SECONDS));
      }
      json.writeValue(response.getOutputStream(), problem.get().body());
    }
  }
}

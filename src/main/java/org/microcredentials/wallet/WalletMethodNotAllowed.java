package org.microcredentials.wallet;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A method the Open Badges 3.0 API does not serve on one of its resources (PUT on the credentials, GET
 * on the token endpoint) is answered as its other errors are: {@code Imsx_StatusInfo}, code minor
 * {@code not_allowed}, with {@code Allow}. Spring refuses such a request before any controller is
 * chosen, so {@link WalletErrors} never sees it; this resolver runs first and leaves every other path
 * to Spring's own answer.
 */
@Component
class WalletMethodNotAllowed implements HandlerExceptionResolver, Ordered {

  private final WalletErrors errors;
  private final ObjectMapper json;

  WalletMethodNotAllowed(WalletErrors errors, ObjectMapper json) {
    this.errors = errors;
    this.json = json;
  }

  @Override
  public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
      Exception exception) {
    if (!(exception instanceof HttpRequestMethodNotSupportedException notSupported)
        || !request.getRequestURI().startsWith(request.getContextPath() + WalletApi.BASE + "/")) {
      return null;
    }
    Set<HttpMethod> allowed = notSupported.getSupportedHttpMethods();
    ResponseEntity<Map<String, Object>> answer = errors.imsx(new ImsxError(405, "not_allowed",
        request.getMethod() + " is not served here" + (allowed == null || allowed.isEmpty() ? "."
            : "; " + String.join(", ", allowed.stream().map(HttpMethod::name).sorted().toList()) + " is.")));
    try {
      response.setStatus(405);
      answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
      if (allowed != null && !allowed.isEmpty()) {
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed.stream().map(HttpMethod::name).sorted().toList()));
      }
      response.setContentType(MediaType.APPLICATION_JSON_VALUE);
      json.writeValue(response.getOutputStream(), answer.getBody());
    } catch (IOException clientGone) {
      return null;
    }
    return new ModelAndView();
  }

  /** Before Spring MVC's own resolvers (order 0), after Spring Boot's error attributes. */
  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE + 1;
  }
}

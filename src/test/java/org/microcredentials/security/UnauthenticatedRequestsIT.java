package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.microcredentials.process.EngineRestConfiguration;
import org.microcredentials.testing.ApplicationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every REST path of the application, found by reflection rather than listed by hand, answers 401
 * without credentials: each operation of Camunda's {@code /engine-rest} (the resources of our
 * Jersey configuration and their sub-resources), each {@code /api} mapping of Spring MVC, and
 * Tasklist's and Cockpit's engine APIs without a session. Only the public credential verification
 * answers.
 */
@ApplicationTest
class UnauthenticatedRequestsIT {

  /**
   * The public verification of a credential and what wallets and verifiers dereference
   * (a key by its URL, an endorser's controller document, the baked badge and signed JSON; a Multikey and a
   * status list answer only for a multibase key or a list number, so "x" meets the login): the only calls
   * without an account.
   */
  static final Set<String> PUBLIC = Set.of("POST /api/credentials/verify", "GET /api/issuer", "GET /api/issuer/jwks",
      "GET /api/credentials/revocations", "GET /credentials/x", "GET /api/issuer/jwks/x", "GET /api/issuer/endorsers/x",
      "GET /credentials/x/badge.svg", "GET /credentials/x/credential.json");

  @Autowired TestRestTemplate rest;
  @Autowired ApplicationContext context;
  @Autowired EngineRestConfiguration engineRest;
  @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mvc;

  record Call(HttpMethod method, String path) {
    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  @Test
  void everyEngineRestOperationNeedsCredentials() {
    Set<Call> calls = new LinkedHashSet<>();
    for (Class<?> resource : engineRest.getClasses()) {
      String root = pathOf(resource);
      if (root != null) {
        collect(resource, "/engine-rest" + root, calls, 0);
      }
    }
    assertThat(calls).as("engine-rest operations found").hasSizeGreaterThan(300);
    List<String> answered = new ArrayList<>();
    for (Call call : calls) {
      int status = send(call, "/engine-rest");
      // Camunda's filter lets the list of engine names through (names only, no data).
      if (call.toString().equals("GET /engine-rest/engine")) {
        assertThat(status).isEqualTo(200);
      } else if (status != 401) {
        answered.add(call + " -> " + status);
      }
    }
    assertThat(answered).as("engine-rest operations answered without credentials").isEmpty();
    System.out.printf("UnauthenticatedRequestsIT: %d /engine-rest operations, each 401 without credentials%n", calls.size());
  }

  @Test
  void everyApiMappingNeedsCredentialsExceptTheVerification() {
    List<Call> calls = mvc.getHandlerMethods().keySet().stream()
        .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> methods(info.getMethodsCondition()
            .getMethods().stream().map(Enum::name).toList()).map(method -> new Call(method, concrete(pattern)))))
        .filter(call -> call.path().startsWith("/api") || call.path().startsWith("/credentials"))
        .distinct().toList();
    assertThat(calls).as("our own REST mappings").hasSizeGreaterThan(15);
    System.out.printf("UnauthenticatedRequestsIT: %d /api calls%n", calls.size());
    for (Call call : calls) {
      int status = send(call, "/api");
      if (PUBLIC.contains(call.toString())) {
        assertThat(status).as(call.toString()).isNotEqualTo(401);
      } else {
        assertThat(status).as(call.toString()).isEqualTo(401);
      }
    }
  }

  /** Spring Security's generated user with a password in the log does not exist: Camunda's users are the only ones. */
  @Test
  void thereIsNoDefaultUser() {
    assertThat(context.getBeanNamesForType(UserDetailsService.class)).isEmpty();
    assertThat(rest.withBasicAuth("user", "user").getForEntity("/engine-rest/task/count", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }

  @Test
  void theWebappApisNeedASession() {
    for (String path : List.of("/camunda/api/engine/engine/default/task", "/camunda/api/engine/engine/default/process-instance",
        "/camunda/api/engine/engine/default/history/variable-instance", "/camunda/api/engine/engine/default/user",
        "/camunda/api/cockpit/plugin/base/default/process-definition/statistics",
        "/camunda/api/admin/auth/user/default")) {
      int status = rest.getForEntity(path, String.class).getStatusCode().value();
      assertThat(status).as("GET " + path).isIn(401, 403, 404);
      assertThat(status).as("GET " + path).isNotEqualTo(200);
    }
  }

  private int send(Call call, String area) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    HttpEntity<String> body = call.method() == HttpMethod.GET || call.method() == HttpMethod.DELETE
        ? new HttpEntity<>(headers) : new HttpEntity<>("{}", headers);
    return rest.exchange(call.path(), call.method(), body, String.class).getStatusCode().value();
  }

  private static Stream<HttpMethod> methods(List<String> declared) {
    return (declared.isEmpty() ? List.of("GET", "POST") : declared).stream().map(HttpMethod::valueOf);
  }

  /** Walks a JAX-RS resource: its operations, and the sub-resources its locators return. */
  private static void collect(Class<?> resource, String base, Set<Call> calls, int depth) {
    for (Method method : methodsOf(resource)) {
      String path = pathOf(method);
      String full = concrete(path == null ? base : base + (path.startsWith("/") ? path : "/" + path));
      HttpMethod http = httpMethod(method);
      if (http != null) {
        calls.add(new Call(http, full));
      } else if (path != null && depth < 3 && !method.getReturnType().equals(Object.class)) {
        collect(method.getReturnType(), full, calls, depth + 1);
      }
    }
  }

  private static List<Method> methodsOf(Class<?> type) {
    List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
    for (Class<?> contract : type.getInterfaces()) {
      methods.addAll(List.of(contract.getMethods()));
    }
    return methods;
  }

  private static HttpMethod httpMethod(Method method) {
    return has(method, GET.class) ? HttpMethod.GET : has(method, POST.class) ? HttpMethod.POST
        : has(method, PUT.class) ? HttpMethod.PUT : has(method, DELETE.class) ? HttpMethod.DELETE : null;
  }

  private static boolean has(AnnotatedElement element, Class<? extends java.lang.annotation.Annotation> annotation) {
    return element.isAnnotationPresent(annotation);
  }

  private static String pathOf(Class<?> type) {
    if (type.isAnnotationPresent(Path.class)) {
      return type.getAnnotation(Path.class).value();
    }
    for (Class<?> contract : type.getInterfaces()) {
      if (contract.isAnnotationPresent(Path.class)) {
        return contract.getAnnotation(Path.class).value();
      }
    }
    return null;
  }

  private static String pathOf(Method method) {
    return method.isAnnotationPresent(Path.class) ? method.getAnnotation(Path.class).value() : null;
  }

  /** A template made callable: every {@code {variable}} (with or without a regular expression) becomes x. */
  private static String concrete(String template) {
    return template.replace("/engine/{name}", "/engine/default").replaceAll("\\{[^}]*}", "x").replace("//", "/");
  }
}

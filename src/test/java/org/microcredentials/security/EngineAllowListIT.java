package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;
import org.microcredentials.access.EngineAllowList;
import org.microcredentials.process.EngineRestConfiguration;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.TasklistSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every operation of the engine's REST API, enumerated from Jersey's own resource model of the
 * resources {@code /engine-rest} serves (and the sub-resources their locators return), called by every
 * demo person who is not an administrator: refused 403 with rule {@code engine-allow-list} unless
 * {@link EngineAllowList} lists it for that person. An operation a future Camunda release adds is not
 * on the list, so this test shows it refused until someone lists it.
 */
@ApplicationTest
class EngineAllowListIT {

  static final List<String> PEOPLE = List.of("henry", "alice", "bob", "carol", "dave", "erin", "frank", "ivan", "grace");

  @Autowired TestRestTemplate rest;
  @Autowired EngineRestConfiguration engineRest;
  @Autowired IdentityService identity;

  /** An operation as the allow list writes it, and how Jersey's model says it takes its body. */
  record Operation(String method, String template, boolean multipart) {
    String key() {
      return method + " " + template;
    }

    /** A callable path: each template variable becomes x (the engine's name, default). */
    String path() {
      return template.replace("{name}", "default").replace("/process-definition/key/{key}",
          "/process-definition/key/SelfSubmissionProcess").replaceAll("\\{[^}]*}", "x");
    }

    /**
     * Camunda's locator of a definition by key (or key and tenant) looks the definition up before
     * Jersey routes to any operation: with no such definition (no decisions or cases are deployed,
     * no tenants exist) every caller gets its 404 and nothing is reached.
     */
    boolean lookedUpByKeyFirst() {
      return template.contains("/key/{key}") && (!template.startsWith("/process-definition/")
          || template.contains("/tenant-id/"));
    }
  }

  @Test
  void everyEngineRestOperationIsRefusedToEveryoneItIsNotListedFor() throws Exception {
    everyOperationAsEveryone("/engine-rest", "/engine-rest/engine", person -> {
      HttpHeaders headers = new HttpHeaders();
      headers.setBasicAuth(person, person);
      return headers;
    });
  }

  @Test
  void everyOperationOfTasklistsEngineApiIsRefusedToEveryoneItIsNotListedFor() throws Exception {
    everyOperationAsEveryone(TasklistSession.ENGINE_API, "/camunda/api/engine/engine",
        person -> TasklistSession.login(rest, person).headers(true));
  }

  /**
   * Each operation, as each person, under {@code prefix}: refused by the list exactly when the list does
   * not hold it for them. People call at once (three at a time), as they would.
   */
  private void everyOperationAsEveryone(String prefix, String engines, Function<String, HttpHeaders> signIn) throws Exception {
    Map<String, Operation> operations = operations();
    assertThat(operations).as("operations of the engine's REST API").hasSizeGreaterThan(450);
    List<String> wrong = new CopyOnWriteArrayList<>();
    AtomicInteger refused = new AtomicInteger();
    ExecutorService people = Executors.newFixedThreadPool(3);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (String person : callers()) {
        done.add(people.submit(() -> {
          List<String> groups = identity.createGroupQuery().groupMember(person).list().stream().map(Group::getId).toList();
          HttpHeaders headers = signIn.apply(person);
          for (Operation operation : operations.values()) {
            // The list of engines sits above the engine's own resources on the webapps' API.
            String path = "GET /engine".equals(operation.key()) ? engines : prefix + operation.path();
            ResponseEntity<String> answer = send(headers, path, operation);
            boolean refusedByTheList = answer.getStatusCode().value() == 403 && answer.getBody() != null
                && answer.getBody().contains("\"rule\":\"engine-allow-list\"");
            boolean listed = EngineAllowList.allows(operation.key(), groups);
            if (!listed && !refusedByTheList && operation.lookedUpByKeyFirst() && answer.getStatusCode().value() == 404) {
              continue;
            }
            if (listed == refusedByTheList) {
              wrong.add(person + " " + operation.key() + (listed ? " is listed but was refused: "
                  : " is not listed but answered ") + answer.getStatusCode().value() + " " + abbreviated(answer.getBody()));
            }
            refused.addAndGet(refusedByTheList ? 1 : 0);
          }
          return null;
        }));
      }
      for (Future<?> person : done) {
        person.get();
      }
    } finally {
      people.shutdown();
    }
    assertThat(wrong).as("operations answered against the allow list under " + prefix).isEmpty();
    System.out.printf("EngineAllowListIT: %s: %d operations x %d people, %d calls refused by the allow list%n",
        prefix, operations.size(), callers().size(), refused.get());
  }

  /** Who calls every operation: every demo person who is not an administrator. */
  List<String> callers() {
    return PEOPLE;
  }

  @Test
  void theSameOperationUnderTheEnginesNameIsTheSameOperation() {
    Operation bpmnError = new Operation("POST", "/engine/{name}/task/{id}/bpmnError", false);
    ResponseEntity<String> answer = send("carol", "/engine-rest" + bpmnError.path(), bpmnError);
    assertThat(answer.getStatusCode().value()).isEqualTo(403);
    assertThat(answer.getBody()).contains("engine-allow-list").contains("POST /task/{id}/bpmnError");
  }

  @Test
  void anAdministratorCallsWhatIsNotListed() {
    Operation jobs = new Operation("GET", "/job/count", false);
    assertThat(send("demo", "/engine-rest" + jobs.path(), jobs).getStatusCode().value()).isEqualTo(200);
    assertThat(send("alice", "/engine-rest" + jobs.path(), jobs).getStatusCode().value()).isEqualTo(403);
  }

  /** Every operation of the resources {@code /engine-rest} serves, by Jersey's model, keyed as the allow list keys them. */
  private Map<String, Operation> operations() {
    Map<String, Operation> operations = new TreeMap<>();
    for (Class<?> type : engineRest.getClasses()) {
      Resource resource = Resource.from(type);
      if (resource != null) {
        collect(resource, join("", resource.getPath()), operations, 0);
      }
    }
    return operations;
  }

  /** The operations of a resource at {@code path}: its methods, its child resources', and what its locator returns. */
  private static void collect(Resource resource, String path, Map<String, Operation> operations, int depth) {
    if (normalised(path).startsWith("/engine/{name}")) {
      return; // The same operations again under the engine's name.
    }
    for (ResourceMethod method : resource.getResourceMethods()) {
      boolean multipart = method.getConsumedTypes().stream().anyMatch(type -> "multipart".equals(type.getType()));
      Operation operation = new Operation(method.getHttpMethod(), normalised(path), multipart);
      operations.put(operation.key(), operation);
    }
    ResourceMethod locator = resource.getResourceLocator();
    if (locator != null && depth < 5) {
      Class<?> returned = locator.getInvocable().getRawResponseType();
      if (returned != null && returned != Object.class) {
        // A sub-resource's own @Path is not part of its address: Jersey ignores it behind a locator.
        collect(Resource.builder(returned).build(), path, operations, depth + 1);
      }
    }
    for (Resource child : resource.getChildResources()) {
      collect(child, join(path, child.getPath()), operations, depth);
    }
  }

  private static String join(String base, String path) {
    if (path == null || path.isEmpty()) {
      return base;
    }
    return base + (path.startsWith("/") ? path : "/" + path);
  }

  private static String normalised(String template) {
    String plain = template.replaceAll("\\{\\s*([\\w-]+)\\s*:[^}]*}", "{$1}").replaceAll("/{2,}", "/");
    return plain.length() > 1 && plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
  }

  private ResponseEntity<String> send(String person, String path, Operation operation) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(person, person);
    return send(headers, path, operation);
  }

  private ResponseEntity<String> send(HttpHeaders signedIn, String path, Operation operation) {
    HttpHeaders headers = new HttpHeaders();
    signedIn.forEach((name, values) -> {
      if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
        headers.addAll(name, values);
      }
    });
    HttpMethod method = HttpMethod.valueOf(operation.method());
    HttpEntity<?> body;
    if (method == HttpMethod.GET || method == HttpMethod.OPTIONS) {
      body = new HttpEntity<>(headers);
    } else if (operation.multipart()) {
      headers.setContentType(MediaType.MULTIPART_FORM_DATA);
      LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
      parts.add("deployment-name", "allow-list-probe");
      body = new HttpEntity<>(parts, headers);
    } else {
      headers.setContentType(MediaType.APPLICATION_JSON);
      body = new HttpEntity<>("{}", headers);
    }
    return rest.exchange(path, method, body, String.class);
  }

  private static String abbreviated(String body) {
    return body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
  }
}

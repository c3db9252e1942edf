package org.microcredentials.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The calls Tasklist and REST clients make, as a demo user with HTTP Basic (password = user id), or with the
 * {@code Authorization} a client of an identity provider sends (a bearer token): task lists by business key, claim,
 * submit-form, and plain JSON GET and POST.
 */
public class RestCalls {

  public static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
  };
  public static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
  };

  private final TestRestTemplate rest;
  /** The Authorization header a user's calls carry; null: HTTP Basic with the user id as password. */
  private final Function<String, String> authorizationOf;

  public RestCalls(TestRestTemplate rest) {
    this(rest, null);
  }

  public RestCalls(TestRestTemplate rest, Function<String, String> authorizationOf) {
    this.rest = rest;
    this.authorizationOf = authorizationOf;
  }

  /** A String variable as the REST API takes it. */
  public static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  /** Variables as the REST API takes them, typed from their Java values (Integer, Boolean, else String). */
  public static Map<String, Object> variables(Map<String, Object> values) {
    Map<String, Object> typed = new java.util.LinkedHashMap<>();
    values.forEach((name, value) -> typed.put(name, Map.of("value", value,
        "type", value instanceof Integer ? "Integer" : value instanceof Boolean ? "Boolean" : "String")));
    return typed;
  }

  /** A self-submission's start as its start form sends it: the skill, the level, an impact statement. */
  public static Map<String, Object> selfSubmissionStart(String skillCode, int level) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("skillCode", string(skillCode));
    variables.put("skillLevel", Map.of("value", level, "type", "Integer"));
    variables.put("impactProblem", string("Releases were blocked by a 40 minute build."));
    variables.put("impactActions", string("Parallelised the suites, cached dependencies."));
    variables.put("impactResults", string("Build takes 9 minutes; daily releases."));
    variables.put("reviewedWithLineManager", Map.of("value", true, "type", "Boolean"));
    return Map.of("variables", variables);
  }

  /** The assessor scores the application's evidence, asking for nothing more. */
  public void assess(String assessor, String businessKey, int score) {
    Map<String, Object> assessment = singleTask(assessor, businessKey, "Task_AssessEvidence");
    assertThat(submit(assessor, assessment, Map.of(
        "moreEvidenceRequested", Map.of("value", false, "type", "Boolean"),
        "score", Map.of("value", score, "type", "Long"),
        "justification", string("Measured, repeatable impact on the whole team.")))
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** A peer reviewer takes the review and agrees with the score. */
  public void agree(String reviewer, String businessKey) {
    claimAndSubmit(reviewer, singleTask(reviewer, businessKey, "Task_PeerReview"), Map.of(
        "reviewAgrees", Map.of("value", true, "type", "Boolean"),
        "reviewComment", string("Agreed.")));
  }

  public List<Map<String, Object>> tasksOf(String user, String businessKey) {
    return get(user, "/engine-rest/task?processInstanceBusinessKey=" + businessKey, LIST).getBody();
  }

  public Map<String, Object> singleTask(String user, String businessKey, String taskKey) {
    List<Map<String, Object>> tasks = get(user,
        "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey=" + taskKey, LIST).getBody();
    assertThat(tasks).hasSize(1);
    return tasks.get(0);
  }

  public void claimAndSubmit(String user, Map<String, Object> task, Map<String, Object> variables) {
    assertThat(post(user, "/engine-rest/task/" + task.get("id") + "/claim", Map.of("userId", user)).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(submit(user, task, variables).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  public ResponseEntity<Map<String, Object>> submit(String user, Map<String, Object> task, Map<String, Object> variables) {
    return post(user, "/engine-rest/task/" + task.get("id") + "/submit-form", Map.of("variables", variables));
  }

  public ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
    HttpHeaders headers = signedIn(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
  }

  public <T> ResponseEntity<T> get(String user, String path, ParameterizedTypeReference<T> type) {
    return rest.exchange(path, HttpMethod.GET, new HttpEntity<>(signedIn(user)), type);
  }

  private HttpHeaders signedIn(String user) {
    HttpHeaders headers = new HttpHeaders();
    if (authorizationOf == null) {
      headers.setBasicAuth(user, user);
    } else {
      headers.set(HttpHeaders.AUTHORIZATION, authorizationOf.apply(user));
    }
    return headers;
  }
}

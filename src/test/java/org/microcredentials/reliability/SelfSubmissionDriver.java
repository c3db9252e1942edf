package org.microcredentials.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One self-submission driven through {@code /engine-rest} as its people would, from another
 * process. It reads where the application stands before each action (which task is open, and whose),
 * so an action whose answer was lost in a crash is neither lost track of nor done twice by it. Every
 * action answered 2xx is recorded: after a crash, each must still be there.
 *
 * <p>{@link Plan#PASS}: assessed 9, reviewed, issued. {@link Plan#RESUBMIT}: assessed 6, the candidate
 * resubmits, re-assessed 9, issued. {@link Plan#LET_GO}: assessed 6, the candidate lets it go.
 */
final class SelfSubmissionDriver implements DrivenFlow {

  enum Plan { PASS, RESUBMIT, LET_GO }

  /** An action the application answered 2xx. {@code taskId} is null for a start. */
  record Acknowledged(String businessKey, String action, String taskId, String user) {
  }

  /** Every call made: its name (e.g. {@code submit Task_PeerReview}), its answer's status and time. */
  interface CallLog {
    void record(String call, RestClient.Answer answer);
  }

  private static final List<String> SENIORS = List.of("carol", "dave", "erin", "frank", "ivan", "grace");

  private final RestClient client;
  private final CallLog calls;
  private final List<Acknowledged> acknowledged;
  private final String candidate;
  private final String skill;
  private final int level;
  private final Plan plan;
  private final String semMember;
  private final String assessor;
  private final List<String> reviewers;
  private String businessKey;
  /** The last call not answered 2xx, for a failure message: a flow that hangs may be refused again and again. */
  private String lastRefusal;
  /** Per task, the people a rule refused it to. */
  private final Map<String, Set<String>> refusedClaims = new HashMap<>();
  private boolean startUnanswered;
  private boolean resubmitted;
  private volatile boolean ended;

  SelfSubmissionDriver(RestClient client, CallLog calls, List<Acknowledged> acknowledged, String candidate,
      String skill, int level, Plan plan, int variant) {
    this.client = client;
    this.calls = calls;
    this.acknowledged = acknowledged;
    this.candidate = candidate;
    this.skill = skill;
    this.level = level;
    this.plan = plan;
    this.semMember = candidate.equals("erin") ? "ivan" : candidate.equals("ivan") ? "erin" : variant % 2 == 0 ? "erin" : "ivan";
    // Level 4 and below: carol and dave (level 4) may assess; level 5: frank and grace, else a SEM member (not
    // the one who assigns). Level 6 only grace: not driven.
    List<String> assessors = (level <= 4 ? List.of("carol", "dave") : List.of("frank", "grace", "erin", "ivan")).stream()
        .filter(person -> !person.equals(candidate) && !person.equals(semMember)).toList();
    this.assessor = assessors.get(variant % assessors.size());
    List<String> others = SENIORS.stream().filter(person -> !person.equals(candidate) && !person.equals(assessor))
        .toList();
    this.reviewers = List.of(others.get(variant % others.size()), others.get((variant + 1) % others.size()));
  }

  @Override
  public String businessKey() {
    return businessKey;
  }

  @Override
  public boolean ended() {
    return ended;
  }

  @Override
  public String lastRefusal() {
    return lastRefusal;
  }

  @Override
  public String describe() {
    return candidate + " " + skill + ":" + level + " " + plan + (businessKey == null ? "" : " " + businessKey);
  }

  @Override
  public boolean step() {
    if (businessKey == null) {
      start();
      return false;
    }
    RestClient.Answer tasks = call("list tasks", client.get("demo", "/engine-rest/task?processInstanceBusinessKey=" + businessKey));
    if (!tasks.ok()) {
      return false;
    }
    if (tasks.body().isEmpty()) {
      RestClient.Answer running = call("count running", client.get("demo",
          "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + businessKey + "&unfinished=true"));
      // Nothing open and nothing running: ended. Else jobs (mail, join, issuing) are still to run.
      ended = running.ok() && running.body().path("count").asLong(-1) == 0;
      return ended;
    }
    for (JsonNode task : tasks.body()) {
      act(task);
    }
    return false;
  }

  private void start() {
    if (startUnanswered && findStarted()) {
      return;
    }
    RestClient.Answer started = call("start", client.post(candidate,
        "/engine-rest/process-definition/key/SelfSubmissionProcess/start", Map.of("variables", startVariables())));
    if (started.ok()) {
      businessKey = started.body().path("businessKey").asText();
      acknowledged.add(new Acknowledged(businessKey, "start", null, candidate));
    } else if (started.unanswered() || started.status() >= 500 || "one-open-application".equals(started.rule())) {
      // It may have been started, its answer lost: look before starting again.
      startUnanswered = true;
    } else {
      throw new AssertionError("Start of " + describe() + " refused: " + started);
    }
  }

  /** The application a start whose answer was lost may have created. */
  private boolean findStarted() {
    RestClient.Answer found = call("find started", client.get("demo",
        "/engine-rest/history/process-instance?processDefinitionKey=SelfSubmissionProcess&unfinished=true&startedBy="
            + candidate + "&variables=skillCode_eq_" + skill));
    if (!found.ok()) {
      return true; // not answered now: look again next step
    }
    if (found.body().isEmpty()) {
      startUnanswered = false;
      return false;
    }
    businessKey = found.body().get(0).path("businessKey").asText();
    return true;
  }

  private void act(JsonNode task) {
    String key = task.path("taskDefinitionKey").asText();
    String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
    switch (key) {
      case "Task_AssignAssessor" -> claimAndSubmit(task, assignee, semMember, Map.of("assessorId", string(assessor)));
      case "Task_AssessEvidence" -> submit(task, assessor, assessment(plan == Plan.PASS ? 9 : 6));
      case "Task_ReassessEvidence" -> submit(task, assessor, assessment(9));
      case "Task_PeerReview" -> {
        String reviewer = assignee != null ? assignee : freeReviewer(task);
        if (reviewer != null) {
          claimAndSubmit(task, assignee, reviewer, Map.of("reviewAgrees", bool(true), "reviewComment", string("Agreed.")));
        }
      }
      case "Task_AmendApplication" -> {
        boolean resubmit = plan == Plan.RESUBMIT && !resubmitted;
        Map<String, Object> amendment = new LinkedHashMap<>();
        amendment.put("resubmit", bool(resubmit));
        if (resubmit) {
          amendment.put("amendments", string("Added the measured change of my own module."));
        }
        if (submit(task, candidate, amendment) && resubmit) {
          resubmitted = true;
        }
      }
      default -> throw new AssertionError("Unexpected task " + key + " in " + describe());
    }
  }

  /**
   * Who takes this review: one of the flow's two reviewers, else another senior, who neither holds a
   * review of this application nor was refused this task (one who already reviewed it in this round is
   * refused: a review completed just before would otherwise be chosen again and again). Null: nobody now.
   */
  private String freeReviewer(JsonNode task) {
    Set<String> refused = refusedClaims.getOrDefault(task.path("id").asText(), Set.of());
    List<String> choices = new ArrayList<>(reviewers);
    SENIORS.stream().filter(person -> !person.equals(candidate) && !person.equals(assessor) && !choices.contains(person))
        .forEach(choices::add);
    for (String reviewer : choices) {
      if (!refused.contains(reviewer) && reviewerFree(reviewer)) {
        return reviewer;
      }
    }
    return null;
  }

  /** A reviewer may take only one review of an application: is this one still free to? */
  private boolean reviewerFree(String reviewer) {
    RestClient.Answer held = call("list tasks", client.get("demo", "/engine-rest/task?processInstanceBusinessKey="
        + businessKey + "&taskDefinitionKey=Task_PeerReview&assignee=" + reviewer));
    return !held.ok() || held.body().isEmpty();
  }

  private void claimAndSubmit(JsonNode task, String assignee, String user, Map<String, Object> variables) {
    if (assignee == null) {
      RestClient.Answer claimed = call("claim " + task.path("taskDefinitionKey").asText(),
          client.post(user, "/engine-rest/task/" + task.path("id").asText() + "/claim", Map.of("userId", user)));
      if (!claimed.ok()) {
        if (claimed.status() >= 400 && claimed.status() < 500 && claimed.status() != 409) {
          // A rule refused this person this task (e.g. reviewers-distinct): someone else takes it.
          refusedClaims.computeIfAbsent(task.path("id").asText(), id -> new HashSet<>()).add(user);
        }
        return; // look again next step
      }
      acknowledged.add(new Acknowledged(businessKey, "claim", task.path("id").asText(), user));
      assignee = user;
    }
    submit(task, assignee, variables);
  }

  private boolean submit(JsonNode task, String user, Map<String, Object> variables) {
    RestClient.Answer submitted = call("submit " + task.path("taskDefinitionKey").asText(),
        client.post(user, "/engine-rest/task/" + task.path("id").asText() + "/submit-form", Map.of("variables", variables)));
    if (submitted.ok()) {
      acknowledged.add(new Acknowledged(businessKey, "complete", task.path("id").asText(), user));
    }
    return submitted.ok();
  }

  private RestClient.Answer call(String name, RestClient.Answer answer) {
    calls.record(name, answer);
    if (!answer.ok()) {
      lastRefusal = name + " answered " + (answer.unanswered() ? "nothing" : answer.status() + " " + answer.body());
    }
    return answer;
  }

  private Map<String, Object> startVariables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("skillCode", string(skill));
    variables.put("skillLevel", Map.of("value", level, "type", "Integer"));
    variables.put("impactProblem", string("Releases were blocked by a 40 minute build."));
    variables.put("impactActions", string("Parallelised the suites, cached dependencies."));
    variables.put("impactResults", string("Build takes 9 minutes; daily releases."));
    variables.put("reviewedWithLineManager", bool(true));
    return variables;
  }

  private static Map<String, Object> assessment(int score) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("score", Map.of("value", score, "type", "Integer"));
    variables.put("justification", string("Measured, repeatable impact."));
    if (score < 8) {
      variables.put("improvementAreas", string("Show your own part; goal: one measured change."));
    }
    return variables;
  }

  static Map<String, Object> string(String value) {
    return Map.of("value", value, "type", "String");
  }

  static Map<String, Object> bool(boolean value) {
    return Map.of("value", value, "type", "Boolean");
  }

  /** Candidates and skills that never collide between drivers: each pair belongs to one chain. */
  static List<String[]> pairs(int count) {
    List<String> candidates = List.of("alice", "bob", "henry", "carol", "dave", "frank", "grace", "erin", "ivan");
    List<String> skills = List.of("iLAN", "iPERF", "iOWN", "iTEST", "iARCH", "iSEC", "iOPS", "iDATA", "iDEL", "iCOLL",
        "iCOMM", "iMENT");
    List<String[]> pairs = new ArrayList<>();
    for (int i = 0; pairs.size() < count; i++) {
      pairs.add(new String[] {candidates.get(i % candidates.size()), skills.get((i / candidates.size()) % skills.size())});
    }
    return pairs;
  }
}

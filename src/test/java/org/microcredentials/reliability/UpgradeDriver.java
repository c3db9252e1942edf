package org.microcredentials.reliability;

import static org.microcredentials.reliability.SelfSubmissionDriver.bool;
import static org.microcredentials.reliability.SelfSubmissionDriver.string;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The people of {@link UpgradeCase}s, acting through {@code /engine-rest} of whichever release runs: each
 * starts the work, claims what waits for their group, and submits the form of the step with the case's
 * plan. What they send is what Tasklist sends (the fields of the task's form), the same on every release,
 * so the steps of an earlier model version are finished by the current build as they were begun.
 */
final class UpgradeDriver {

  private static final List<String> SEM_TEAM = List.of("erin", "ivan");
  private static final List<String> SENIORS = List.of("carol", "dave", "frank", "grace", "erin", "ivan");
  private static final List<String> ENDORSEMENT_REVIEWERS = List.of("erin", "frank", "ivan", "grace");
  private static final long STEP_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(3);

  private final RestClient client;
  /** Per task, the people a rule refused it to: someone else takes it. */
  private final Map<String, Set<String>> refused = new HashMap<>();
  private final Map<UpgradeCase, String> lastRefusal = new HashMap<>();

  UpgradeDriver(RestClient client) {
    this.client = client;
  }

  RestClient client() {
    return client;
  }

  /** Starts the case as its starter does; its business key is then known. */
  void start(UpgradeCase work) {
    RestClient.Answer started = switch (work.kind) {
      case SELF_SUBMISSION -> client.post(work.candidate, "/engine-rest/process-definition/key/SelfSubmissionProcess/start",
          Map.of("variables", selfSubmission(work)));
      case ENDORSEMENT -> client.post(work.counterpart, "/engine-rest/process-definition/key/EndorsementProcess/start",
          Map.of("variables", endorsement(work)));
      case ENDORSEMENT_REQUEST -> client.post(work.candidate,
          "/engine-rest/process-definition/key/EndorsementRequestProcess/start", Map.of("variables", Map.of(
              "leaderId", string(work.counterpart), "skillCode", string(work.skill), "skillLevel", integer(work.level),
              "message", string("You saw me run the last three incident reviews."))));
      case PROMOTION -> client.post(work.candidate,
          "/engine-rest/process-definition/key/PromotionApplicationProcess/start", Map.of("variables", Map.of(
              "targetLevel", integer(work.level), "statement", string("I lead the team's design reviews."))));
    };
    if (!started.ok()) {
      throw new AssertionError("Start of " + work + " refused: " + started.status() + " " + started.body());
    }
    work.businessKey = started.body().path("businessKey").asText();
  }

  /**
   * Its people act until a task {@code step} waits (then that task), or, with {@code step} null, until
   * nothing of the case runs any more (then null).
   */
  JsonNode advance(UpgradeCase work, String step) {
    long deadline = System.currentTimeMillis() + STEP_LIMIT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      JsonNode tasks = tasks(work);
      for (JsonNode task : tasks) {
        if (task.path("taskDefinitionKey").asText().equals(step)) {
          return task;
        }
      }
      if (tasks.isEmpty()) {
        if (step == null && running(work) == 0) {
          return null;
        }
        AppProcess.sleep(200);
        continue;
      }
      for (JsonNode task : tasks) {
        act(work, task);
      }
      AppProcess.sleep(50);
    }
    throw new AssertionError(work + " did not reach " + (step == null ? "its end" : step) + " within 3 minutes; open: "
        + tasks(work) + "; last refusal: " + lastRefusal.get(work));
  }

  /** Waits, nobody acting, until a task {@code step} of the case is open (jobs before it may still run). */
  JsonNode await(UpgradeCase work, String step) {
    long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(1);
    while (System.currentTimeMillis() < deadline) {
      for (JsonNode task : tasks(work)) {
        if (task.path("taskDefinitionKey").asText().equals(step)) {
          return task;
        }
      }
      AppProcess.sleep(200);
    }
    throw new AssertionError(work + " has no open " + step + "; open: " + tasks(work));
  }

  /** Completes one of the open peer reviews (of two): the other is left waiting. */
  void reviewOnce(UpgradeCase work) {
    long deadline = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(1);
    while (work.completions("Task_PeerReview") == 0) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("No peer review of " + work + " was taken; last refusal: " + lastRefusal.get(work));
      }
      act(work, await(work, "Task_PeerReview"));
    }
  }

  /** Acts on every open task of the case once (the people finishing in parallel, across cases). */
  boolean round(UpgradeCase work) {
    JsonNode tasks = tasks(work);
    if (tasks.isEmpty()) {
      return running(work) == 0;
    }
    for (JsonNode task : tasks) {
      act(work, task);
    }
    return false;
  }

  String lastRefusal(UpgradeCase work) {
    return lastRefusal.get(work);
  }

  JsonNode tasks(UpgradeCase work) {
    RestClient.Answer tasks = client.get("demo", "/engine-rest/task?processInstanceBusinessKey=" + work.businessKey);
    if (!tasks.ok()) {
      throw new AssertionError("Tasks of " + work + ": " + tasks.status() + " " + tasks.body());
    }
    return tasks.body();
  }

  long running(UpgradeCase work) {
    return client.get("demo", "/engine-rest/process-instance/count?businessKey=" + work.businessKey)
        .body().path("count").asLong(-1);
  }

  /** Acts on one task as the case's plan says: the person who holds it, else one of its group claims it first. */
  void act(UpgradeCase work, JsonNode task) {
    String key = task.path("taskDefinitionKey").asText();
    int done = work.completions(key);
    Map<String, Object> form = new LinkedHashMap<>();
    List<String> holders;
    switch (key) {
      case "Task_AssignAssessor" -> {
        holders = SEM_TEAM;
        form.put("assessorId", string(work.counterpart));
      }
      case "Task_AssessEvidence", "Task_ReassessEvidence" -> {
        holders = List.of();
        boolean askMore = work.moreEvidenceFirst && work.completions("Task_AssessEvidence") == 0
            && key.equals("Task_AssessEvidence");
        form.put("moreEvidenceRequested", bool(askMore));
        if (askMore) {
          form.put("evidenceRequest", string("Show the measurements before and after."));
        } else {
          int score = key.equals("Task_AssessEvidence") ? work.firstScore : 9;
          form.put("score", integer(score));
          form.put("justification", string("Measured, repeatable impact."));
          if (score < 8) {
            form.put("improvementAreas", string("Show your own part; goal: one measured change."));
          }
        }
      }
      case "Task_ProvideMoreEvidence", "Task_ProvidePromotionEvidence" -> {
        holders = List.of();
        form.putAll(evidence("Before: 40 minute builds. After: 9 minutes, measured over a month."));
      }
      case "Task_PeerReview" -> {
        holders = SENIORS.stream().filter(person -> !person.equals(work.candidate) && !person.equals(work.counterpart)
            && !holdsAnother(work, task, person)).toList();
        if (work.firstReviewerDisagrees && done == 0) {
          form.put("reviewAgrees", bool(false));
          form.put("proposedScore", integer(7));
          form.put("reviewComment", string("The results are the team's more than the candidate's."));
        } else {
          form.put("reviewAgrees", bool(true));
          form.put("reviewComment", string("Agreed."));
        }
      }
      case "Task_ModerateScore" -> {
        holders = List.of();
        form.put("finalScore", integer(9));
        form.put("moderationJustification", string("The candidate led the change; the reviewer's doubt is answered."));
      }
      case "Task_AmendApplication" -> {
        holders = List.of();
        boolean resubmit = work.resubmit && done == 0;
        form.put("resubmit", bool(resubmit));
        if (resubmit) {
          form.put("amendments", string("Added the measured change of my own module."));
          form.putAll(evidence("My module: 12 minutes to 3 minutes."));
        }
      }
      case "Task_ReassignAssessor", "Task_ReassignReviewer" -> {
        holders = SEM_TEAM;
        form.put("newAssigneeId", string(work.replacement));
      }
      case "Task_ReviewEndorsement" -> {
        holders = ENDORSEMENT_REVIEWERS.stream()
            .filter(person -> !person.equals(work.candidate) && !person.equals(work.counterpart)).toList();
        String decision = work.reviewDecisions.get(Math.min(done, work.reviewDecisions.size() - 1));
        form.put("reviewDecision", string(decision));
        form.put("reviewComment", string(decision.equals("approve") ? "Convincing."
            : decision.equals("withdraw") ? "The candidate holds this level already in practice; withdrawn at the endorser's wish."
            : "Which incidents, and what was the candidate's own part?"));
      }
      case "Task_ProvideJustification" -> {
        holders = List.of(work.counterpart);
        form.put("additionalJustification", string("The payments and search incidents; she ran both reviews."));
      }
      case "Task_ConsiderEndorsementRequest" -> {
        holders = List.of(work.counterpart);
        form.put("acceptRequest", bool(work.acceptRequest));
        if (work.acceptRequest) {
          form.putAll(evidence("Repeat incidents fell from five a quarter to one."));
          form.put("score", integer(9));
          form.put("justification", string("I attended the reviews and saw the actions closed."));
        } else {
          form.put("declineMessage", string("Not yet: let us pair on the next incident review first."));
        }
      }
      case "Task_InterviewCandidate" -> {
        holders = SEM_TEAM.stream().filter(person -> !person.equals(work.candidate)).toList();
        form.put("interviewPassed", bool(true));
        form.put("interviewNotes", string("Clear examples of leading design decisions."));
      }
      case "Task_DecidePromotion" -> {
        holders = SEM_TEAM.stream().filter(person -> !person.equals(work.candidate)).toList();
        form.put("promoted", bool(work.promote));
        form.put("decisionJustification", string(work.promote ? "Every skill at the pass mark; a strong interview."
            : "Strong skills; the team needs another half year of the candidate's design leadership first."));
      }
      default -> throw new AssertionError("Nobody acts on " + key + " of " + work);
    }
    String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
    String taskId = task.path("id").asText();
    if (assignee == null) {
      assignee = claim(work, task, holders);
      if (assignee == null) {
        return;
      }
    }
    RestClient.Answer submitted = client.post(assignee, "/engine-rest/task/" + taskId + "/submit-form",
        Map.of("variables", form));
    if (submitted.ok()) {
      work.completed.merge(key, 1, Integer::sum);
    } else {
      lastRefusal.put(work, "submit " + key + " as " + assignee + ": " + submitted.status() + " " + submitted.body());
    }
  }

  private String claim(UpgradeCase work, JsonNode task, List<String> holders) {
    String taskId = task.path("id").asText();
    Set<String> refusedHere = refused.computeIfAbsent(taskId, id -> new HashSet<>());
    for (String person : holders) {
      if (refusedHere.contains(person)) {
        continue;
      }
      RestClient.Answer claimed = client.post(person, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", person));
      if (claimed.ok()) {
        return person;
      }
      lastRefusal.put(work, "claim " + task.path("taskDefinitionKey").asText() + " as " + person + ": "
          + claimed.status() + " " + claimed.body());
      if (claimed.status() >= 400 && claimed.status() < 500 && claimed.status() != 409) {
        refusedHere.add(person); // a rule (e.g. four eyes) keeps this person off the task: the next one tries
      }
      return null;
    }
    return null;
  }

  /** A reviewer holds only one review of an application at a time. */
  private boolean holdsAnother(UpgradeCase work, JsonNode task, String person) {
    List<String> others = new ArrayList<>();
    for (JsonNode other : tasks(work)) {
      if (other.path("taskDefinitionKey").asText().equals("Task_PeerReview") && !other.path("id").equals(task.path("id"))
          && !other.path("assignee").isNull()) {
        others.add(other.path("assignee").asText());
      }
    }
    return others.contains(person);
  }

  /**
   * The credential document as the release running now serves it (its signed JSON-LD), to verify after the
   * upgrade exactly as a holder would have kept it.
   */
  String credentialDocument(String credentialId) {
    RestClient.Answer document = client.get("demo", "/api/credentials/" + credentialId);
    if (!document.ok()) {
      throw new AssertionError("Credential " + credentialId + ": " + document.status() + " " + document.body());
    }
    return document.body().toString();
  }

  /** The candidate's credential for the case's skill and level, as {@code /api/engineers/{id}/credentials} lists it. */
  JsonNode credential(UpgradeCase work) {
    RestClient.Answer credentials = client.get("demo", "/api/engineers/" + work.candidate + "/credentials");
    for (JsonNode credential : credentials.body()) {
      if (credential.path("skillCode").asText().equals(work.skill) && credential.path("skillLevel").asInt() == work.level) {
        return credential;
      }
    }
    return null;
  }

  /**
   * Fires the SLA timers of the assessment the case waits at, as the passing of three weeks would: two
   * weeks (the assessor reminded, the SEM team told), then a further week (the SEM team is to reassign it).
   */
  void escalateAssessment(UpgradeCase work) {
    JsonNode instances = client.get("demo", "/engine-rest/process-instance?businessKey=" + work.businessKey).body();
    int fired = 0;
    for (String timer : List.of("BoundaryEvent_AssessmentOverdue", "BoundaryEvent_AssessmentReassignmentDue")) {
      for (JsonNode instance : instances) {
        for (JsonNode job : client.get("demo", "/engine-rest/job?timers=true&activityId=" + timer + "&processInstanceId="
            + instance.path("id").asText()).body()) {
          awaitOnlyTimers(instance.path("id").asText());
          RestClient.Answer executed = client.post("demo", "/engine-rest/job/" + job.path("id").asText() + "/execute", Map.of());
          // The reminder the first timer started runs as a job of its own on the same execution: it is awaited
          // above, and should the job executor still hold it, the execution loses the race (optimistic locking;
          // an earlier release answers it 404, in either of two wordings) and is run again.
          for (int attempt = 0; !executed.ok() && lostRace(executed) && attempt < 10; attempt++) {
            AppProcess.sleep(500);
            executed = client.post("demo", "/engine-rest/job/" + job.path("id").asText() + "/execute", Map.of());
          }
          if (!executed.ok()) {
            throw new AssertionError(timer + " of " + work + ": " + executed.status() + " " + executed.body());
          }
          fired++;
        }
      }
    }
    if (fired != 2) {
      throw new AssertionError("Expected the two SLA timers of the assessment of " + work + ", fired " + fired);
    }
  }

  /** Waits (at most 30 s) until the instance's only jobs are its timers: the reminder a timer started has run. */
  private void awaitOnlyTimers(String instanceId) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < deadline) {
      boolean others = false;
      for (JsonNode job : client.get("demo", "/engine-rest/job?processInstanceId=" + instanceId).body()) {
        others |= job.path("dueDate").isNull() && job.path("retries").asInt() > 0;
      }
      if (!others) {
        return;
      }
      AppProcess.sleep(200);
    }
  }

  private static boolean lostRace(RestClient.Answer answer) {
    String body = answer.body().toString();
    return body.contains("updated by another transaction") || body.contains("perhaps it was deleted in the meantime");
  }

  private static Map<String, Object> selfSubmission(UpgradeCase work) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("skillCode", string(work.skill));
    variables.put("skillLevel", integer(work.level));
    variables.putAll(evidence("Parallelised the suites, cached dependencies."));
    variables.put("reviewedWithLineManager", bool(true));
    return variables;
  }

  private static Map<String, Object> endorsement(UpgradeCase work) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("candidateId", string(work.candidate));
    variables.put("skillCode", string(work.skill));
    variables.put("skillLevel", integer(work.level));
    variables.put("score", integer(9));
    variables.putAll(evidence("Ran blameless reviews and tracked every action to done."));
    variables.put("justification", string("I attended the reviews and saw the actions closed."));
    return variables;
  }

  private static Map<String, Object> evidence(String actions) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("impactProblem", string("Releases were blocked by a 40 minute build."));
    variables.put("impactActions", string(actions));
    variables.put("impactResults", string("Build takes 9 minutes; daily releases."));
    variables.put("evidenceLinks", string("https://ci.example.org/builds/trend"));
    return variables;
  }

  static Map<String, Object> integer(int value) {
    return Map.of("value", value, "type", "Integer");
  }
}

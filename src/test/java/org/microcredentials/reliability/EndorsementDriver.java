package org.microcredentials.reliability;

import static org.microcredentials.reliability.SelfSubmissionDriver.bool;
import static org.microcredentials.reliability.SelfSubmissionDriver.string;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One endorsement or endorsement request driven through {@code /engine-rest} as its people would, from
 * another process, like {@link SelfSubmissionDriver}. {@link Kind#ENDORSE}: a leader endorses the
 * candidate, an endorsement reviewer approves, the credential is issued. {@link Kind#REQUEST_ACCEPTED}:
 * the candidate asks the leader, who accepts with the endorsement's fields; then as an endorsement.
 * {@link Kind#REQUEST_DECLINED}: the leader declines; nothing is held.
 */
final class EndorsementDriver implements DrivenFlow {

  enum Kind { ENDORSE, REQUEST_ACCEPTED, REQUEST_DECLINED }

  /** Endorsement reviewers (level 5 and above): never the endorser or the candidate. */
  private static final List<String> REVIEWERS = List.of("erin", "frank", "ivan", "grace");

  private final RestClient client;
  private final SelfSubmissionDriver.CallLog calls;
  private final List<SelfSubmissionDriver.Acknowledged> acknowledged;
  private final String candidate;
  private final String skill;
  private final int level;
  private final Kind kind;
  private final String leader;
  private final String reviewer;
  private String businessKey;
  /** The last call not answered 2xx, for a failure message: a flow that hangs may be refused again and again. */
  private String lastRefusal;
  private boolean ended;

  EndorsementDriver(RestClient client, SelfSubmissionDriver.CallLog calls,
      List<SelfSubmissionDriver.Acknowledged> acknowledged, String candidate, String skill, int level, Kind kind,
      String leader, int variant) {
    this.client = client;
    this.calls = calls;
    this.acknowledged = acknowledged;
    this.candidate = candidate;
    this.skill = skill;
    this.level = level;
    this.kind = kind;
    this.leader = leader;
    List<String> reviewers = REVIEWERS.stream().filter(person -> !person.equals(candidate) && !person.equals(leader))
        .toList();
    this.reviewer = reviewers.get(Math.floorMod(variant, reviewers.size()));
  }

  Kind kind() {
    return kind;
  }

  @Override
  public String lastRefusal() {
    return lastRefusal;
  }

  @Override
  public String describe() {
    return kind + " " + candidate + " " + skill + ":" + level + " by " + leader
        + (businessKey == null ? "" : " " + businessKey);
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
  public boolean step() {
    if (businessKey == null) {
      start();
      return false;
    }
    RestClient.Answer tasks = call("list tasks", client.get("demo", "/engine-rest/task?processInstanceBusinessKey="
        + businessKey));
    if (!tasks.ok()) {
      return false;
    }
    if (tasks.body().isEmpty()) {
      RestClient.Answer running = call("count running", client.get("demo",
          "/engine-rest/history/process-instance/count?processInstanceBusinessKey=" + businessKey + "&unfinished=true"));
      ended = running.ok() && running.body().path("count").asLong(-1) == 0;
      return ended;
    }
    for (JsonNode task : tasks.body()) {
      act(task);
    }
    return false;
  }

  private void start() {
    RestClient.Answer started = kind == Kind.ENDORSE
        ? call("start endorsement", client.post(leader, "/engine-rest/process-definition/key/EndorsementProcess/start",
            Map.of("variables", endorsement())))
        : call("start request", client.post(candidate,
            "/engine-rest/process-definition/key/EndorsementRequestProcess/start", Map.of("variables", request())));
    if (started.ok()) {
      businessKey = started.body().path("businessKey").asText();
      acknowledged.add(new SelfSubmissionDriver.Acknowledged(businessKey, "start", null,
          kind == Kind.ENDORSE ? leader : candidate));
    } else if (started.status() == 409 && "concurrent-update".equals(started.rule())) {
      // Rolled back whole by a concurrent change (the application says so): nothing was started; again.
    } else if (!started.unanswered() && started.status() < 500) {
      throw new AssertionError("Start of " + describe() + " refused: " + started);
    }
    // Unanswered or 5xx: the soak counts it; this driver, used where the application does not crash,
    // tries again.
  }

  private void act(JsonNode task) {
    String key = task.path("taskDefinitionKey").asText();
    String assignee = task.path("assignee").isNull() ? null : task.path("assignee").asText(null);
    switch (key) {
      case "Task_ConsiderEndorsementRequest" -> {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (kind == Kind.REQUEST_ACCEPTED) {
          answer.putAll(endorsement());
          answer.put("acceptRequest", bool(true));
        } else {
          answer.put("acceptRequest", bool(false));
          answer.put("declineMessage", string("Not yet: let us pair on the next incident review first."));
        }
        claimAndSubmit(task, assignee, leader, answer);
      }
      case "Task_ReviewEndorsement" -> claimAndSubmit(task, assignee, reviewer,
          Map.of("reviewDecision", string("approve"), "reviewComment", string("Convincing.")));
      default -> throw new AssertionError("Unexpected task " + key + " in " + describe());
    }
  }

  private void claimAndSubmit(JsonNode task, String assignee, String user, Map<String, Object> variables) {
    String taskName = task.path("taskDefinitionKey").asText();
    if (assignee == null) {
      RestClient.Answer claimed = call("claim " + taskName,
          client.post(user, "/engine-rest/task/" + task.path("id").asText() + "/claim", Map.of("userId", user)));
      if (!claimed.ok()) {
        return; // look again next step
      }
      acknowledged.add(new SelfSubmissionDriver.Acknowledged(businessKey, "claim", task.path("id").asText(), user));
      assignee = user;
    }
    RestClient.Answer submitted = call("submit " + taskName, client.post(assignee,
        "/engine-rest/task/" + task.path("id").asText() + "/submit-form", Map.of("variables", variables)));
    if (submitted.ok()) {
      acknowledged.add(new SelfSubmissionDriver.Acknowledged(businessKey, "complete", task.path("id").asText(),
          assignee));
    }
  }

  private RestClient.Answer call(String name, RestClient.Answer answer) {
    calls.record(name, answer);
    if (!answer.ok()) {
      lastRefusal = name + " answered " + (answer.unanswered() ? "nothing" : answer.status() + " " + answer.body());
    }
    return answer;
  }

  private Map<String, Object> request() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("leaderId", string(leader));
    variables.put("skillCode", string(skill));
    variables.put("skillLevel", Map.of("value", level, "type", "Integer"));
    variables.put("message", string("You saw me run the last three incident reviews."));
    return variables;
  }

  private Map<String, Object> endorsement() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("candidateId", string(candidate));
    variables.put("skillCode", string(skill));
    variables.put("skillLevel", Map.of("value", level, "type", "Integer"));
    variables.put("score", Map.of("value", 9, "type", "Integer"));
    variables.put("impactProblem", string("Incidents repeated because nobody owned the follow-ups."));
    variables.put("impactActions", string("Ran blameless reviews and tracked every action to done."));
    variables.put("impactResults", string("Repeat incidents fell from five a quarter to one."));
    variables.put("justification", string("I attended the reviews and saw the actions closed."));
    return variables;
  }
}

package org.microcredentials.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.microcredentials.reliability.UpgradeCase.Kind;

/**
 * Work in flight survives every upgrade, on the embedded default (H2 file) and on PostgreSQL. The releases
 * listed in {@code .ci/releases} (built once from their commits, {@link Releases}) run one after the other
 * on one database, each as its own JVM, as an operator upgrades: each leaves work waiting at every kind of
 * person's step its models have, issues credentials and revokes one; it is stopped and the next starts on
 * the same database (migrations run at its start). Last the current build starts there, and the people
 * who hold the steps finish everything through {@code /engine-rest}, each on the model version it began
 * on. Every credential issued before still verifies (the revoked one reads revoked), every waiting piece of
 * work ends with its credential or its recorded outcome, and no job failed: no incident.
 */
@Execution(ExecutionMode.CONCURRENT)
class UpgradeFaultIT {

  private static final long FINISH_LIMIT_MILLIS = TimeUnit.MINUTES.toMillis(5);

  /** A credential an earlier release issued: the document its holder kept, and whether it was revoked since. */
  record IssuedBefore(UpgradeCase work, String credentialId, JsonNode document, boolean revoked) {
  }

  private final List<AppProcess> apps = new ArrayList<>();
  private PostgresServer postgres;

  @AfterEach
  void stopEverything() {
    apps.forEach(AppProcess::stop);
    if (postgres != null) {
      postgres.stop();
    }
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void onTheEmbeddedDefault() throws Exception {
    // No datasource argument: every release uses application.yaml's H2 file in ./data of the one working directory.
    upgradeThroughEveryRelease("h2", List.of());
  }

  @Test
  @Execution(ExecutionMode.CONCURRENT)
  void onPostgres() throws Exception {
    Path directory = CrashFaultIT.fresh("upgrade-postgres");
    postgres = new PostgresServer(directory.resolve("pgdata")).start();
    upgradeThroughEveryRelease("postgres", postgres.applicationArguments());
  }

  private void upgradeThroughEveryRelease(String database, List<String> arguments) throws Exception {
    long begin = System.nanoTime();
    List<Releases.Release> releases = Releases.built();
    long built = System.nanoTime();
    Path workingDirectory = CrashFaultIT.fresh("upgrade-" + database + "-app");
    List<String> figures = new ArrayList<>();
    List<UpgradeCase> waiting = new ArrayList<>();
    List<IssuedBefore> issued = new ArrayList<>();

    for (Releases.Release release : releases) {
      long releaseBegin = System.nanoTime();
      AppProcess app = AppProcess.release(release.jar(), workingDirectory, CrashFaultIT.QUICK_START, arguments);
      apps.add(app);
      Duration started = app.start();
      UpgradeDriver people = new UpgradeDriver(new RestClient(app.baseUrl()));
      giveLevelProfilesWhereMissing(people.client());
      List<UpgradeCase> cases = workOf(release.commit());
      for (UpgradeCase work : cases) {
        work.release = release.commit();
        people.start(work);
        if (work.waitsAt == null) {
          people.advance(work, null);
          JsonNode credential = people.credential(work);
          assertThat(credential).as("the credential of %s", work).isNotNull();
          String id = credential.path("id").asText();
          issued.add(new IssuedBefore(work, id, people.client().get("demo", "/api/credentials/" + id).body(), false));
        } else {
          people.advance(work, work.waitsAt);
          if (work.atTheStep != null) {
            work.atTheStep.accept(people, work);
          }
          waiting.add(work);
        }
      }
      // One credential of each release is revoked before the upgrade.
      IssuedBefore toRevoke = issued.get(issued.size() - 1);
      RestClient.Answer revoked = people.client().post("demo", "/api/credentials/" + toRevoke.credentialId() + "/revoke",
          Map.of("reason", "Issued in error: the evidence was another engineer's."));
      assertThat(revoked.status()).as("revoking %s", toRevoke.work()).isEqualTo(200);
      issued.set(issued.size() - 1, new IssuedBefore(toRevoke.work(), toRevoke.credentialId(), toRevoke.document(), true));
      // Everything left waiting still waits where it was left, the moment before the upgrade.
      for (UpgradeCase work : waiting) {
        if (work.release.equals(release.commit())) {
          people.await(work, work.waitsAt);
        }
      }
      app.stop();
      figures.add("release " + release.commit() + ": started in " + started.toMillis() + " ms, " + cases.size()
          + " pieces of work in " + millis(releaseBegin) + " ms");
    }

    long currentBegin = System.nanoTime();
    AppProcess current = new AppProcess(workingDirectory, CrashFaultIT.QUICK_START, arguments);
    apps.add(current);
    Duration started = current.start();
    UpgradeDriver people = new UpgradeDriver(new RestClient(current.baseUrl()));
    RestClient client = people.client();

    // The people finish everything, each acting on what waits for them, all pieces of work in parallel.
    List<UpgradeCase> open = new ArrayList<>(waiting);
    long deadline = System.currentTimeMillis() + FINISH_LIMIT_MILLIS;
    while (!open.isEmpty() && System.currentTimeMillis() < deadline) {
      open.removeIf(people::round);
      AppProcess.sleep(100);
    }
    Map<String, String> unfinished = new LinkedHashMap<>();
    open.forEach(work -> unfinished.put(work.toString(), people.tasks(work) + "; last refusal: " + people.lastRefusal(work)));
    if (!unfinished.isEmpty()) {
      // What stopped them, where a step failed rather than waits for someone: the failed jobs' messages.
      unfinished.put("failed jobs", client.get("demo", "/engine-rest/job?withException=true").body()
          .findValuesAsText("exceptionMessage").toString());
    }
    assertThat(unfinished).as("work not finished within 5 minutes after the upgrade").isEmpty();

    for (UpgradeCase work : waiting) {
      JsonNode instances = client.get("demo", "/engine-rest/history/process-instance?processInstanceBusinessKey="
          + work.businessKey).body();
      List<String> ends = new ArrayList<>();
      for (JsonNode instance : instances) {
        assertThat(instance.path("state").asText()).as("%s, instance of %s", work, instance.path("processDefinitionKey").asText())
            .isEqualTo("COMPLETED");
        for (JsonNode end : client.get("demo", "/engine-rest/history/activity-instance?activityType=noneEndEvent&processInstanceId="
            + instance.path("id").asText()).body()) {
          ends.add(end.path("activityId").asText());
        }
      }
      assertThat(ends).as("the end events %s reached", work).contains(work.expectedEnd);
      JsonNode credential = people.credential(work);
      if (work.kind == Kind.PROMOTION) {
        JsonNode promoted = client.get("demo", "/engine-rest/history/variable-instance?variableName=promoted&processInstanceId="
            + rootInstance(instances).path("id").asText()).body();
        assertThat(promoted.path(0).path("value").asBoolean()).as("the decision on %s", work).isEqualTo(work.promote);
        JsonNode held = client.get("demo", "/api/engineers/" + work.candidate + "/credentials").body();
        assertThat(held.findValuesAsText("source")).as("credentials of %s", work).contains("PROMOTION");
      } else if (work.credentialExpected) {
        assertThat(credential).as("the credential of %s", work).isNotNull();
        assertThat(credential.path("revoked").asBoolean()).isFalse();
        JsonNode document = client.get("demo", "/api/credentials/" + credential.path("id").asText()).body();
        assertThat(client.post(null, "/api/credentials/verify", document).body().path("verified").asBoolean())
            .as("the credential of %s verifies", work).isTrue();
      } else {
        assertThat(credential).as("no credential for %s", work).isNull();
      }
    }

    for (IssuedBefore before : issued) {
      RestClient.Answer verified = client.post(null, "/api/credentials/verify", before.document());
      assertThat(verified.status()).as("verifying %s", before.work()).isEqualTo(200);
      assertThat(verified.body().path("verified").asBoolean()).as("%s verifies: %s", before.work(), verified.body())
          .isEqualTo(!before.revoked());
      assertThat(people.credential(before.work()).path("revoked").asBoolean()).as("%s reads revoked", before.work())
          .isEqualTo(before.revoked());
      if (before.revoked()) {
        assertThat(verified.body().path("failedCheck").asText()).as("why %s fails", before.work()).containsIgnoringCase("revo");
      }
    }

    assertThat(client.get("demo", "/engine-rest/history/incident/count").body().path("count").asLong(-1))
        .as("incidents, ever").isZero();
    assertThat(client.get("demo", "/engine-rest/job/count?withException=true").body().path("count").asLong(-1))
        .as("jobs that failed").isZero();

    figures.add("current build: started in " + started.toMillis() + " ms, finished " + waiting.size()
        + " pieces of work and checked " + issued.size() + " credentials in " + millis(currentBegin) + " ms");
    figures.add("releases built (or found built) in " + (built - begin) / 1_000_000 + " ms; whole test " + millis(begin) + " ms");
    waiting.forEach(work -> figures.add("  " + work));
    FaultReport.write("upgrade-" + database, figures);
  }

  /**
   * A release that knows level profiles (00ef030) started on a database kept from one before them holds
   * the skills framework without them: it loads a framework version once, and the file's version is the
   * same. Its promotions would require no skill. Its operator loads the framework again as a new version
   * (POST /api/skills, the same file); the current build adds the missing profiles at start by itself.
   */
  private static void giveLevelProfilesWhereMissing(RestClient client) throws java.io.IOException {
    JsonNode framework = client.get("demo", "/api/skills").body();
    if (!framework.has("levelProfiles") || !framework.path("levelProfiles").isEmpty()) {
      return;
    }
    com.fasterxml.jackson.databind.node.ObjectNode file = (com.fasterxml.jackson.databind.node.ObjectNode) RestClient.JSON
        .readTree(Path.of("src", "main", "resources", "framework", "skills-framework.json").toFile());
    file.put("version", framework.path("version").asInt() + 1);
    RestClient.Answer loaded = client.post("demo", "/api/skills", file);
    assertThat(loaded.ok()).as("loading the framework again: %s", loaded.body()).isTrue();
  }

  private static JsonNode rootInstance(JsonNode instances) {
    for (JsonNode instance : instances) {
      if (instance.path("superProcessInstanceId").isNull() || instance.path("superProcessInstanceId").isMissingNode()) {
        return instance;
      }
    }
    throw new AssertionError("No root instance among " + instances);
  }

  private static long millis(long since) {
    return (System.nanoTime() - since) / 1_000_000;
  }

  /**
   * What each release leaves behind, at every kind of person's step its models have. Candidates, skills and
   * people are chosen so that no rule refuses one piece of work because of another (one open application a
   * skill, an endorser's cap, the open-request cap, the assessor's level).
   */
  static List<UpgradeCase> workOf(String release) {
    return switch (release) {
      // Self-submission and resubmission on one model each, endorsements and requests: our tables at V4.
      case "174906f" -> List.of(
          selfSubmission("alice", "iLAN", 2, "carol"),
          endorsement("henry", "iLAN", 2, "carol"),
          selfSubmission("bob", "iCOLL", 3, "dave"),
          selfSubmission("carol", "iDATA", 4, "dave"),
          selfSubmission("alice", "iDATA", 2, "carol"), // revoked before the upgrade
          selfSubmission("alice", "iPERF", 2, "carol").waitingAt("Task_AssignAssessor"),
          selfSubmission("alice", "iOWN", 2, "carol").waitingAt("Task_AssessEvidence"),
          selfSubmission("bob", "iLAN", 3, "dave").askingForMoreEvidenceFirst().waitingAt("Task_ProvideMoreEvidence"),
          selfSubmission("bob", "iTEST", 4, "carol").waitingAt("Task_PeerReview").then(UpgradeDriver::reviewOnce),
          selfSubmission("bob", "iOPS", 3, "dave").firstReviewerDisagreeing().waitingAt("Task_ModerateScore"),
          selfSubmission("henry", "iPERF", 1, "carol").scoredFirst(6).waitingAt("Task_AmendApplication"),
          selfSubmission("henry", "iOWN", 1, "dave").scoredFirst(6).waitingAt("Task_ReassessEvidence"),
          selfSubmission("alice", "iTEST", 2, "dave").scoredFirst(6).lettingGo().waitingAt("Task_AmendApplication"),
          selfSubmission("henry", "iOPS", 1, "dave").reassignedTo("carol").waitingAt("Task_AssessEvidence")
              .then(UpgradeFaultIT::escalated),
          endorsement("alice", "iARCH", 3, "carol").waitingAt("Task_ReviewEndorsement"),
          endorsement("bob", "iDATA", 4, "dave").reviewed("request-justification", "approve")
              .waitingAt("Task_ProvideJustification"),
          endorsement("henry", "iARCH", 2, "dave").reviewed("withdraw").ending("EndEvent_EndorsementWithdrawn", false)
              .waitingAt("Task_ReviewEndorsement"),
          request("alice", "iSEC", 3, "dave").waitingAt("Task_ConsiderEndorsementRequest"),
          request("henry", "iSEC", 2, "carol").declined().waitingAt("Task_ConsiderEndorsementRequest"),
          request("bob", "iDEL", 4, "carol").waitingAt("Task_ReviewEndorsement"));
      // The review round as a process of its own, promotion applications: our tables at V21.
      case "00ef030" -> List.of(
          selfSubmission("dave", "iOWN", 3, "carol"), // revoked before the upgrade
          selfSubmission("dave", "iLAN", 3, "carol").waitingAt("Task_AssignAssessor"),
          selfSubmission("dave", "iPERF", 3, "carol").waitingAt("Task_AssessEvidence"),
          selfSubmission("dave", "iTEST", 3, "carol").askingForMoreEvidenceFirst().waitingAt("Task_ProvideMoreEvidence"),
          selfSubmission("dave", "iSEC", 4, "carol").waitingAt("Task_PeerReview").then(UpgradeDriver::reviewOnce),
          selfSubmission("dave", "iDATA", 3, "carol").firstReviewerDisagreeing().waitingAt("Task_ModerateScore"),
          selfSubmission("dave", "iDEL", 3, "carol").scoredFirst(6).waitingAt("Task_AmendApplication"),
          selfSubmission("dave", "iCOLL", 3, "carol").scoredFirst(6).waitingAt("Task_ReassessEvidence"),
          selfSubmission("frank", "iLAN", 3, "carol").reassignedTo("dave").waitingAt("Task_AssessEvidence")
              .then(UpgradeFaultIT::escalated),
          endorsement("alice", "iMENT", 3, "dave").waitingAt("Task_ReviewEndorsement"),
          endorsement("alice", "iCOMM", 3, "dave").reviewed("request-justification", "approve")
              .waitingAt("Task_ProvideJustification"),
          request("henry", "iMENT", 3, "carol").waitingAt("Task_ConsiderEndorsementRequest"),
          promotion("henry", 2, "carol").waitingAt("Task_ProvidePromotionEvidence"),
          promotion("bob", 4, "carol").notPromoted().waitingAt("Task_InterviewCandidate"),
          promotion("carol", 5, "frank").waitingAt("Task_DecidePromotion"));
      default -> throw new IllegalStateException("No work is planned for release " + release + " of .ci/releases:"
          + " add what its models wait for to UpgradeFaultIT.workOf");
    };
  }

  /** The assessment's SLA passes: the assessor is reminded, then the SEM team is to reassign it; both wait. */
  private static void escalated(UpgradeDriver people, UpgradeCase work) {
    people.escalateAssessment(work);
    people.await(work, "Task_ReassignAssessor");
  }

  private static UpgradeCase selfSubmission(String candidate, String skill, int level, String assessor) {
    return new UpgradeCase(Kind.SELF_SUBMISSION, candidate, skill, level, assessor);
  }

  private static UpgradeCase endorsement(String candidate, String skill, int level, String endorser) {
    return new UpgradeCase(Kind.ENDORSEMENT, candidate, skill, level, endorser);
  }

  private static UpgradeCase request(String candidate, String skill, int level, String leader) {
    return new UpgradeCase(Kind.ENDORSEMENT_REQUEST, candidate, skill, level, leader);
  }

  private static UpgradeCase promotion(String candidate, int targetLevel, String assessor) {
    return new UpgradeCase(Kind.PROMOTION, candidate, null, targetLevel, assessor);
  }
}

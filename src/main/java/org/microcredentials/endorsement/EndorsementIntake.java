package org.microcredentials.endorsement;

import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.CANDIDATE_LEVEL;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.ENDORSER_ID;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.ENDORSER_NAME;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.JUSTIFICATION_HISTORY;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.LINE_MANAGER_ID;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.LEADER_ID;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.LEADER_NAME;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.MESSAGE;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.REQUEST_EXPIRY;
import static org.microcredentials.review.ReviewRoundProcess.Variables.JUSTIFICATION;
import static org.microcredentials.review.ReviewRoundProcess.Variables.SCORE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.RuleViolation;
import org.microcredentials.credential.AlreadyHeld;
import org.microcredentials.credential.CredentialVariables;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.credential.RequestedSkill;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.Skill;
import org.microcredentials.framework.SkillFramework;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.process.VariableReader;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Accepts or refuses a new endorsement or endorsement request, and records what is accepted (an endorsement with
 * the endorser's statement). Runs inside the engine's transaction, so a refusal (or any later failure of the start)
 * leaves no row behind.
 */
@Service
public class EndorsementIntake {

  /**
   * What a leader sends to endorse an engineer, read and checked in the order the start refuses it.
   *
   * @param answeredRequest the business key of the accepted request this endorsement answers (it inherits that key),
   *     or empty for an endorsement a leader starts of their own accord
   * @param statement the endorser's evidence and justification, as the credential will carry them
   *     ({@link EndorserStatement})
   */
  public record SentEndorsement(String endorserId, String candidateId, RequestedSkill skill, int score,
      Optional<String> answeredRequest, String statement) {

    static SentEndorsement of(DelegateExecution execution, String endorserId, EndorsementPolicy policy) {
      VariableReader input = VariableReader.of(execution);
      String candidateId = input.requiredText(CANDIDATE_ID);
      RequestedSkill skill = RequestedSkill.sent(input);
      int score = policy.requiredScore(execution);
      ImpactStatement.required(execution);
      input.requiredText(JUSTIFICATION);
      return new SentEndorsement(endorserId, candidateId, skill, score, EndorsementRequestProcess.answeredBy(execution),
          EndorserStatement.of(execution::getVariable, endorserId));
    }
  }

  public record AcceptedEndorsement(String businessKey, Engineer endorser, Engineer candidate, Skill skill,
      int frameworkVersion, SentEndorsement sent) {

    /** The instance takes the endorsement's business key and what the review's forms and mails show. */
    public void showOn(DelegateExecution execution) {
      execution.setProcessBusinessKey(businessKey);
      ENDORSER_ID.on(execution, sent.endorserId());
      ENDORSER_NAME.on(execution, endorser.displayName());
      CredentialVariables.showCandidate(execution, sent.candidateId(), candidate);
      CANDIDATE_LEVEL.on(execution, candidate.seniorityLevel());
      String lineManagerId = candidate.lineManagerId();
      LINE_MANAGER_ID.on(execution, lineManagerId == null ? "" : lineManagerId);
      sent.skill().showOn(execution, skill);
      SCORE.on(execution, sent.score());
      JUSTIFICATION_HISTORY.on(execution, "");
    }
  }

  /** What a candidate sends to ask a leader for an endorsement, read and checked in the order the start refuses it. */
  public record SentRequest(String candidateId, String leaderId, RequestedSkill skill, String message) {

    static SentRequest of(DelegateExecution execution, String candidateId) {
      VariableReader input = VariableReader.of(execution);
      String leaderId = input.requiredText(LEADER_ID);
      RequestedSkill skill = RequestedSkill.sent(input);
      return new SentRequest(candidateId, leaderId, skill, input.requiredText(MESSAGE));
    }
  }

  /** @param expiry how long the request waits for the leader's answer */
  public record AcceptedRequest(String businessKey, Engineer candidate, Engineer leader, Skill skill, Duration expiry,
      SentRequest sent) {

    /** The instance takes the request's business key and what the leader's form and the mails show. */
    public void showOn(DelegateExecution execution) {
      execution.setProcessBusinessKey(businessKey);
      CredentialVariables.showCandidate(execution, sent.candidateId(), candidate);
      LEADER_ID.on(execution, sent.leaderId());
      LEADER_NAME.on(execution, leader.displayName());
      sent.skill().showOn(execution, skill);
      REQUEST_EXPIRY.on(execution, expiry.toString());
    }
  }

  private final Organisation organisation;
  private final SkillFrameworkRepository frameworks;
  private final AlreadyHeld alreadyHeld;
  private final EndorsementRegister endorsements;
  private final EndorsementRequestRegister requests;
  private final EndorsementPolicy policy;
  private final EndorsementProperties properties;
  private final Clock clock;

  EndorsementIntake(Organisation organisation, SkillFrameworkRepository frameworks, AlreadyHeld alreadyHeld,
      EndorsementRegister endorsements, EndorsementRequestRegister requests, EndorsementPolicy policy,
      EndorsementProperties properties, Clock clock) {
    this.organisation = organisation;
    this.frameworks = frameworks;
    this.alreadyHeld = alreadyHeld;
    this.endorsements = endorsements;
    this.requests = requests;
    this.policy = policy;
    this.properties = properties;
    this.clock = clock;
  }

  /** Every endorsement rule, checked before anything is kept; an accepted endorsement is recorded with its statement. */
  public AcceptedEndorsement acceptEndorsement(SentEndorsement sent) {
    String endorserId = sent.endorserId();
    String candidateId = sent.candidateId();
    String skillCode = sent.skill().code();
    int skillLevel = sent.skill().level();
    Optional<String> answeredRequest = sent.answeredRequest();
    Engineer endorser = organisation.find(endorserId).orElseThrow(() -> RuleViolation.forbidden("endorser-level",
        endorserId + " is not an engineer of the organisation and may not endorse."));
    policy.checkEndorser(endorser, candidateId);
    organisation.find(candidateId).orElseThrow(() -> RuleViolation.invalid("known-engineer",
        "'candidateId': '" + candidateId + "' is not an engineer of the organisation."));
    // Locking both people, always in the same order, makes two endorsements by one leader (the
    // cap) or of one candidate (one open endorsement per skill) count one after the other.
    Map<String, Engineer> locked = new TreeMap<>();
    for (String userId : new TreeSet<>(List.of(endorserId, candidateId))) {
      locked.put(userId, organisation.lock(userId));
    }
    Engineer candidate = locked.get(candidateId);
    SkillFramework framework = frameworks.current();
    Skill skill = framework.skillOpenForApplication(skillCode, skillLevel);
    policy.checkAboveSeniority(candidate, skillCode, skillLevel);
    alreadyHeld.refuseIfHeld(candidateId, skillCode, skillLevel);
    if (answeredRequest.isPresent() && endorsements.exists(answeredRequest.get())) {
      // The leader's acceptance sent twice at once (a double click, a client's retry): the other went through
      // while this one was under way, and the endorsement it started is this request's own. Said as the unique key
      // would say it, so the repeat is answered as one: the engine runs it again, and the task is gone.
      throw new DuplicateKeyException("The endorsement answering " + answeredRequest.get() + " is recorded already.");
    }
    if (endorsements.hasOpenEndorsement(candidateId, skillCode)) {
      throw RuleViolation.conflict("one-open-endorsement",
          candidateId + " already has an endorsement for " + skillCode + " under review; wait for its outcome.");
    }
    Instant now = clock.instant();
    policy.checkEndorsementCap(endorserId, candidateId, skillCode,
        endorsements.skillsEndorsedSince(endorserId, candidateId, policy.capPeriodStart(now)));
    EndorsementRegister.NewEndorsement endorsement = new EndorsementRegister.NewEndorsement(endorserId, candidateId,
        skillCode, skillLevel, sent.score(), framework.version(), now);
    String businessKey;
    if (answeredRequest.isPresent()) {
      checkAnswers(answeredRequest.get(), endorserId, candidateId, skillCode, skillLevel);
      businessKey = answeredRequest.get();
      endorsements.register(businessKey, endorsement);
    } else {
      businessKey = endorsements.register(endorsement);
    }
    endorsements.recordEvidence(businessKey, sent.statement());
    return new AcceptedEndorsement(businessKey, endorser, candidate, skill, framework.version(), sent);
  }

  /** The leader asked may endorse the candidate for a level an endorsement could give, within the open-request cap. */
  public AcceptedRequest acceptRequest(SentRequest sent) {
    String candidateId = sent.candidateId();
    String leaderId = sent.leaderId();
    String skillCode = sent.skill().code();
    int skillLevel = sent.skill().level();
    // The lock makes two requests of one candidate count one after the other.
    Engineer candidate = organisation.lock(candidateId);
    Engineer leader = organisation.find(leaderId).orElseThrow(() -> RuleViolation.invalid("known-leader",
        "'leaderId': '" + leaderId + "' is not an engineer of the organisation; ask a leader of level "
            + policy.minimumEndorserLevel() + " or above."));
    policy.checkRequestedLeader(leader, candidateId);
    Skill skill = frameworks.current().skillOpenForApplication(skillCode, skillLevel);
    policy.checkAboveSeniority(candidate, skillCode, skillLevel);
    alreadyHeld.refuseIfHeld(candidateId, skillCode, skillLevel);
    policy.checkOpenRequestCap(candidateId, requests.countOpen(candidateId));
    String businessKey = requests.register(candidateId, leaderId, skillCode, skillLevel, sent.message(),
        clock.instant());
    return new AcceptedRequest(businessKey, candidate, leader, skill, properties.requestExpiry(), sent);
  }

  private void checkAnswers(String requestKey, String endorserId, String candidateId, String skillCode, int skillLevel) {
    EndorsementRequestRegister.Request request = requests.find(requestKey).orElseThrow(() -> RuleViolation.notFound(
        "known-request", "No endorsement request " + requestKey + "."));
    boolean answers = request.status() == EndorsementRequestRegister.Status.ACCEPTED
        && request.leaderId().equals(endorserId) && request.candidateId().equals(candidateId)
        && request.skillCode().equals(skillCode) && request.skillLevel() == skillLevel;
    if (!answers) {
      throw RuleViolation.conflict("endorsement-answers-request",
          "The endorsement must answer request " + requestKey + " as asked: by " + request.leaderId() + " for "
              + request.candidateId() + ", " + request.skillCode() + ":" + request.skillLevel() + ".");
    }
  }
}

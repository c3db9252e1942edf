package org.microcredentials.endorsement;

import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.CANDIDATE_NAME;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.credential.CredentialVariables.SKILL_NAME;
import static org.microcredentials.endorsement.EndorsementRequestProcess.Variables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.framework.Seniority;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Start of {@code EndorsementRequestProcess}: the authenticated user is the candidate; the leader
 * asked may endorse them, the skill level is one an endorsement could give, and the candidate has
 * fewer than the allowed number of requests open ({@link EndorsementIntake#acceptRequest}). The instance gets the
 * request's business key.
 */
@Component
class EndorsementRequestStartListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementIntake intake;
  private final ParticipantAccess access;

  EndorsementRequestStartListener(Actors actors, EndorsementIntake intake, ParticipantAccess access) {
    this.actors = actors;
    this.intake = intake;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String candidateId = actors.requireCurrentUser("ask for an endorsement");
    VariableReader input = VariableReader.of(execution);
    String leaderId = input.requiredText(LEADER_ID);
    String skillCode = input.requiredText(SKILL_CODE);
    int skillLevel = input.requiredWholeNumber(SKILL_LEVEL, Seniority.LOWEST, Seniority.HIGHEST);
    String message = input.requiredText(MESSAGE);

    EndorsementIntake.AcceptedRequest accepted = intake.acceptRequest(candidateId, leaderId, skillCode, skillLevel,
        message);

    execution.setProcessBusinessKey(accepted.businessKey());
    CANDIDATE_ID.on(execution, candidateId);
    access.letFollow(execution, candidateId);
    CANDIDATE_NAME.on(execution, accepted.candidate().displayName());
    LEADER_ID.on(execution, leaderId);
    LEADER_NAME.on(execution, accepted.leader().displayName());
    SKILL_LEVEL.on(execution, skillLevel);
    SKILL_NAME.on(execution, accepted.skill().name());
    REQUEST_EXPIRY.on(execution, accepted.expiry().toString());
  }
}

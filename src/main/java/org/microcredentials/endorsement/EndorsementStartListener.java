package org.microcredentials.endorsement;

import static org.microcredentials.credential.CredentialVariables.CANDIDATE_ID;
import static org.microcredentials.credential.CredentialVariables.CANDIDATE_NAME;
import static org.microcredentials.credential.CredentialVariables.SKILL_CODE;
import static org.microcredentials.credential.CredentialVariables.SKILL_LEVEL;
import static org.microcredentials.credential.CredentialVariables.SKILL_NAME;
import static org.microcredentials.endorsement.EndorsementProcess.Variables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.JUSTIFICATION;
import static org.microcredentials.review.ReviewRoundProcess.Variables.SCORE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.framework.Seniority;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Start of {@code EndorsementProcess}: the authenticated user is the endorser; every endorsement
 * rule is checked before anything is kept ({@link EndorsementIntake#acceptEndorsement}). A leader's own endorsement
 * gets a new business key (END-...); one that answers a request, called from {@code EndorsementRequestProcess} while
 * the leader completes their task, keeps the request's key.
 */
@Component
class EndorsementStartListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final EndorsementIntake intake;
  private final EndorsementPolicy policy;
  private final ParticipantAccess access;

  EndorsementStartListener(Actors actors, EndorsementIntake intake, EndorsementPolicy policy, ParticipantAccess access) {
    this.actors = actors;
    this.intake = intake;
    this.policy = policy;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String endorserId = actors.requireCurrentUser("endorse an engineer");
    VariableReader input = VariableReader.of(execution);
    String candidateId = input.requiredText(CANDIDATE_ID);
    String skillCode = input.requiredText(SKILL_CODE);
    int skillLevel = input.requiredWholeNumber(SKILL_LEVEL, Seniority.LOWEST, Seniority.HIGHEST);
    int score = policy.requiredScore(execution);
    ImpactStatement.required(execution);
    input.requiredText(JUSTIFICATION);

    EndorsementIntake.AcceptedEndorsement accepted = intake.acceptEndorsement(endorserId, candidateId, skillCode,
        skillLevel, score, EndorsementRequestProcess.answeredBy(execution),
        EndorserStatement.of(execution::getVariable, endorserId));

    execution.setProcessBusinessKey(accepted.businessKey());
    ENDORSER_ID.on(execution, endorserId);
    ENDORSER_NAME.on(execution, accepted.endorser().displayName());
    CANDIDATE_ID.on(execution, candidateId);
    CANDIDATE_NAME.on(execution, accepted.candidate().displayName());
    CANDIDATE_LEVEL.on(execution, accepted.candidate().seniorityLevel());
    String lineManagerId = accepted.candidate().lineManagerId();
    LINE_MANAGER_ID.on(execution, lineManagerId == null ? "" : lineManagerId);
    SKILL_LEVEL.on(execution, skillLevel);
    SKILL_NAME.on(execution, accepted.skill().name());
    SCORE.on(execution, score);
    access.letFollow(execution, endorserId);
    JUSTIFICATION_HISTORY.on(execution, "");
  }
}

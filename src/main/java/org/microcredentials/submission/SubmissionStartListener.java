package org.microcredentials.submission;

import static org.microcredentials.credential.CredentialVariables.*;
import static org.microcredentials.review.ReviewRoundProcess.Variables.*;
import static org.microcredentials.submission.SelfSubmissionProcess.Variables.REVIEWED_WITH_LINE_MANAGER;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.application.EvidenceHistory;
import org.microcredentials.credential.ImpactStatement;
import org.microcredentials.framework.Seniority;
import org.microcredentials.process.Actors;
import org.microcredentials.process.RuleCheckingExecutionListener;
import org.microcredentials.process.VariableReader;
import org.springframework.stereotype.Component;

/**
 * Start of {@code SelfSubmissionProcess}: the authenticated user applies for a skill at a level with an impact
 * statement, accepted or refused by {@link SubmissionIntake#accept} before anything is kept; the instance gets the
 * application's business key and what its round and forms show.
 */
@Component
class SubmissionStartListener extends RuleCheckingExecutionListener {

  private final Actors actors;
  private final SubmissionIntake intake;
  private final ParticipantAccess access;

  SubmissionStartListener(Actors actors, SubmissionIntake intake, ParticipantAccess access) {
    this.actors = actors;
    this.intake = intake;
    this.access = access;
  }

  @Override
  protected void check(DelegateExecution execution) {
    String candidateId = actors.requireCurrentUser("submit an application");
    VariableReader input = VariableReader.of(execution);
    String skillCode = input.requiredText(SKILL_CODE);
    int skillLevel = input.requiredWholeNumber(SKILL_LEVEL, Seniority.LOWEST, Seniority.HIGHEST);
    ImpactStatement.required(execution);
    boolean reviewedWithLineManager = input.optionalBoolean(REVIEWED_WITH_LINE_MANAGER, false);
    SubmissionIntake.Accepted accepted = intake.accept(candidateId, skillCode, skillLevel,
        EvidenceHistory.Evidence.of(execution, null));
    execution.setProcessBusinessKey(accepted.businessKey());
    CANDIDATE_ID.on(execution, candidateId);
    CANDIDATE_NAME.on(execution, accepted.candidate().displayName());
    input.keepAs(SKILL_LEVEL, skillLevel);
    SKILL_NAME.on(execution, accepted.skill().name());
    input.keepAs(REVIEWED_WITH_LINE_MANAGER, reviewedWithLineManager);
    access.letFollow(execution, candidateId);
  }
}

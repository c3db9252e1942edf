package org.microcredentials.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.microcredentials.access.ParticipantAccess;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;

/** Which work a reassignment task hands over, and to whom it may go: by the task the model names, no engine. */
class WorkReassignmentTest {

  private static final RunningRound ROUND = new RunningRound("APP-1", "instance-1", List.of());
  private static final Engineer CAROL = new Engineer("carol", "Carol", "carol@example.org", 4, "Architect", null);
  private static final Engineer ERIN = new Engineer("erin", "Erin", "erin@example.org", 4, "Architect", null);
  private static final Engineer FRANK = new Engineer("frank", "Frank", "frank@example.org", 4, "Architect", null);

  private final ApplicationRegister applications = mock(ApplicationRegister.class);
  private final Organisation organisation = mock(Organisation.class);
  private final ReviewPolicy reviewPolicy = mock(ReviewPolicy.class);
  private final PeerReviewers reviewers = mock(PeerReviewers.class);
  private final TaskService tasks = mock(TaskService.class, RETURNS_DEEP_STUBS);
  private final WorkReassignment reassignment = new WorkReassignment(applications, organisation, reviewPolicy,
      mock(AssignmentPolicy.class), reviewers, tasks, mock(RepositoryService.class), mock(ParticipantAccess.class));

  @BeforeEach
  void carolAssessesBobsApplication() {
    when(applications.application("APP-1")).thenReturn(new ApplicationRegister.Application("APP-1", "bob", "iARCH", 3,
        1, ApplicationRegister.Status.OPEN, "carol", 9, CredentialSource.SELF_SUBMISSION));
    when(organisation.all()).thenReturn(List.of(CAROL, ERIN, FRANK));
    when(organisation.find("erin")).thenReturn(Optional.of(ERIN));
    when(reviewPolicy.eligibleAssessors(any(Organisation.class), anyString(), anyInt())).thenReturn(List.of(CAROL, ERIN));
    when(reviewers.mayReview(any(), anyString(), anyString(), any())).thenReturn(List.of(FRANK));
    when(tasks.createTaskQuery().processInstanceId("instance-1").active().listPage(0, 50)).thenReturn(List.of());
  }

  @Test
  void theAssessmentGoesToAnEligibleAssessorButTheOneWhoHasIt() {
    assertThat(reassignment.replacements(ROUND, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR)).containsExactly(ERIN);
  }

  @Test
  void aReviewGoesToWhoeverTheReviewRulesAllow() {
    assertThat(reassignment.replacements(ROUND, ReviewRoundProcess.Tasks.REASSIGN_REVIEWER)).containsExactly(FRANK);
  }

  @Test
  void reassigningTheAssessmentNamesTheNewAssessor() {
    assertThat(reassignment.reassignOverdueWork(ROUND, ReviewRoundProcess.Tasks.REASSIGN_ASSESSOR, "sem", "erin"))
        .contains(ERIN);
    verify(reviewPolicy).checkAssessor(ERIN, "bob", 3);
    verify(applications).assignAssessor("APP-1", "erin");
  }

  @Test
  void reassigningAReviewLooksForTheOpenReviewAndLeavesTheAssessorAsTheyAre() {
    when(organisation.find("frank")).thenReturn(Optional.of(FRANK));

    // No task of the round is open: the refusal a client reads when the review was done meanwhile.
    assertThatThrownBy(() -> reassignment.reassignOverdueWork(ROUND, ReviewRoundProcess.Tasks.REASSIGN_REVIEWER, "sem",
        "frank")).hasMessageContaining("No review of this application is waiting any more.");
    verify(applications, never()).assignAssessor(anyString(), anyString());
  }
}

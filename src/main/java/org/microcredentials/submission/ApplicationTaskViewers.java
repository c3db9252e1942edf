package org.microcredentials.submission;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.microcredentials.application.ApplicationRegister;
import org.microcredentials.framework.FourEyes;
import org.microcredentials.process.Holder;
import org.springframework.stereotype.Service;

/**
 * Who never sees a group task of an application, though they may be in the group: those
 * {@link FourEyes#hiddenFromApplicationTask} names, as the application's record names them (its candidate; on a peer
 * review, a task its model gives to {@link Holder#PEER_REVIEWER}, its assessor too). The use case of
 * {@code HideFromApplicantsListener}.
 */
@Service
class ApplicationTaskViewers {

  private final ApplicationRegister applications;

  ApplicationTaskViewers(ApplicationRegister applications) {
    this.applications = applications;
  }

  /**
   * Nobody from a task without candidate groups, nor from one of no application; the holder and the key are asked
   * only of a group task (a task may be one outside any process).
   */
  List<String> hiddenFrom(String candidateGroups, Supplier<Optional<Holder>> holder, Supplier<String> businessKey) {
    if (candidateGroups == null || candidateGroups.isBlank()) {
      return List.of();
    }
    boolean peerReview = holder.get().orElse(null) == Holder.PEER_REVIEWER;
    return applications.find(businessKey.get())
        .map(application -> FourEyes.hiddenFromApplicationTask(application.candidateId(), application.assessorId(),
            peerReview))
        .orElse(List.of());
  }
}

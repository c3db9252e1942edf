package org.microcredentials.submission;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.microcredentials.application.ApplicationRegister;

/** The candidate let a failed application go, or stayed silent too long: it is closed as failed. */
@Component
class CloseApplicationDelegate implements JavaDelegate {

  private final ApplicationRegister applications;
  private final Clock clock;

  CloseApplicationDelegate(ApplicationRegister applications, Clock clock) {
    this.applications = applications;
    this.clock = clock;
  }

  @Override
  public void execute(DelegateExecution execution) {
    applications.close(ApplicationRegister.keyOf(execution), ApplicationRegister.Status.FAILED, clock.instant());
  }
}

package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/**
 * A task event without a name (the loser of two submissions of one form at the same instant, seen in
 * RaceIT) is refused as a concurrent change: every API answers it 409, never a 500, and no rule is skipped.
 */
class NamelessTaskEventTest {

  @Test
  void aTaskEventWithoutANameIsRefusedAsAConcurrentChange() {
    DelegateTask task = mock(DelegateTask.class);
    when(task.getEventName()).thenReturn(null);
    when(task.getId()).thenReturn("task-1");
    UserTaskEventListener listener = new UserTaskEventListener(null, null, List.of());

    assertThatThrownBy(() -> listener.onTaskEvent(task)).isInstanceOf(OptimisticLockingException.class)
        .hasMessageContaining("task-1");
    // As the engine hands it on: wrapped in ENGINE-03051, still 409 concurrent-update.
    ProcessEngineException wrapped = new ProcessEngineException("ENGINE-03051 There was an exception while invoking "
        + "the TaskListener.", new OptimisticLockingException("A task event without a name"));
    assertThat(TransientFailures.of(wrapped)).hasValueSatisfying(problem -> {
      assertThat(problem.status()).isEqualTo(409);
      assertThat(problem.rule()).isEqualTo("concurrent-update");
    });
  }
}

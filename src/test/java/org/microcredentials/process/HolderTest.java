package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.microcredentials.RuleViolation;

/**
 * The roles a model may declare as a user task's holder: each value names one role, the one-person roles refuse
 * with the rule names clients know, and a declaration is read from the task's extension properties as Modeler
 * writes them.
 */
class HolderTest {

  @Test
  void everyValueNamesOneRole() {
    assertThat(Holder.knownValues()).doesNotHaveDuplicates().containsExactly("sem-team-assigner", "assessor",
        "candidate", "peer-reviewer", "endorser", "asked-leader", "endorsement-reviewer", "promotion-decider");
    for (Holder holder : Holder.values()) {
      assertThat(Holder.named(holder.value())).contains(holder);
    }
    assertThat(Holder.named("Assessor")).isEmpty();
    assertThat(Holder.named("")).isEmpty();
  }

  @Test
  void theOnePersonRolesRefuseWithTheRulesClientsKnow() {
    assertRefusal(Holder.ASSESSOR, "assessor-assesses", "This task belongs to the assessor carol; dave may not take it.");
    assertRefusal(Holder.CANDIDATE, "candidate-provides-evidence", "This task belongs to the candidate carol; dave may not take it.");
    assertRefusal(Holder.ENDORSER, "endorser-justifies", "This task belongs to the endorser carol; dave may not take it.");
    assertRefusal(Holder.ASKED_LEADER, "asked-leader-answers", "This task belongs to the leader asked carol; dave may not take it.");
    assertThatCode(() -> Holder.ASSESSOR.require("carol", "carol")).doesNotThrowAnyException();
  }

  @Test
  void theRolesAPolicyHoldsAreNotOnePersonOfTheRecord() {
    for (Holder holder : new Holder[] {Holder.SEM_TEAM_ASSIGNER, Holder.PEER_REVIEWER, Holder.ENDORSEMENT_REVIEWER,
        Holder.PROMOTION_DECIDER}) {
      assertThat(holder.isOnePerson()).as(holder.value()).isFalse();
      assertThatThrownBy(() -> holder.require("carol", "carol")).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aDeclarationIsReadFromTheTasksExtensionProperties() {
    assertThat(Holder.of(task("""
        <bpmn:extensionElements>
          <camunda:properties>
            <camunda:property name="colour" value="blue" />
            <camunda:property name="holder" value=" assessor " />
          </camunda:properties>
        </bpmn:extensionElements>"""), "process P")).contains(Holder.ASSESSOR);
    assertThat(Holder.of(task(""), "process P")).isEmpty();
    assertThat(Holder.of(task("""
        <bpmn:extensionElements>
          <camunda:properties><camunda:property name="colour" value="blue" /></camunda:properties>
        </bpmn:extensionElements>"""), "process P")).isEmpty();
  }

  @Test
  void aValueNamingNoRoleIsRefusedWithTheTaskAndTheRolesNamed() {
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> Holder.of(task("""
        <bpmn:extensionElements>
          <camunda:properties><camunda:property name="holder" value="asessor" /></camunda:properties>
        </bpmn:extensionElements>"""), "process P"));
    assertThat(refusal).isNotNull();
    assertThat(refusal.rule()).isEqualTo("holder-unknown");
    assertThat(refusal.httpStatus()).isEqualTo(400);
    assertThat(refusal).hasMessage("The user task 'Check it' (Task_Check) of process P declares holder 'asessor', which "
        + "is no role: use one of sem-team-assigner, assessor, candidate, peer-reviewer, endorser, asked-leader, "
        + "endorsement-reviewer, promotion-decider.");
    assertThat(catchThrowableOfType(RuleViolation.class, () -> Holder.of(task("""
        <bpmn:extensionElements>
          <camunda:properties><camunda:property name="holder" value="" /></camunda:properties>
        </bpmn:extensionElements>"""), "process P")).rule()).isEqualTo("holder-unknown");
  }

  private static void assertRefusal(Holder holder, String rule, String message) {
    assertThat(holder.isOnePerson()).isTrue();
    RuleViolation refusal = catchThrowableOfType(RuleViolation.class, () -> holder.require("dave", "carol"));
    assertThat(refusal).isNotNull();
    assertThat(refusal.rule()).isEqualTo(rule);
    assertThat(refusal.httpStatus()).isEqualTo(403);
    assertThat(refusal).hasMessage(message);
  }

  static UserTask task(String extensions) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Holder" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="P" isExecutable="true">
            <bpmn:userTask id="Task_Check" name="Check it">%s</bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(extensions);
    return (UserTask) Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
        .getModelElementById("Task_Check");
  }
}

package org.microcredentials.process;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.microcredentials.RuleViolation;

/**
 * Who holds a user task, as its model declares it: the Camunda extension property {@value #PROPERTY} on the user task
 * (in Camunda Modeler, the task's <i>Extension properties</i>), e.g. {@code holder = assessor}. The process owner says
 * which role holds a task; the rule of each role is here and in the feature that keeps its record: for a task that
 * belongs to one person the application names, the rule's name and how the refusal names that person
 * ({@link #require}); who that person is, the feature's own record says, never a variable. The other roles are held
 * by whoever their feature's policy allows ({@code AssignmentPolicy}, {@code ReviewPolicy},
 * {@code EndorsementPolicy}, {@code PromotionDeciders}).
 */
public enum Holder {

  /** The SEM team's assignment and reassignment of an application's work, never for their own application. */
  SEM_TEAM_ASSIGNER("sem-team-assigner"),
  /** The application's assessor: assessment, re-assessment, moderation. */
  ASSESSOR("assessor", "assessor-assesses", "the assessor"),
  /** The application's candidate: more evidence, an amendment, a promotion's evidence. */
  CANDIDATE("candidate", "candidate-provides-evidence", "the candidate"),
  /** An assessor the review rules allow: neither the candidate, the assessor nor the other reviewer. */
  PEER_REVIEWER("peer-reviewer"),
  /** The endorser of an endorsement: further justification. */
  ENDORSER("endorser", "endorser-justifies", "the endorser"),
  /** The leader an endorsement request asks. */
  ASKED_LEADER("asked-leader", "asked-leader-answers", "the leader asked"),
  /** A leader the endorsement rules allow to review: neither the endorser nor the candidate. */
  ENDORSEMENT_REVIEWER("endorsement-reviewer"),
  /** A SEM member other than the candidate: a promotion's interview and decision, hidden from the candidate. */
  PROMOTION_DECIDER("promotion-decider");

  /** The name of the extension property a user task declares its holder with. */
  public static final String PROPERTY = "holder";

  private final String value;
  private final String rule;
  private final String wording;

  Holder(String value) {
    this(value, null, null);
  }

  Holder(String value, String rule, String wording) {
    this.value = value;
    this.rule = rule;
    this.wording = wording;
  }

  /** The property's value that names this role, e.g. {@code assessor}. */
  public String value() {
    return value;
  }

  /** Whether the task belongs to one person the application names (and {@link #require} applies). */
  public boolean isOnePerson() {
    return rule != null;
  }

  /**
   * Refuses {@code person} a task of this role that belongs to {@code holder} (the person the feature's record
   * names), with the role's rule, e.g. {@code assessor-assesses}.
   */
  public void require(String person, String holder) {
    if (!isOnePerson()) {
      throw new IllegalStateException(value + " is held by a policy, not by one person of the record");
    }
    TaskHolder.require(person, holder, rule, wording);
  }

  /** The role a property value names. */
  public static Optional<Holder> named(String value) {
    return Arrays.stream(values()).filter(holder -> holder.value.equals(value)).findFirst();
  }

  /** Every value a model may declare, as a refusal lists them. */
  public static List<String> knownValues() {
    return Arrays.stream(values()).map(Holder::value).toList();
  }

  /** The value a user task declares, as written (blank counts as declared: it names no role). */
  public static Optional<String> declaredOn(UserTask task) {
    ExtensionElements extensions = task.getExtensionElements();
    if (extensions == null) {
      return Optional.empty();
    }
    return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
        .flatMap(properties -> properties.getCamundaProperties().stream())
        .filter(property -> PROPERTY.equals(property.getCamundaName()))
        .map(CamundaProperty::getCamundaValue)
        .map(declared -> declared == null ? "" : declared.strip())
        .findFirst();
  }

  /** The role a user task declares, if any; a value naming no role is refused with the known ones listed. */
  public static Optional<Holder> of(UserTask task, String process) {
    return declaredOn(task).map(declared -> named(declared).orElseThrow(() -> unknown(task, process, declared)));
  }

  static RuleViolation unknown(UserTask task, String process, String declared) {
    return RuleViolation.invalid("holder-unknown", "The user task '" + (task.getName() == null ? task.getId() : task.getName())
        + "' (" + task.getId() + ") of " + process + " declares " + PROPERTY + " '" + declared
        + "', which is no role: use one of " + String.join(", ", knownValues()) + ".");
  }
}

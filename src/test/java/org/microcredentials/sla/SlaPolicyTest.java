package org.microcredentials.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.microcredentials.process.Holder;

/**
 * The SLA report's rule, case by case, in Java; and the same conditions as SQL give the same answer on every
 * case, null facts included (three-valued logic), on a bare in-memory H2 database. The tasks it watches are those
 * whose model gives them to an assessor or a reviewer.
 */
class SlaPolicyTest {

  private static final Instant DUE = Instant.parse("2026-11-14T00:00:00Z");
  private static final Instant BEFORE = DUE.minusSeconds(3600);
  private static final Instant AFTER = DUE.plusSeconds(3600);
  private static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

  private static SlaPolicy.AssigneeChange given(Instant at, String assigneeNow, Instant ended) {
    return new SlaPolicy.AssigneeChange("carol", true, false, at, "erin", assigneeNow, DUE, ended);
  }

  private static SlaPolicy.AssigneeChange relieved(Instant at, String byWhom) {
    return new SlaPolicy.AssigneeChange("carol", false, true, at, byWhom, "grace", DUE, null);
  }

  static List<Arguments> cases() {
    return List.of(
        Arguments.of("given by the due date, still hers, open past it", given(BEFORE, "carol", null), NOW, true, false),
        Arguments.of("given by the due date, still hers, ended after it", given(BEFORE, "carol", AFTER), NOW, true, false),
        Arguments.of("given at the due date itself, open past it", given(DUE, "carol", null), NOW, true, false),
        Arguments.of("given by the due date, ended before it", given(BEFORE, "carol", BEFORE), NOW, false, false),
        Arguments.of("given by the due date, open, not yet due", given(BEFORE, "carol", null), BEFORE, false, false),
        Arguments.of("handed to her already late", given(AFTER, "carol", null), NOW, false, false),
        Arguments.of("given by the due date, handed on since", given(BEFORE, "grace", null), NOW, false, false),
        Arguments.of("given, nobody holds it now", given(BEFORE, null, null), NOW, false, false),
        Arguments.of("relieved after the due date by the SEM team", relieved(AFTER, "erin"), NOW, true, true),
        Arguments.of("relieved after the due date, by whom not recorded", relieved(AFTER, null), NOW, true, true),
        Arguments.of("unclaimed by herself after the due date", relieved(AFTER, "carol"), NOW, true, false),
        Arguments.of("relieved before the due date", relieved(BEFORE, "erin"), NOW, false, false),
        Arguments.of("relieved, when not recorded", relieved(null, "erin"), NOW, false, false),
        Arguments.of("given, when not recorded", given(null, "carol", null), NOW, false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void javaAndSqlAgreeOnEveryCase(String name, SlaPolicy.AssigneeChange change, Instant now, boolean overdue,
      boolean escalated) throws SQLException {
    assertThat(SlaPolicy.OVERDUE.test(change, now)).as("overdue in Java").isEqualTo(overdue);
    assertThat(SlaPolicy.ESCALATED.test(change, now)).as("escalated in Java").isEqualTo(escalated);
    assertThat(inSql(SlaPolicy.OVERDUE, change, now)).as("overdue in SQL").isEqualTo(overdue);
    assertThat(inSql(SlaPolicy.ESCALATED, change, now)).as("escalated in SQL").isEqualTo(escalated);
  }

  @Test
  void theSqlNamesTheColumnsItIsGiven() {
    SlaPolicy.Columns history = new SlaPolicy.Columns("l.user_id_", "l.operation_type_", "l.timestamp_",
        "l.assigner_id_", "t.assignee_", "t.due_date_", "t.end_time_", ":now");
    assertThat(SlaPolicy.ESCALATED.sql(history)).isEqualTo("((l.operation_type_ = 'delete' and l.timestamp_ > t.due_date_)"
        + " and (l.assigner_id_ is null or l.assigner_id_ <> l.user_id_))");
    assertThat(SlaPolicy.OVERDUE.sql(history)).isEqualTo("((l.operation_type_ = 'add' and t.assignee_ = l.user_id_"
        + " and l.timestamp_ <= t.due_date_ and coalesce(t.end_time_, :now) > t.due_date_)"
        + " or (l.operation_type_ = 'delete' and l.timestamp_ > t.due_date_))");
  }

  @Test
  void theWatchedTasksAreTheAssessorsAndReviewersTasks() throws IOException {
    assertThat(SlaPolicy.WATCHED_ROLES).containsExactlyInAnyOrder(Holder.ASSESSOR, Holder.PEER_REVIEWER,
        Holder.ENDORSEMENT_REVIEWER);
    Set<String> watched = new TreeSet<>();
    try (Stream<Path> files = Files.list(Path.of("processes"))) {
      for (Path file : files.filter(each -> each.toString().endsWith(".bpmn")).toList()) {
        watched.addAll(SlaPolicy.watchedTasksOf(Bpmn.readModelFromFile(file.toFile())));
      }
    }
    assertThat(watched).containsExactlyInAnyOrder("Task_AssessEvidence", "Task_ReassessEvidence",
        "Task_ModerateScore", "Task_PeerReview", "Task_ReviewEndorsement");
  }

  @Test
  void aTaskIsWatchedByTheRoleItsModelDeclares() {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream("""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Round" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="P_Round" isExecutable="true" camunda:historyTimeToLive="P1D">
            %s
            %s
            %s
            %s
            %s
            %s
            <bpmn:userTask id="Task_Undeclared" />
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(task("Task_SecondAssessment", "assessor"), task("Task_CalibrationReview", "peer-reviewer"),
            task("Task_ReviewEndorsementAgain", "endorsement-reviewer"), task("Task_MoreEvidence", "candidate"),
            task("Task_Assign", "sem-team-assigner"), task("Task_Misspelt", "asessor"))
        .getBytes(StandardCharsets.UTF_8)));
    assertThat(SlaPolicy.watchedTasksOf(model)).containsExactly("Task_CalibrationReview", "Task_ReviewEndorsementAgain",
        "Task_SecondAssessment");
  }

  private static String task(String id, String holder) {
    return """
        <bpmn:userTask id="%s"><bpmn:extensionElements><camunda:properties>
          <camunda:property name="holder" value="%s" />
        </camunda:properties></bpmn:extensionElements></bpmn:userTask>""".formatted(id, holder);
  }

  private static boolean inSql(SlaPolicy.Condition condition, SlaPolicy.AssigneeChange change, Instant now)
      throws SQLException {
    SlaPolicy.Columns columns = new SlaPolicy.Columns("person", "operation", "at", "by_whom", "assignee_now", "due",
        "ended", "now_");
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:")) {
      connection.createStatement().execute("""
          create table change_facts (person varchar(64), operation varchar(16), at timestamp, by_whom varchar(64),
            assignee_now varchar(64), due timestamp, ended timestamp, now_ timestamp)""");
      try (PreparedStatement insert = connection.prepareStatement("insert into change_facts values (?, ?, ?, ?, ?, ?, ?, ?)")) {
        insert.setString(1, change.person());
        insert.setString(2, change.given() ? "add" : change.relieved() ? "delete" : null);
        insert.setTimestamp(3, timestamp(change.at()));
        insert.setString(4, change.byWhom());
        insert.setString(5, change.assigneeNow());
        insert.setTimestamp(6, timestamp(change.due()));
        insert.setTimestamp(7, timestamp(change.ended()));
        insert.setTimestamp(8, timestamp(now));
        insert.executeUpdate();
      }
      try (ResultSet rs = connection.createStatement()
          .executeQuery("select count(*) from change_facts where " + condition.sql(columns))) {
        rs.next();
        return rs.getLong(1) == 1;
      }
    }
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}

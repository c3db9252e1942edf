package org.microcredentials.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.endorsement.EndorsementProperties;
import org.microcredentials.sla.ServiceLevels;

/** Who a notification step writes and what, without an engine or a mail server: the people come from the identity service. */
class NotificationsTest {

  private final IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final List<Message> sent = new ArrayList<>();

  private static final Map<String, Object> VALUES = Map.of("skillCode", "iLAN", "skillLevel", 3,
      "candidateName", "Alice Example", "skillName", "Language Knowledge");

  @Test
  void eachPersonAndGroupMemberWithAnAddressIsWrittenOnceExceptThoseExcepted() {
    User carol = person("carol", "Carol", "carol@example.org");
    User erin = person("erin", "Erin", "erin@example.org");
    User ivan = person("ivan", "Ivan", "ivan@example.org");
    User henry = person("henry", "Henry", null);
    when(identity.createUserQuery().userId("carol").singleResult()).thenReturn(carol);
    when(identity.createUserQuery().userId("henry").singleResult()).thenReturn(henry);
    when(identity.createUserQuery().userId("nobody").singleResult()).thenReturn(null);
    when(identity.createUserQuery().memberOfGroup("sem-team").unlimitedList()).thenReturn(List.of(erin, ivan, carol));

    notifications(sent::add).send(new Notifications.Notification("assessment-assigned",
        "carol, group:sem-team,henry,nobody,", "ivan", "APP-2026-000123", VALUES, "job-1.ServiceTask_NotifyAssessor"));

    assertThat(sent).extracting(Message::toUserId, Message::toAddress, Message::deliveryId).containsExactly(
        tuple("carol", "carol@example.org", "job-1.ServiceTask_NotifyAssessor.carol"),
        tuple("erin", "erin@example.org", "job-1.ServiceTask_NotifyAssessor.erin"));
    assertThat(sent.get(0).subject()).isEqualTo("Please assess iLAN:3 for Alice Example (APP-2026-000123)");
    assertThat(sent.get(0).body()).startsWith("Hello Carol,");
    assertThat(sent.get(1).body()).startsWith("Hello Erin,");
    assertThat(sent.get(1).html()).contains("Hello Erin,");
  }

  @Test
  void aFailedDeliveryIsCountedByTemplateAndThrownSoTheJobRetries() {
    User carol = person("carol", "Carol", "carol@example.org");
    when(identity.createUserQuery().userId("carol").singleResult()).thenReturn(carol);
    Notifier down = message -> {
      throw new IllegalStateException("Mail server connection failed");
    };

    assertThatThrownBy(() -> notifications(down).send(new Notifications.Notification("assessment-assigned", "carol", null,
        "APP-2026-000123", VALUES, "job-1.ServiceTask_NotifyAssessor"))).hasMessage("Mail server connection failed");
    assertThat(meters.get("microcredentials.mail.failures").tag("template", "assessment-assigned").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aMailQuotesTheRulesTheOrganisationConfiguredNotTheDefaults() {
    User carol = person("carol", "Carol", "carol@example.org");
    when(identity.createUserQuery().userId("carol").singleResult()).thenReturn(carol);
    ServiceLevels serviceLevels = mock(ServiceLevels.class);
    when(serviceLevels.responseTime()).thenReturn(Duration.ofDays(10));
    when(serviceLevels.furtherWaitBeforeReassignment()).thenReturn(Duration.ofDays(3));
    QuotedRules rules = new QuotedRules(new MicroCredentialsProperties(7, null, null, null, null, Period.ofYears(3)),
        new EndorsementProperties(null, 6, null, null, null, null, null), serviceLevels);
    Notifications notifications = new Notifications(new NotificationTemplates(), sent::add, identity, meters, rules);

    notifications.send(new Notifications.Notification("assessment-assigned", "carol", null, "APP-2026-000123", VALUES,
        "job-1.ServiceTask_NotifyAssessor"));
    notifications.send(new Notifications.Notification("endorsement-started", "carol", null, "END-2026-000001",
        Map.of("endorserName", "Dave", "candidateName", "Alice", "skillCode", "iLAN", "skillLevel", 3, "score", 9),
        "job-2.ServiceTask_NotifyLineManager"));
    notifications.send(new Notifications.Notification("endorsement-approved", "carol", null, "END-2026-000001",
        Map.of("endorserName", "Dave", "candidateName", "Alice", "skillCode", "iLAN", "skillLevel", 3, "score", 9),
        "job-3.ServiceTask_NotifyApproved"));

    assertThat(sent.get(0).body()).contains("Our response guideline is ten days.").doesNotContain("two weeks");
    assertThat(sent.get(1).body()).contains("Another leader of level 6 or above reviews it next.");
    assertThat(sent.get(2).body()).contains("counts\nfor promotion for three years.");
    notifications.send(new Notifications.Notification("task-overdue", "carol", null, "APP-2026-000123", VALUES,
        "job-4.ServiceTask_NotifyOverdue"));
    assertThat(sent.get(3).body()).contains("is past its response time of ten days.",
        "if it stays open three days longer.");
  }

  private Notifications notifications(Notifier notifier) {
    ServiceLevels serviceLevels = mock(ServiceLevels.class);
    when(serviceLevels.responseTime()).thenReturn(Duration.ofDays(14));
    when(serviceLevels.furtherWaitBeforeReassignment()).thenReturn(Duration.ofDays(7));
    return new Notifications(new NotificationTemplates(), notifier, identity, meters,
        new QuotedRules(MicroCredentialsProperties.defaults(), EndorsementProperties.defaults(), serviceLevels));
  }

  private static User person(String id, String firstName, String email) {
    User user = mock(User.class);
    when(user.getId()).thenReturn(id);
    when(user.getFirstName()).thenReturn(firstName);
    when(user.getEmail()).thenReturn(email);
    return user;
  }
}

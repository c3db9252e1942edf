package org.microcredentials.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

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

  private Notifications notifications(Notifier notifier) {
    return new Notifications(new NotificationTemplates(), notifier, identity, meters);
  }

  private static User person(String id, String firstName, String email) {
    User user = mock(User.class);
    when(user.getId()).thenReturn(id);
    when(user.getFirstName()).thenReturn(firstName);
    when(user.getEmail()).thenReturn(email);
    return user;
  }
}

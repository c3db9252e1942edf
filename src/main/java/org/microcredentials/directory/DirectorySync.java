package org.microcredentials.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.naming.ldap.LdapName;
import org.microcredentials.directory.DirectoryLevelDecisions.Decision;
import org.microcredentials.directory.DirectoryReader.DirectoryPerson;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.IdentityChanged;
import org.microcredentials.framework.Organisation;
import org.microcredentials.framework.Seniority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation read from the directory: each person's seniority level, role title and line manager into our
 * table ({@link Organisation}), from which the level groups follow. Run on a schedule and on demand.
 *
 * <p>The directory is HR's; a level decided in the application ({@link DirectoryLevelDecisions}) holds until the
 * directory has caught up with it, and is listed meanwhile. People the organisation cannot take as they are written
 * in the directory are listed too: an unknown or missing level (they sign in, but are in no level group: they neither
 * assess nor endorse), a line manager outside the directory (kept without one).
 *
 * <p>Safe on a cluster: the directory is read first, then one transaction holds the {@code directory_sync} row and
 * the engineers' rows while it writes, so two nodes syncing at once run one after the other, the second finding
 * nothing to change; a promotion decided meanwhile waits for the sync's commit or the sync for the promotion's.
 */
@Service
@Profile("ldap")
public class DirectorySync {

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySync.class);

  /** What a sync did: the answer of {@code POST /api/organisation/sync}. */
  public record Report(Instant syncedAt, int peopleRead, List<Change> changed, List<Unmapped> unmapped,
      List<DirectoryBehind> directoryBehind, List<String> notInDirectory) {
  }

  /** One field of one person changed; {@code field} {@code added} for a person new to the organisation. */
  public record Change(String userId, String field, Object from, Object to) {
  }

  /** What of a person could not be taken from the directory, and why ({@code problem} names the rule). */
  public record Unmapped(String userId, String problem, String value, String detail) {
  }

  /** A level decided in the application that the directory does not show yet. */
  public record DirectoryBehind(String userId, int levelInApplication, Integer levelInDirectory, int previousLevel,
      Instant decidedAt) {
  }

  /** The state without a sync: {@code GET /api/organisation/sync}. */
  public record Status(Instant lastSyncedAt, List<DirectoryBehind> directoryBehind) {
  }

  private final DirectoryReader reader;
  private final Organisation organisation;
  private final DirectoryLevelDecisions decisions;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  DirectorySync(DirectoryReader reader, Organisation organisation, DirectoryLevelDecisions decisions, JdbcClient jdbc,
      TransactionTemplate transaction, Clock clock, ApplicationEventPublisher events) {
    this.reader = reader;
    this.organisation = organisation;
    this.decisions = decisions;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.clock = clock;
    this.events = events;
  }

  public Report sync() {
    List<DirectoryPerson> people = reader.people();
    Report report = transaction.execute(status -> apply(people));
    LOG.info("Organisation synced from the directory: {} people read, {} changes, {} unmapped, {} levels the directory "
        + "has not caught up with", report.peopleRead(), report.changed().size(), report.unmapped().size(),
        report.directoryBehind().size());
    if (!report.changed().isEmpty()) {
      // A level changed is a level group joined or left.
      events.publishEvent(new IdentityChanged("the directory sync: " + report.changed().size() + " changes"));
    }
    return report;
  }

  public Status status() {
    Instant last = jdbc.sql("select synced_at from directory_sync where id = 1").query(OffsetDateTime.class).optional()
        .map(OffsetDateTime::toInstant).orElse(null);
    return new Status(last, decisions.all().stream().map(DirectorySync::behind).toList());
  }

  private Report apply(List<DirectoryPerson> people) {
    jdbc.sql("select id from directory_sync where id = 1 for update").query(Integer.class).single();
    jdbc.sql("select user_id from engineer order by user_id for update").query(String.class).list();
    Map<String, Engineer> before = organisation.all().stream()
        .collect(Collectors.toMap(Engineer::userId, Function.identity()));
    Map<String, Decision> pending = decisions.all().stream()
        .collect(Collectors.toMap(Decision::userId, Function.identity()));
    Map<LdapName, String> userIdByDn = new HashMap<>();
    people.stream().filter(person -> person.dn() != null).forEach(person -> userIdByDn.put(person.dn(), person.userId()));

    List<Unmapped> unmapped = new ArrayList<>();
    List<DirectoryBehind> behind = new ArrayList<>();
    Map<String, Integer> levels = new LinkedHashMap<>();
    for (DirectoryPerson person : people) {
      level(person).ifPresentOrElse(level -> levels.put(person.userId(), level), () -> unmapped.add(
          new Unmapped(person.userId(), person.level() == null ? "missing-level" : "unknown-level", person.level(),
              "No seniority level from " + Seniority.LOWEST + " to " + Seniority.HIGHEST + ": signs in, but neither "
                  + "assesses nor endorses" + (before.containsKey(person.userId()) ? "; keeps the level last read" : "")
                  + ".")));
    }

    Map<String, Engineer> targets = new LinkedHashMap<>();
    for (DirectoryPerson person : people) {
      Integer directoryLevel = levels.get(person.userId());
      if (directoryLevel == null) {
        continue;
      }
      Engineer existing = before.get(person.userId());
      int level = directoryLevel;
      String title = person.title() == null || person.title().isBlank() ? Seniority.defaultRole(level) : person.title();
      Decision decision = pending.get(person.userId());
      if (decision != null) {
        if (decision.caughtUpBy(directoryLevel)) {
          decisions.caughtUp(person.userId());
        } else {
          decisions.directorySays(person.userId(), directoryLevel);
          behind.add(new DirectoryBehind(person.userId(), decision.decidedLevel(), directoryLevel, decision.previousLevel(),
              decision.decidedAt().toInstant()));
          level = existing == null ? decision.decidedLevel() : existing.seniorityLevel();
          title = existing == null ? Seniority.defaultRole(level) : existing.roleTitle();
        }
      }
      String lineManagerId = lineManager(person, userIdByDn, levels, before, unmapped);
      targets.put(person.userId(), new Engineer(person.userId(), limit(person.displayName(), 200),
          limit(person.email(), 254), level, limit(title, 100), lineManagerId));
    }
    pending.values().stream()
        .filter(decision -> !levels.containsKey(decision.userId()))
        .forEach(decision -> behind.add(behind(decision)));

    // Everyone first with the line manager they had (or none, if new), then the managers: a manager's row exists
    // before anyone points at it.
    for (Engineer target : targets.values()) {
      Engineer existing = before.get(target.userId());
      organisation.save(withManager(target, existing == null ? null : existing.lineManagerId()));
    }
    List<Change> changed = new ArrayList<>();
    for (Engineer target : targets.values()) {
      Engineer existing = before.get(target.userId());
      if (!Objects.equals(target.lineManagerId(), existing == null ? null : existing.lineManagerId())) {
        organisation.save(target);
      }
      changed.addAll(changes(existing, target));
    }
    Set<String> read = people.stream().map(DirectoryPerson::userId).collect(Collectors.toSet());
    List<String> notInDirectory = before.keySet().stream().filter(userId -> !read.contains(userId)).sorted().toList();
    Instant now = clock.instant();
    jdbc.sql("update directory_sync set synced_at = ? where id = 1")
        .param(OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).update();
    return new Report(now, people.size(), changed, unmapped, behind, notInDirectory);
  }

  private static Optional<Integer> level(DirectoryPerson person) {
    if (person.level() == null) {
      return Optional.empty();
    }
    try {
      int level = Integer.parseInt(person.level().strip());
      return Seniority.isOnLadder(level) ? Optional.of(level) : Optional.empty();
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }

  /** The line manager's user id, if the directory names one the organisation has. */
  private static String lineManager(DirectoryPerson person, Map<LdapName, String> userIdByDn, Map<String, Integer> levels,
      Map<String, Engineer> before, List<Unmapped> unmapped) {
    if (person.managerDn() == null || person.managerDn().isBlank()) {
      return null;
    }
    LdapName dn = DirectoryReader.name(person.managerDn());
    String lineManagerId = dn == null ? null : userIdByDn.get(dn);
    if (lineManagerId == null) {
      unmapped.add(new Unmapped(person.userId(), "manager-outside-directory", person.managerDn(),
          "The line manager is not a person of the directory: kept without one."));
      return null;
    }
    if (lineManagerId.equals(person.userId())) {
      unmapped.add(new Unmapped(person.userId(), "manager-is-self", person.managerDn(),
          "Names themselves as line manager: kept without one."));
      return null;
    }
    if (!levels.containsKey(lineManagerId) && !before.containsKey(lineManagerId)) {
      unmapped.add(new Unmapped(person.userId(), "manager-without-level", person.managerDn(),
          "The line manager '" + lineManagerId + "' has no seniority level, so is not in the organisation: kept without one."));
      return null;
    }
    return lineManagerId;
  }

  private static List<Change> changes(Engineer before, Engineer after) {
    if (before == null) {
      return List.of(new Change(after.userId(), "added", null, after.seniorityLevel()));
    }
    List<Change> changes = new ArrayList<>();
    compare(changes, after.userId(), "seniorityLevel", before.seniorityLevel(), after.seniorityLevel());
    compare(changes, after.userId(), "roleTitle", before.roleTitle(), after.roleTitle());
    compare(changes, after.userId(), "lineManagerId", before.lineManagerId(), after.lineManagerId());
    compare(changes, after.userId(), "displayName", before.displayName(), after.displayName());
    compare(changes, after.userId(), "email", before.email(), after.email());
    return changes;
  }

  private static void compare(List<Change> changes, String userId, String field, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      changes.add(new Change(userId, field, before, after));
    }
  }

  private static Engineer withManager(Engineer engineer, String lineManagerId) {
    return new Engineer(engineer.userId(), engineer.displayName(), engineer.email(), engineer.seniorityLevel(),
        engineer.roleTitle(), lineManagerId);
  }

  private static DirectoryBehind behind(Decision decision) {
    return new DirectoryBehind(decision.userId(), decision.decidedLevel(), decision.directoryLevel(),
        decision.previousLevel(), decision.decidedAt().toInstant());
  }

  private static String limit(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length);
  }
}

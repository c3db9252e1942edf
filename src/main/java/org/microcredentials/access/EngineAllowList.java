package org.microcredentials.access;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.microcredentials.framework.Groups;

/**
 * The operations of Camunda's engine REST API that people other than administrators may call, on
 * {@code /engine-rest} and on the webapps' engine API alike: what Tasklist needs (everyone), what
 * Cockpit's read-only views need (the SEM team), and the REST flows docs/rest.md and docs/walkthrough.md document. Every
 * other operation is refused (403, rule {@code engine-allow-list}), so an operation a future
 * Camunda release adds is closed until someone decides who may use it and lists it here.
 *
 * <p>An operation is written as the engine's REST documentation writes it: the HTTP method and the
 * URI template Jersey matched ({@code POST /task/{id}/complete}), without the {@code /engine/{name}}
 * prefix. The list says who may call it and under which {@linkplain Condition conditions}; Camunda's
 * authorizations and the rules in the engine still decide what each person sees and changes (the
 * second line). {@code docs/security.md} holds the same list as a table, and a test keeps the two
 * the same.
 */
public final class EngineAllowList {

  /** Who may call a listed operation. */
  public enum Role {
    /** Every authenticated person (all are in {@code engineers}). */
    EVERYONE(null),
    /** The SEM team: Cockpit's read-only views and the task fields only they set. */
    SEM_TEAM(Groups.SEM_TEAM);

    private final String group;

    Role(String group) {
      this.group = group;
    }

    boolean includes(Collection<String> groups) {
      return group == null || groups.contains(group);
    }

    public String label() {
      return this == EVERYONE ? "everyone" : "`" + group + "`";
    }
  }

  /** What a call of a listed operation must also satisfy. Each is checked by {@link EngineAllowListFilter}. */
  public enum Condition {
    /**
     * A query filters and sorts by no variable: a filter on values a person may not read answers
     * "one or none", an oracle (a candidate read the SEM team's interview notes a letter at a time).
     */
    NO_VARIABLE_FILTERS("no-variable-filters", "no variable filter or variable sorting"),
    /** Variables are JSON or primitives: no {@code Object} value is built from a person's request. */
    NO_OBJECT_VARIABLES("no-object-variables", "variables of the types a form sends only: no Object, Xml, File or Bytes"),
    /** A start at the start event: no start instructions, skipped listeners or skipped input mappings. */
    START_AT_START_EVENT("start-at-start-event", "at the start event: no start instructions or skip flags"),
    /** The person named in the call ({@code id} or {@code userId}) is the caller. */
    SELF_ONLY("self-only", "only about the caller"),
    ;

    private final String rule;
    private final String description;

    Condition(String rule, String description) {
      this.rule = rule;
      this.description = description;
    }

    public String rule() {
      return rule;
    }

    public String description() {
      return description;
    }
  }

  /** One listed operation. */
  public record Entry(String operation, Role role, Set<Condition> conditions, String why) {
  }

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    // Tasklist and the documented REST flows: everyone.
    everyone("the engine's name (Tasklist, clients)", "GET /engine", "GET /version");
    everyone("task lists, Tasklist and GET /engine-rest/task?processInstanceBusinessKey=",
        Set.of(Condition.NO_VARIABLE_FILTERS), "GET /task", "POST /task", "GET /task/count", "POST /task/count");
    everyone("a task and its form", "GET /task/{id}", "GET /task/{id}/form", "GET /task/{id}/deployed-form",
        "GET /task/{id}/form-variables", "GET /task/{id}/variables", "GET /task/{id}/variables/{varId}",
        "GET /task/{id}/localVariables", "GET /task/{id}/localVariables/{varId}", "GET /task/{id}/identity-links");
    everyone("Tasklist's History tab of a task (what Camunda's authorizations let the person read)",
        "GET /task/{id}/comment", "GET /history/user-operation", "GET /history/user-operation/count");
    everyone("taking and giving back a task", "POST /task/{id}/claim", "POST /task/{id}/unclaim");
    everyone("completing a task; the task-inputs rule applies", Set.of(Condition.NO_OBJECT_VARIABLES),
        "POST /task/{id}/complete", "POST /task/{id}/submit-form");
    everyone("Tasklist's filters, as an administrator made them (OPTIONS: whether Tasklist offers to create one)",
        "GET /filter", "GET /filter/count", "GET /filter/{id}", "OPTIONS /filter");
    everyone("Tasklist's task list through a filter", Set.of(Condition.NO_VARIABLE_FILTERS),
        "GET /filter/{id}/list", "POST /filter/{id}/list", "GET /filter/{id}/count", "POST /filter/{id}/count");
    everyone("what a person may start, its start form and diagram", "GET /process-definition",
        "GET /process-definition/count", "GET /process-definition/{id}", "GET /process-definition/key/{key}",
        "GET /process-definition/{id}/startForm", "GET /process-definition/key/{key}/startForm",
        "GET /process-definition/{id}/deployed-start-form", "GET /process-definition/key/{key}/deployed-start-form",
        "GET /process-definition/{id}/form-variables", "GET /process-definition/key/{key}/form-variables",
        "GET /process-definition/{id}/xml", "GET /process-definition/key/{key}/xml");
    everyone("starting an application, endorsement or request; the start rules apply",
        Set.of(Condition.START_AT_START_EVENT, Condition.NO_OBJECT_VARIABLES),
        "POST /process-definition/{id}/start", "POST /process-definition/key/{key}/start",
        "POST /process-definition/{id}/submit-form", "POST /process-definition/key/{key}/submit-form");
    everyone("following one's own applications (state, activity, business key)", Set.of(Condition.NO_VARIABLE_FILTERS),
        "GET /process-instance", "POST /process-instance", "GET /process-instance/count", "POST /process-instance/count",
        "GET /history/process-instance", "POST /history/process-instance", "GET /history/process-instance/count",
        "POST /history/process-instance/count", "GET /history/task", "POST /history/task", "GET /history/task/count",
        "POST /history/task/count", "GET /history/activity-instance", "POST /history/activity-instance",
        "GET /history/activity-instance/count", "POST /history/activity-instance/count");
    everyone("one of one's own applications", "GET /process-instance/{id}",
        "GET /process-instance/{id}/activity-instances", "GET /history/process-instance/{id}");
    everyone("the people directory (names in Tasklist)", "GET /user", "GET /user/count", "GET /user/{id}/profile",
        "GET /group", "POST /group", "GET /group/count", "POST /group/count", "GET /group/{id}",
        "GET /identity/password-policy", "POST /identity/password-policy");
    everyone("one's own groups, permissions and password", Set.of(Condition.SELF_ONLY), "GET /identity/groups",
        "GET /authorization/check", "PUT /user/{id}/credentials");

    // The SEM team: Cockpit's read-only views, and the task fields only they set.
    sem("due dates and the other fields of a task", "PUT /task/{id}");
    sem("Cockpit: models and their statistics", "GET /process-definition/statistics", "GET /decision-definition/count",
        "GET /process-definition/{id}/statistics", "GET /process-definition/key/{key}/statistics",
        "GET /process-definition/{id}/static-called-process-definitions",
        "GET /process-definition/{id}/diagram", "GET /deployment", "GET /deployment/count", "GET /deployment/{id}",
        "GET /deployment/{id}/resources", "GET /deployment/{id}/resources/{resourceId}",
        "GET /deployment/{id}/resources/{resourceId}/data");
    sem("Cockpit: running instances and what waits in them", "GET /process-instance/{id}/variables",
        "GET /process-instance/{id}/variables/{varId}", "GET /execution", "POST /execution", "GET /execution/count",
        "POST /execution/count", "GET /execution/{id}", "GET /event-subscription", "GET /event-subscription/count",
        "GET /variable-instance", "POST /variable-instance", "GET /variable-instance/count",
        "POST /variable-instance/count", "GET /variable-instance/{id}", "GET /task/report/candidate-group-count");
    sem("Cockpit: jobs and incidents, read only", "GET /job", "POST /job", "GET /job/count", "POST /job/count",
        "GET /job/{id}", "GET /job/{id}/stacktrace", "GET /job-definition", "POST /job-definition",
        "GET /job-definition/count", "POST /job-definition/count", "GET /job-definition/{id}", "GET /incident",
        "GET /incident/count", "GET /incident/{id}");
    sem("Cockpit: history of applications", "GET /history/activity-instance/{id}", "GET /history/variable-instance",
        "POST /history/variable-instance", "GET /history/variable-instance/count",
        "POST /history/variable-instance/count", "GET /history/variable-instance/{id}", "GET /history/detail",
        "POST /history/detail", "GET /history/detail/count", "GET /history/incident", "GET /history/incident/count",
        "GET /history/job-log", "POST /history/job-log", "GET /history/job-log/count", "POST /history/job-log/count",
        "GET /history/identity-link-log",
        "GET /history/identity-link-log/count");
  }

  private EngineAllowList() {
  }

  private static void everyone(String why, String... operations) {
    add(Role.EVERYONE, Set.of(), why, operations);
  }

  private static void everyone(String why, Set<Condition> conditions, String... operations) {
    add(Role.EVERYONE, conditions, why, operations);
  }

  private static void sem(String why, String... operations) {
    add(Role.SEM_TEAM, Set.of(), why, operations);
  }

  private static void add(Role role, Set<Condition> conditions, String why, String... operations) {
    for (String operation : operations) {
      if (ENTRIES.put(operation, new Entry(operation, role, conditions, why)) != null) {
        throw new IllegalStateException(operation + " is listed twice");
      }
    }
  }

  /** The entry of an operation ({@code POST /task/{id}/complete}), if it is listed. */
  public static Optional<Entry> entry(String operation) {
    return Optional.ofNullable(ENTRIES.get(operation));
  }

  /** Whether a person in these groups may call the operation (its conditions aside). */
  public static boolean allows(String operation, Collection<String> groups) {
    return entry(operation).map(entry -> entry.role().includes(groups)).orElse(false);
  }

  /** Every listed operation, in the order of the list. */
  public static List<Entry> entries() {
    return List.copyOf(ENTRIES.values());
  }
}

package org.microcredentials.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginRootResource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.webapp.plugin.resource.AbstractAppPluginRootResource;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.microcredentials.process.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refuses every call of the engine's REST API that is not on {@link EngineAllowList} for the caller
 * (403, rule {@code engine-allow-list}), or that breaks a condition of its entry (the condition's
 * rule). Administrators call everything. Runs on {@code /engine-rest} and on the webapps' engine API
 * (Tasklist, Cockpit), before any other filter of ours and before the engine does anything.
 *
 * <p>The operation is the URI template Jersey routed the call to, never the URL's text: matrix
 * parameters, percent-encoding, double slashes and the {@code engine/{name}} prefix are the same
 * operation here.
 *
 * <p>The webapps' plugin APIs ({@code /camunda/api/cockpit/plugin/base/{engine}/process-instance}) are not the
 * engine's REST API but read the same data in their own query language, and Camunda lets anyone logged in to any
 * webapp call them: Cockpit's are the SEM team's, as Cockpit is, every other webapp's the administrators'. Their
 * static files stay open (the webapps' pages load them before anyone logs in).
 */
@Priority(Priorities.AUTHORIZATION - 100)
public class EngineAllowListFilter implements ContainerRequestFilter {

  static final String RULE = "engine-allow-list";
  private static final Logger LOG = LoggerFactory.getLogger(EngineAllowListFilter.class);
  /** Where Camunda's engine REST resources live; the webapps' own plugin APIs have their own checks. */
  private static final String ENGINE_REST_PACKAGE = "org.camunda.bpm.engine.rest.";
  private static final String ENGINE_PREFIX = "/engine/{name}";
  static final int MAX_NESTING = 64;
  /** Bodies nested deeper than any request of the engine's API are refused by Jackson, not followed. */
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build()).build());

  @Context
  ResourceInfo resourceInfo;

  @Context
  ExtendedUriInfo uriInfo;

  @Override
  public void filter(ContainerRequestContext request) throws IOException {
    boolean pluginCall = webappPluginCall();
    if (!pluginCall && !engineRestCall()) {
      return;
    }
    String operation = operation(request.getMethod(), uriInfo.getMatchedTemplates());
    if ("GET /engine".equals(operation)) {
      return; // The engine's name only; Camunda answers it without credentials.
    }
    // The engine's own record of who acts for this request (HTTP Basic or the webapps' session).
    IdentityService identity = currentIdentity();
    if (Actors.administratorActs(identity)) {
      return;
    }
    var caller = identity.getCurrentAuthentication();
    String user = caller == null ? null : caller.getUserId();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (pluginCall) {
      // Cockpit's instance query takes variable filters checked only against READ on the instance: through it a
      // candidate, who may follow her own application, read its hidden variables a letter at a time.
      boolean cockpit = uriInfo.getMatchedResources().stream().anyMatch(AbstractCockpitPluginRootResource.class::isInstance);
      if (user == null || !cockpit || !EngineAllowList.Role.SEM_TEAM.includes(groups)) {
        LOG.info("Refused '{}' of a webapp's plugin API to {}", operation, user);
        refuse(request, 403, RULE, "'" + operation + "' of " + (cockpit ? "Cockpit's plugin API is the SEM team's"
            : "a webapp's plugin API is the administrators'") + "; only they call it. Nothing was done.");
      }
      return;
    }
    Optional<EngineAllowList.Entry> entry = EngineAllowList.entry(operation);
    if (user == null || entry.isEmpty() || !entry.get().role().includes(groups)) {
      // Operations see here what people's clients tried that the list does not hold (a Tasklist view, a script).
      LOG.info("Refused '{}' to {}: not on the engine REST allow list", operation, user);
      refuse(request, 403, RULE, "'" + operation + "' is not among the operations people's work needs"
          + entry.map(listed -> " (it is the " + listed.role().label().replace("`", "") + "'s)").orElse("")
          + "; only an administrator calls it. Nothing was done.");
      return;
    }
    for (EngineAllowList.Condition condition : entry.get().conditions()) {
      Optional<String> broken;
      try {
        broken = broken(condition, request, user);
      } catch (UnreadableBody unreadable) {
        refuse(request, 400, "json-body", "The body of '" + operation + "' must be a JSON object nested at most "
            + MAX_NESTING + " deep. Nothing was done.");
        return;
      }
      if (broken.isPresent()) {
        refuse(request, condition == EngineAllowList.Condition.NO_OBJECT_VARIABLES ? 400 : 403, condition.rule(),
            "'" + operation + "' is allowed " + condition.description() + ": " + broken.get() + ". Nothing was done.");
        return;
      }
    }
  }

  /**
   * Whether Jersey routed the call into the engine's REST resources: the resource that answers, or
   * one it passed through (Jersey answers OPTIONS itself, behind the engine's resource).
   */
  private boolean engineRestCall() {
    Class<?> answering = resourceInfo.getResourceClass();
    return answering != null && answering.getName().startsWith(ENGINE_REST_PACKAGE)
        || uriInfo.getMatchedResources().stream().anyMatch(matched -> matched.getClass().getName()
            .startsWith(ENGINE_REST_PACKAGE));
  }

  /**
   * Whether Jersey routed the call into one of the webapps' plugin APIs (Cockpit's queries), other than the
   * static files every plugin serves ({@link AbstractAppPluginRootResource}'s own method).
   */
  private boolean webappPluginCall() {
    boolean staticFile = resourceInfo.getResourceMethod() != null
        && resourceInfo.getResourceMethod().getDeclaringClass() == AbstractAppPluginRootResource.class;
    return !staticFile && uriInfo.getMatchedResources().stream().anyMatch(AbstractAppPluginRootResource.class::isInstance);
  }

  /**
   * {@code METHOD /template} of a call, from the templates Jersey matched (innermost first), without
   * the engine's name; HEAD is GET's.
   */
  static String operation(String method, List<UriTemplate> matchedInnermostFirst) {
    StringBuilder path = new StringBuilder();
    for (int i = matchedInnermostFirst.size() - 1; i >= 0; i--) {
      String template = matchedInnermostFirst.get(i).getTemplate();
      if (!template.isEmpty() && !template.startsWith("/")) {
        path.append('/');
      }
      path.append(template);
    }
    String template = path.toString().replaceAll("\\{\\s*([\\w-]+)\\s*:[^}]*}", "{$1}").replaceAll("/{2,}", "/");
    if (template.length() > 1 && template.endsWith("/")) {
      template = template.substring(0, template.length() - 1);
    }
    if (template.startsWith(ENGINE_PREFIX)) {
      template = template.substring(ENGINE_PREFIX.length());
    }
    return ("HEAD".equals(method) ? "GET" : method) + " " + (template.isEmpty() ? "/" : template);
  }

  /** Camunda's REST layer serves the one engine of this application (the webapps name it "default"). */
  private static IdentityService currentIdentity() {
    return ProcessEngines.getDefaultProcessEngine(false).getIdentityService();
  }

  private Optional<String> broken(EngineAllowList.Condition condition, ContainerRequestContext request, String user)
      throws IOException {
    return switch (condition) {
      case NO_VARIABLE_FILTERS -> variableFilter(request.getUriInfo().getQueryParameters(), body(request));
      case NO_OBJECT_VARIABLES -> objectVariable(body(request));
      case START_AT_START_EVENT -> startPastTheStartEvent(body(request));
      case SELF_ONLY -> otherPerson(request, user);
    };
  }

  /** A variable filter or sorting by a variable, in the query string or the JSON body (and its {@code orQueries}). */
  static Optional<String> variableFilter(MultivaluedMap<String, String> query, JsonNode body) {
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      boolean given = parameter.getValue().stream().anyMatch(value -> value != null && !value.isBlank());
      if (given && (filtersByVariable(parameter.getKey())
          || "sortBy".equals(parameter.getKey()) && parameter.getValue().stream().anyMatch(EngineAllowListFilter::variableSort))) {
        return Optional.of("'" + parameter.getKey() + "' filters or sorts by variables");
      }
    }
    return variableFilter(body);
  }

  private static Optional<String> variableFilter(JsonNode query) {
    for (Map.Entry<String, JsonNode> field : query.properties()) {
      JsonNode value = field.getValue();
      boolean given = value.isArray() || value.isObject() ? !value.isEmpty() : value.isTextual() && !value.asText().isBlank();
      if (given && filtersByVariable(field.getKey())) {
        return Optional.of("'" + field.getKey() + "' filters by variables");
      }
      if ("sorting".equals(field.getKey()) || "sortBy".equals(field.getKey())) {
        for (JsonNode sorting : value.isArray() ? value : List.of(value)) {
          if (variableSort(sorting.isTextual() ? sorting.asText() : sorting.path("sortBy").asText(""))
              || sorting.hasNonNull("parameters") && !sorting.get("parameters").isEmpty()) {
            return Optional.of("'" + field.getKey() + "' sorts by a variable");
          }
        }
      }
    }
    for (JsonNode orQuery : query.path("orQueries")) {
      Optional<String> inside = variableFilter(orQuery);
      if (inside.isPresent()) {
        return inside;
      }
    }
    return Optional.empty();
  }

  private static boolean filtersByVariable(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith("variables") || lower.startsWith("variablename") || lower.startsWith("variablevalue");
  }

  private static boolean variableSort(String sortBy) {
    return sortBy != null && sortBy.toLowerCase(Locale.ROOT).contains("variable");
  }

  /**
   * The value types a form sends (Tasklist's Camunda Forms, our REST flows); no type at all lets the engine infer
   * one of them. Everything else is refused: an Object has the server build a Java object of the caller's choosing,
   * and Xml, File and Bytes are nothing a form of ours sends (Xml has no serializer here and answered 500).
   */
  private static final Set<String> VALUE_TYPES = Set.of("", "string", "boolean", "integer", "long", "short", "double",
      "date", "json", "null");

  /** A variable of type {@code Object} (any spelling), or of any type a form does not send, among those a call sends. */
  static Optional<String> objectVariable(JsonNode body) {
    for (String container : List.of("variables", "modifications")) {
      for (Map.Entry<String, JsonNode> variable : body.path(container).properties()) {
        String type = variable.getValue().path("type").asText("");
        if ("object".equalsIgnoreCase(type)) {
          return Optional.of("'" + variable.getKey() + "' is sent as an Object; send JSON or a primitive type");
        }
        if (!VALUE_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
          return Optional.of("'" + variable.getKey() + "' is sent as " + type + "; send text, a number, a boolean, a date"
              + " or JSON");
        }
      }
    }
    return Optional.empty();
  }

  static Optional<String> startPastTheStartEvent(JsonNode body) {
    JsonNode instructions = body.path("startInstructions");
    boolean past = instructions.isArray() && !instructions.isEmpty()
        || !instructions.isMissingNode() && !instructions.isNull() && !instructions.isArray()
        || body.path("skipCustomListeners").asBoolean(false)
        || body.path("skipIoMappings").asBoolean(false);
    return past ? Optional.of("process instances start at their start event and follow their model; start "
        + "instructions and skipped listeners or input mappings are for administrators only") : Optional.empty();
  }

  private static Optional<String> otherPerson(ContainerRequestContext request, String user) {
    List<String> named = new ArrayList<>();
    String pathId = request.getUriInfo().getPathParameters(true).getFirst("id");
    if (pathId != null) {
      named.add(pathId);
    }
    named.addAll(request.getUriInfo().getQueryParameters().getOrDefault("userId", List.of()));
    return named.stream().filter(name -> !name.equals(user)).findFirst()
        .map(other -> "it names " + other + ", not the caller");
  }

  /** The JSON body, kept for the resource; an empty object when there is none or it is not JSON. */
  private static JsonNode body(ContainerRequestContext request) throws IOException {
    if (!request.hasEntity() || request.getMediaType() != null && "multipart".equals(request.getMediaType().getType())) {
      return JSON.createObjectNode();
    }
    byte[] body = request.getEntityStream().readAllBytes();
    request.setEntityStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode root = JSON.readTree(body);
      return root == null || !root.isObject() ? JSON.createObjectNode() : root;
    } catch (IOException malformed) {
      // What we cannot read, we cannot check: never let the engine's reader see what ours did not.
      throw new UnreadableBody();
    }
  }

  private static void refuse(ContainerRequestContext request, int status, String rule, String message) {
    request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "RuleViolation", "rule", rule, "message", message)).build());
  }

  private static final class UnreadableBody extends RuntimeException {
    UnreadableBody() {
      super(null, null, false, false);
    }
  }
}

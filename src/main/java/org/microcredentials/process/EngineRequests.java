package org.microcredentials.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;

/**
 * A call into the engine's REST resources as Jersey routed it: which resource method runs and with
 * which path parameters, never the URL's text. Matrix parameters, percent-encoding, double or
 * trailing slashes and the {@code engine/{name}} prefix are all the same call here, on
 * {@code /engine-rest} and on the webapps' engine API alike.
 */
final class EngineRequests {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** Camunda's REST layer finds engines through this SPI; the Spring Boot starter provides it. */
  private static final Optional<ProcessEngineProvider> PROVIDER =
      ServiceLoader.load(ProcessEngineProvider.class).findFirst();

  private final ContainerRequestContext request;
  private final ResourceInfo resource;

  EngineRequests(ContainerRequestContext request, ResourceInfo resource) {
    this.request = request;
    this.resource = resource;
  }

  boolean reads() {
    String method = request.getMethod();
    return "GET".equals(method) || "OPTIONS".equals(method) || "HEAD".equals(method);
  }

  /** The simple name of the resource class that answers, e.g. {@code JobResourceImpl}. */
  String resourceClass() {
    return resource.getResourceClass() == null ? "" : resource.getResourceClass().getSimpleName();
  }

  /** The Java method that answers, e.g. {@code executeJob}. */
  String resourceMethod() {
    return resource.getResourceMethod() == null ? "" : resource.getResourceMethod().getName();
  }

  /** Marks the request (a servlet request attribute, where Jersey runs in a servlet container). */
  void mark(String name, Object value) {
    request.setProperty(name, value);
  }

  /** A path parameter as Jersey decoded it, without matrix parameters. */
  String pathParameter(String name) {
    return request.getUriInfo().getPathParameters(true).getFirst(name);
  }

  /** The engine the call names ({@code engine/{name}/...}), or the default one. */
  ProcessEngine engine() {
    ProcessEngineProvider provider = PROVIDER.orElse(null);
    if (provider == null) {
      return null;
    }
    String name = pathParameter("name");
    return name == null ? provider.getDefaultProcessEngine() : provider.getProcessEngine(name);
  }


  /** The JSON body (an empty object when there is none or it is malformed: Camunda's reader refuses that). */
  JsonNode body() throws IOException {
    byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
    request.setEntityStream(new ByteArrayInputStream(body));
    if (body.length == 0) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(body);
    } catch (IOException malformed) {
      return JSON.createObjectNode();
    }
  }

  void refuse(int status, String rule, String message) {
    request.abortWith(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
        .entity(Map.of("type", "RuleViolation", "rule", rule, "message", message)).build());
  }
}

package org.microcredentials.process;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import org.camunda.bpm.engine.rest.dto.repository.DeploymentDto;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Published when {@code /engine-rest} answers a deployment it made (create or redeploy: Camunda Modeler's deploy
 * button, a script), after the engine committed it: what the application derives from deployed models and forms
 * can follow at once ({@code framework/StartFormSkills}).
 *
 * @param deploymentId the deployment made
 */
public record DeployedThroughRest(String deploymentId) {

  /** The answers of {@code /engine-rest}, where a deployment made is announced. */
  static class Announcer implements ContainerResponseFilter {

    private final ApplicationEventPublisher events;

    Announcer(ApplicationEventPublisher events) {
      this.events = events;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
      if ("POST".equals(request.getMethod()) && response.getStatus() == 200
          && response.getEntity() instanceof DeploymentDto deployment) {
        events.publishEvent(new DeployedThroughRest(deployment.getId()));
      }
    }
  }
}

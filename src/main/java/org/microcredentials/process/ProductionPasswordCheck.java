package org.microcredentials.process;

import java.util.Set;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Production (profile postgres) never starts with an empty or well-known administrator password.
 * Checked before any bean exists, so a refused start has not created the administrator yet. Not with the
 * directory (profile ldap): there the administrator is a person of the directory, whose password the directory checks.
 */
@Component
@Profile("postgres")
class ProductionPasswordCheck implements BeanFactoryPostProcessor, EnvironmentAware {

  private static final Set<String> WELL_KNOWN = Set.of("", "admin", "demo", "password", "camunda", "changeme");

  private Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    if (environment.acceptsProfiles(Profiles.of("ldap"))) {
      return;
    }
    String adminPassword = environment.getProperty("camunda.bpm.admin-user.password", "");
    if (WELL_KNOWN.contains(adminPassword.strip().toLowerCase())) {
      throw new IllegalStateException(
          "Refusing to start: set ADMIN_PASSWORD to a password of your own (empty and well-known ones are refused).");
    }
  }
}

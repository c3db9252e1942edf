package org.microcredentials.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Our Flyway migrations run before the engine is built: Flyway refuses to start on a schema that
 * already holds tables (Camunda's) but no migration history. Without this the order depended on
 * which bean Spring happened to create first.
 */
@Component
class MigrationsBeforeEngine extends AbstractDependsOnBeanFactoryPostProcessor {

  MigrationsBeforeEngine() {
    super(ProcessEngine.class, ProcessEngineFactoryBean.class, "flywayInitializer");
  }
}

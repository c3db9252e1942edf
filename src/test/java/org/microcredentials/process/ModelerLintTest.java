package org.microcredentials.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.microcredentials.testing.RequiredPrograms;

/**
 * A model a process owner changes in Camunda Modeler passes the Modeler's own linter: the review round with the new
 * SEM-team task and the notification step built from our element template ({@link ModelerDeploymentsIT} deploys and
 * runs the same model) is linted by {@code @camunda/linting}, as {@code .ci/bpmn-lint} lints the models of
 * {@code processes/}. Needs node and the linter's bundle, which {@code .ci/run} builds before the tests
 * ({@code cd .ci/bpmn-lint && npm ci && npm run lint}); skipped, and says so, without them.
 */
class ModelerLintTest {

  static final Path LINTER = Path.of(".ci/bpmn-lint/build/lint.mjs");

  @Test
  void aStepFromTheElementTemplateAndANewUserTaskLintClean() throws Exception {
    RequiredPrograms.assumeInstalled("nodejs", Path.of("/usr/bin/node"));
    if (!Files.isRegularFile(LINTER)) {
      System.err.println("Skipped, " + LINTER + " missing: cd .ci/bpmn-lint && npm ci && npm run lint (.ci/run does it)");
    }
    assumeTrue(Files.isRegularFile(LINTER), LINTER + " missing");
    Path folder = Files.createDirectories(Path.of("target", "modeler-lint"));
    Files.writeString(folder.resolve("review-round.bpmn"),
        ModelerDeploymentsIT.withCalibrationCheck(Files.readString(Path.of("processes/review-round.bpmn"))));

    Process lint = new ProcessBuilder("node", LINTER.toAbsolutePath().toString(), folder.toAbsolutePath().toString())
        .redirectErrorStream(true).start();
    String output = new String(lint.getInputStream().readAllBytes());
    assertThat(lint.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output).contains("review-round.bpmn: 0 report(s)");
    assertThat(lint.exitValue()).as(output).isZero();
  }
}

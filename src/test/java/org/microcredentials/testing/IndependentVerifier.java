package org.microcredentials.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Software that is not ours verifying our credentials: {@code src/test/node/independent-verifier/verify.mjs}
 * (Digital Bazaar's vc, data-integrity, eddsa-rdfc-2022 cryptosuite and bitstring status list, and panva's
 * jose for the VC-JWT), run by node against the running test application, which serves the keys, contexts
 * and status lists it fetches. {@code mvn verify} installs its pinned packages with {@code npm ci} first.
 */
public final class IndependentVerifier {

  public static final Path DIRECTORY = Path.of("src", "test", "node", "independent-verifier");
  private static final ObjectMapper JSON = new ObjectMapper();

  private IndependentVerifier() {
  }

  /** One case: a name, the form ({@code data-integrity}, {@code vc-jwt}, {@code baked-svg}) and the credential. */
  public static Map<String, Object> verifyCase(String name, String form, JsonNode credential) {
    return Map.of("name", name, "form", form, "credential", credential);
  }

  /** Runs the verifier on the cases; its answer by case name. */
  public static JsonNode verify(int port, String publicUrl, String issuerId, List<Map<String, Object>> cases)
      throws Exception {
    RequiredPrograms.assumeInstalled("nodejs npm", Path.of("/usr/bin/node"), Path.of("/usr/bin/npm"));
    assertThat(DIRECTORY.resolve("node_modules")).as("the verifier's packages: run 'npm ci' in " + DIRECTORY
        + " (.ci/run does)").isDirectory();
    File input = Files.createTempFile("verify-cases", ".json").toFile();
    File output = Files.createTempFile("verify-results", ".json").toFile();
    File errors = Files.createTempFile("verify-errors", ".txt").toFile();
    try {
      JSON.writeValue(input, cases);
      Process node = new ProcessBuilder(List.of("node", "verify.mjs", "http://localhost:" + port, publicUrl))
          .directory(DIRECTORY.toFile()).redirectInput(input).redirectOutput(output).redirectError(errors).start();
      assertThat(node.waitFor(120, TimeUnit.SECONDS)).as("node finished").isTrue();
      assertThat(node.exitValue()).as(Files.readString(errors.toPath(), StandardCharsets.UTF_8)).isZero();
      JsonNode answer = JSON.readTree(output);
      // kept for whoever wants to read what the other verifier said
      Files.copy(output.toPath(), Path.of("target", "independent-verifier-results.json"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      assertThat(answer.path("fetched").toString()).as("what the verifier fetched from us")
          .contains(issuerId, "/api/issuer/keys/z6Mk", "/api/credentials/status/");
      return answer.path("results");
    } finally {
      input.delete();
      output.delete();
      errors.delete();
    }
  }
}

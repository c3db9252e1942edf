package org.microcredentials.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Each fault test's figures, kept in {@code target/faults/<name>.txt} for docs/reliability.md. */
final class FaultReport {

  private FaultReport() {
  }

  static void write(String name, List<String> lines) {
    try {
      Path file = Path.of("target", "faults", name + ".txt");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "# " + name + ", " + Instant.now() + "\n" + String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

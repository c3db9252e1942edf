package org.microcredentials.directory;

import org.microcredentials.process.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The directory sync over REST, administrators only (profile {@code ldap}; docs/directory.md). */
@RestController
@Profile("ldap")
class DirectorySyncController {

  private static final Logger LOG = LoggerFactory.getLogger(DirectorySyncController.class);

  private final DirectorySync sync;
  private final Actors actors;

  DirectorySyncController(DirectorySync sync, Actors actors) {
    this.sync = sync;
    this.actors = actors;
  }

  /** Syncs now; answers what changed, what could not be mapped, and the levels the directory has not caught up with. */
  @PostMapping("/api/organisation/sync")
  DirectorySync.Report syncNow() {
    actors.requireAdministrator("sync the organisation from the directory");
    return sync.sync();
  }

  /** The directory did not answer: nothing changed; 503 without the server's address or the failure's text. */
  @ExceptionHandler(DirectoryReader.DirectoryUnavailable.class)
  ResponseEntity<ProblemDetail> unavailable(DirectoryReader.DirectoryUnavailable failure) {
    LOG.warn("Directory sync on request failed: {}", failure.getMessage(), failure);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "The directory could not be read; the organisation is unchanged. Try again later.");
    problem.setTitle("The directory is unavailable");
    problem.setProperty("rule", "directory-unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "60").body(problem);
  }

  /** When the last sync ended, and the levels decided here that the directory has not caught up with yet. */
  @GetMapping("/api/organisation/sync")
  DirectorySync.Status status() {
    actors.requireAdministrator("read the directory sync");
    return sync.status();
  }
}

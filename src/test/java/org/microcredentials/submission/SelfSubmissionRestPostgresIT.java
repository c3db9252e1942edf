package org.microcredentials.submission;

import org.microcredentials.testing.OnPostgres;

/** {@link SelfSubmissionRestIT} on a real PostgreSQL: engine tables, our migrations, locks and all. */
@OnPostgres
class SelfSubmissionRestPostgresIT extends SelfSubmissionRestIT {
}

package org.microcredentials.credential;

import org.microcredentials.testing.OnPostgres;

/** {@link CredentialsRestIT} on a real PostgreSQL: the V4 tables, row locks and timestamps. */
@OnPostgres
class CredentialsRestPostgresIT extends CredentialsRestIT {
}

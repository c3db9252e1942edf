package org.microcredentials.security;

import org.microcredentials.testing.OnPostgres;

/** {@link TaskInputsIT} on a real PostgreSQL. */
@OnPostgres
class TaskInputsPostgresIT extends TaskInputsIT {
}

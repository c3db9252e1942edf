package org.microcredentials.security;

import org.microcredentials.testing.OnPostgres;

/** {@link ApplicationVisibilityIT} on a real PostgreSQL. */
@OnPostgres
class ApplicationVisibilityPostgresIT extends ApplicationVisibilityIT {
}

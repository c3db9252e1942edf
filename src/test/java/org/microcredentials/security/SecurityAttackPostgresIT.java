package org.microcredentials.security;

import org.microcredentials.testing.OnPostgres;

/** {@link SecurityAttackIT} on a real PostgreSQL. */
@OnPostgres
class SecurityAttackPostgresIT extends SecurityAttackIT {
}

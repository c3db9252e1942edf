package org.microcredentials.security;

import org.microcredentials.testing.OnPostgres;

/** {@link EngineAllowListAttackIT} on a real PostgreSQL. */
@OnPostgres
class EngineAllowListAttackPostgresIT extends EngineAllowListAttackIT {
}

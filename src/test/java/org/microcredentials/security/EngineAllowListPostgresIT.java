package org.microcredentials.security;

import org.microcredentials.testing.OnPostgres;

/** {@link EngineAllowListIT} on a real PostgreSQL. */
@OnPostgres
class EngineAllowListPostgresIT extends EngineAllowListIT {
}

package org.microcredentials.process;

import org.microcredentials.testing.OnPostgres;

/** {@link ModelerDeploymentsIT} on a real PostgreSQL. */
@OnPostgres
class ModelerDeploymentsPostgresIT extends ModelerDeploymentsIT {
}

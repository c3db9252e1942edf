package org.microcredentials.notification;

import java.util.Map;
import org.microcredentials.MicroCredentialsProperties;
import org.microcredentials.endorsement.EndorsementProperties;
import org.microcredentials.sla.ServiceLevels;
import org.springframework.stereotype.Component;

/**
 * The organisation's configured rules as every mail may quote them ({@code [(${rules.responseTime})]}), so that a mail
 * says what the organisation chose, not the defaults a template was written with: the pass mark, the response
 * guideline of assessor and reviewer tasks and the further wait before overdue work is handed on, how long a credential counts for promotion, and the endorser's and the
 * endorsement reviewer's lowest level. Periods are in words ({@link InWords}).
 */
@Component
class QuotedRules {

  /** The name under which a template finds them. */
  static final String NAME = "rules";

  private final Map<String, Object> values;

  QuotedRules(MicroCredentialsProperties common, EndorsementProperties endorsement, ServiceLevels serviceLevels) {
    values = Map.of(
        "passMark", common.passMark(),
        "responseTime", InWords.of(serviceLevels.responseTime()),
        "furtherWaitBeforeReassignment", InWords.of(serviceLevels.furtherWaitBeforeReassignment()),
        "credentialValidity", InWords.of(common.credentialValidity()),
        "minimumEndorserLevel", endorsement.minimumEndorserLevel(),
        "minimumReviewerLevel", endorsement.minimumReviewerLevel());
  }

  Map<String, Object> values() {
    return values;
  }
}

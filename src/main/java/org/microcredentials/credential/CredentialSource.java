package org.microcredentials.credential;

/** How a credential was earned. */
public enum CredentialSource {
  SELF_SUBMISSION, ENDORSEMENT, PROMOTION
}

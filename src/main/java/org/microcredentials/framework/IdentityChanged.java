package org.microcredentials.framework;

/**
 * Published when this application changed who is who in Camunda's identity service (a membership joined or left,
 * a directory sync applied): whatever remembers a login's groups checks it again ({@code security/RecentLogins}).
 *
 * @param what what changed, for the log
 */
public record IdentityChanged(String what) {
}

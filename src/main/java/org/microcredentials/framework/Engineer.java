package org.microcredentials.framework;

/** A person of the organisation: their place on the seniority ladder and their line manager. */
public record Engineer(
    String userId,
    String displayName,
    String email,
    int seniorityLevel,
    String roleTitle,
    String lineManagerId) {
}

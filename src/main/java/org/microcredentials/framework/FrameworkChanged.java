package org.microcredentials.framework;

/**
 * Published when a new version of the skills framework is stored (loaded, or a skill retired): whatever shows
 * the framework's skills reads them again ({@link StartFormSkills}).
 *
 * @param version the version now current
 */
public record FrameworkChanged(int version) {
}

package org.microcredentials.notification;

/** One email to one person. */
public record Message(String toUserId, String toAddress, String subject, String body) {
}

package org.microcredentials.notification;

/**
 * One email to one person: {@code body} is its plain text, {@code html} the same as HTML (null: text
 * only). {@code deliveryId} is the same each time the same step sends it to the same person (a retried or crashed sending job sends again: mail is at-least-once); it becomes the
 * Message-ID, so a resend is recognisable as the same message. Null when there is no such step.
 */
public record Message(String toUserId, String toAddress, String subject, String body, String html, String deliveryId) {

  public Message(String toUserId, String toAddress, String subject, String body, String deliveryId) {
    this(toUserId, toAddress, subject, body, null, deliveryId);
  }

  public Message(String toUserId, String toAddress, String subject, String body) {
    this(toUserId, toAddress, subject, body, null, null);
  }
}

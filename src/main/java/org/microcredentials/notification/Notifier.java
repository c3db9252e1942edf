package org.microcredentials.notification;

/** Delivers a message. Throws when delivery fails, so the sending job retries and, at last, shows an incident. */
public interface Notifier {

  void send(Message message);
}

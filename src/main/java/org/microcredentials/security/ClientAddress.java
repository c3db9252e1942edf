package org.microcredentials.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The address of the client a request comes from, the key of the login throttle. Behind a reverse proxy
 * every request's peer is the proxy, so the client is read from {@code X-Forwarded-For}, but only when the
 * peer is a proxy we trust: anyone else could write any address there and spread their failures over
 * invented clients, or charge them to someone else's address. The one reading of it: the login throttle and
 * the wallet API's rate limits key on it alike.
 */
public final class ClientAddress {

  private final Set<String> trustedProxies;

  ClientAddress(List<String> trustedProxies) {
    this.trustedProxies = Set.copyOf(trustedProxies);
  }

  public String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (!trustedProxies.contains(peer)) {
      return peer;
    }
    // The last address not added by one of our proxies: what our first proxy saw, not what the client wrote.
    List<String> forwarded = request.getHeaders("X-Forwarded-For") == null ? List.of()
        : Collections.list(request.getHeaders("X-Forwarded-For")).stream()
            .flatMap(header -> Arrays.stream(header.split(","))).map(String::trim)
            .filter(address -> !address.isEmpty()).toList();
    for (int i = forwarded.size() - 1; i >= 0; i--) {
      if (!trustedProxies.contains(forwarded.get(i))) {
        return forwarded.get(i);
      }
    }
    return peer;
  }
}

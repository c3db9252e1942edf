package org.microcredentials.wallet;

import java.time.OffsetDateTime;
import java.util.List;
import org.microcredentials.RuleViolation;
import org.microcredentials.process.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wallets a holder connected through the Open Badges 3.0 API, and disconnecting one: every
 * token the holder gave it is revoked at once, and so is every code not yet exchanged and every consent
 * still waiting for the holder's answer: nothing asked before the disconnection reconnects it. Only the holder sees and disconnects their own
 * (their portfolio page shows them); an administrator may disconnect any, e.g. a wallet misused.
 */
@RestController
class WalletConnections {

  record ConnectedWallet(String clientId, String name, String uri, List<String> scopes, OffsetDateTime connectedAt,
      OffsetDateTime accessUntil) {
  }

  private final WalletGrants grants;
  private final WalletClients clients;
  private final ConsentRequests consents;
  private final Actors actors;

  WalletConnections(WalletGrants grants, WalletClients clients, ConsentRequests consents, Actors actors) {
    this.grants = grants;
    this.consents = consents;
    this.clients = clients;
    this.actors = actors;
  }

  @GetMapping("/api/engineers/{userId}/wallets")
  List<ConnectedWallet> connected(@PathVariable String userId) {
    holderOrAdministrator(userId, "see the wallets");
    return grants.connections(userId).stream().map(connection -> {
      WalletClients.Client client = clients.find(connection.clientId()).orElseThrow();
      return new ConnectedWallet(client.clientId(), client.name(), client.uri(), List.copyOf(connection.scopes()),
          connection.connectedAt(), connection.until());
    }).toList();
  }

  @DeleteMapping("/api/engineers/{userId}/wallets/{clientId}")
  ResponseEntity<Void> disconnect(@PathVariable String userId, @PathVariable String clientId) {
    holderOrAdministrator(userId, "disconnect a wallet");
    int waiting = consents.forget(userId, clientId);
    if (grants.disconnect(userId, clientId) + waiting == 0) {
      throw RuleViolation.notFound("connected-wallet", "No wallet " + clientId + " is connected for " + userId + ".");
    }
    return ResponseEntity.noContent().build();
  }

  private void holderOrAdministrator(String userId, String action) {
    String actor = actors.requireCurrentUser(action);
    if (!actor.equals(userId) && !actors.isMember(actor, Actors.ADMINISTRATORS)) {
      throw RuleViolation.forbidden("own-wallets-only", "Only " + userId + " (or an administrator) may " + action
          + " of " + userId + ".");
    }
  }
}

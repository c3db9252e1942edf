package org.microcredentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.microcredentials.framework.Engineer;
import org.microcredentials.framework.Organisation;
import org.microcredentials.process.SignedIn;
import org.microcredentials.process.WebHardening;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The holder's consent (the authorization endpoint of the Open Badges 3.0 API): a wallet sends the
 * holder's browser here; signed in (Tasklist's session, or HTTP Basic), the holder sees which wallet
 * asks (its name, site, terms and policy) for what, and allows or denies. Allowed, the browser goes
 * back to the wallet with a code that only that wallet can exchange, with the PKCE verifier it holds.
 *
 * <p>A request that cannot be answered to the wallet (unknown client, a redirect URI it did not
 * register) is shown as an error here and never redirected (RFC 6749 4.1.2.1). The decision is tied
 * to the browser's session by a random id, and to the person who was asked.
 */
@Controller
class ConsentPages {

  private static final String PENDING = "walletConsent.";

  /** What the holder is asked, kept in their session until they decide. */
  record Pending(String clientId, String redirectUri, Set<String> scopes, String state, String codeChallenge,
      String holderId) implements Serializable {
  }

  private final WalletClients clients;
  private final WalletGrants grants;
  private final Organisation organisation;
  private final ProcessEngine engine;

  ConsentPages(WalletClients clients, WalletGrants grants, Organisation organisation, ProcessEngine engine) {
    this.clients = clients;
    this.grants = grants;
    this.organisation = organisation;
    this.engine = engine;
  }

  @GetMapping(WalletApi.BASE + "/authorize")
  Object ask(HttpServletRequest request, HttpServletResponse response, Model model,
      @RequestParam(name = "client_id", required = false) String clientId,
      @RequestParam(name = "redirect_uri", required = false) String redirectUri,
      @RequestParam(name = "response_type", required = false) String responseType,
      @RequestParam(required = false) String scope,
      @RequestParam(required = false) String state,
      @RequestParam(name = "code_challenge", required = false) String codeChallenge,
      @RequestParam(name = "code_challenge_method", required = false) String codeChallengeMethod) {
    Optional<WalletClients.Client> client = clients.find(clientId);
    if (client.isEmpty()) {
      return error(response, model, HttpStatus.BAD_REQUEST, "This wallet is not registered here",
          "The link names a client_id this server does not know. Go back to your wallet and connect again.");
    }
    if (redirectUri == null || !client.get().redirectUris().contains(redirectUri)) {
      return error(response, model, HttpStatus.BAD_REQUEST, "This link does not come from the wallet",
          "redirect_uri is not one that " + client.get().name() + " registered; you were not sent back to it.");
    }
    if (state == null || state.isBlank()) {
      return back(redirectUri, Map.of("error", "invalid_request", "error_description",
          "state is required (Open Badges 3.0 API)."));
    }
    if (!"code".equals(responseType)) {
      return back(redirectUri, errorParameters("unsupported_response_type", "response_type is code.", state));
    }
    if (codeChallenge == null || codeChallenge.isBlank() || !"S256".equals(codeChallengeMethod)) {
      return back(redirectUri, errorParameters("invalid_request",
          "PKCE is required: code_challenge with code_challenge_method S256.", state));
    }
    Set<String> scopes = WalletScopes.parse(scope);
    if (scopes.isEmpty() || !client.get().scopes().containsAll(scopes)) {
      return back(redirectUri, errorParameters("invalid_scope",
          "scope is one or more of those the wallet registered: " + WalletScopes.format(client.get().scopes()) + ".", state));
    }
    Optional<String> holder = SignedIn.user(request, engine);
    if (holder.isEmpty()) {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"micro-credentials\", charset=\"UTF-8\"");
      return error(response, model, HttpStatus.UNAUTHORIZED, "Sign in to connect your wallet",
          "Sign in with your Tasklist user name and password, or log in to Tasklist in this browser first and "
              + "come back from your wallet.");
    }
    String requestId = Secrets.newSecret();
    request.getSession(true).setAttribute(PENDING + requestId,
        new Pending(client.get().clientId(), redirectUri, new LinkedHashSet<>(scopes), state, codeChallenge, holder.get()));
    Map<String, String> asked = new LinkedHashMap<>();
    scopes.forEach(each -> asked.put(each, WalletScopes.IN_WORDS.get(each)));
    model.addAttribute("client", client.get());
    model.addAttribute("asked", asked);
    model.addAttribute("holder", organisation.find(holder.get()).map(Engineer::displayName).orElse(holder.get()));
    model.addAttribute("requestId", requestId);
    // Our pages allow forms to post only to us; this one's answer goes on to the wallet.
    response.setHeader("Content-Security-Policy", WebHardening.contentSecurityPolicyPostingTo(origin(redirectUri)));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    return "consent";
  }

  @PostMapping(WalletApi.BASE + "/authorize")
  Object decide(HttpServletRequest request, HttpServletResponse response, Model model,
      @RequestParam(name = "request", required = false) String requestId,
      @RequestParam(required = false) String decision) {
    HttpSession session = request.getSession(false);
    Pending pending = session == null || requestId == null ? null : (Pending) session.getAttribute(PENDING + requestId);
    if (pending == null) {
      return error(response, model, HttpStatus.BAD_REQUEST, "This request is over",
          "It was answered already, or it was asked in another browser session. Connect again from your wallet.");
    }
    Optional<String> holder = SignedIn.user(request, engine);
    if (holder.isEmpty() || !holder.get().equals(pending.holderId())) {
      return error(response, model, HttpStatus.FORBIDDEN, "Only the person asked decides",
          "This request was put to " + pending.holderId() + ".");
    }
    session.removeAttribute(PENDING + requestId);
    if (!"allow".equals(decision)) {
      return back(pending.redirectUri(), errorParameters("access_denied", "The holder did not allow it.", pending.state()));
    }
    WalletClients.Client client = clients.find(pending.clientId()).orElseThrow();
    String code = grants.issueCode(client, pending.holderId(), pending.redirectUri(), pending.scopes(),
        pending.codeChallenge());
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("code", code);
    parameters.put("scope", WalletScopes.format(pending.scopes()));
    parameters.put("state", pending.state());
    return back(pending.redirectUri(), parameters);
  }

  private static Map<String, String> errorParameters(String error, String description, String state) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("error", error);
    parameters.put("error_description", description);
    parameters.put("state", state);
    return parameters;
  }

  /** A redirect to the wallet, the parameters added to its redirect URI's own query. */
  private static ResponseEntity<Void> back(String redirectUri, Map<String, String> parameters) {
    StringBuilder location = new StringBuilder(redirectUri);
    char separator = redirectUri.contains("?") ? '&' : '?';
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      location.append(separator).append(parameter.getKey()).append('=')
          .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
      separator = '&';
    }
    return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, location.toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
  }

  private static String error(HttpServletResponse response, Model model, HttpStatus status, String title, String detail) {
    response.setStatus(status.value());
    model.addAttribute("title", title);
    model.addAttribute("detail", detail);
    return "consent-error";
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}

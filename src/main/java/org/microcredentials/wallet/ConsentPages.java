package org.microcredentials.wallet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
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
 * register) is shown as an error here and never redirected (RFC 6749 4.1.2.1). Nor is any other error
 * before the holder has signed in: anyone may register a client with any https host, so a redirect
 * to it on an anonymous request would be an open redirect. Signed in, the holder's browser is sent
 * back with the error to the client's own registered redirect URI.
 *
 * <p>The request waits for the answer in {@link ConsentRequests}, a few a holder, not in an HTTP
 * session: this page creates no session. The decision is tied to the request by a random id the page
 * carries, and to the person who was asked.
 */
@Controller
class ConsentPages {

  /** RFC 7636 4.2: BASE64URL of a SHA-256 hash, 43 characters. */
  private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

  /** An error the wallet is told of (RFC 6749 4.1.2.1), once the holder has signed in. */
  private record Refusal(String error, String description) {
  }

  private final WalletClients clients;
  private final WalletGrants grants;
  private final ConsentRequests consents;
  private final Organisation organisation;
  private final ProcessEngine engine;
  private final WalletLimits limits;

  ConsentPages(WalletClients clients, WalletGrants grants, ConsentRequests consents, Organisation organisation,
      ProcessEngine engine, WalletLimits limits) {
    this.clients = clients;
    this.grants = grants;
    this.consents = consents;
    this.organisation = organisation;
    this.engine = engine;
    this.limits = limits;
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
    Set<String> scopes = WalletScopes.parse(scope);
    Optional<Refusal> refusal = refusal(client.get(), state, responseType, codeChallenge, codeChallengeMethod, scopes);
    Optional<String> holder = SignedIn.user(request, engine);
    if (holder.isEmpty()) {
      if (refusal.isPresent()) {
        return error(response, model, HttpStatus.BAD_REQUEST, "This link cannot be answered",
            refusal.get().description() + " Go back to your wallet and connect again.");
      }
      // No Basic challenge: a password typed into the browser's dialog is cached and sent to us from any page.
      return error(response, model, HttpStatus.UNAUTHORIZED, "Sign in to connect your wallet",
          "Log in to Tasklist (/camunda/app/tasklist/) in this browser first, then come back from your wallet.");
    }
    if (refusal.isPresent()) {
      boolean stateEchoed = state != null && !state.isBlank() && state.length() <= limits.maxStateLength();
      return back(redirectUri, errorParameters(refusal.get().error(), refusal.get().description(),
          stateEchoed ? state : null));
    }
    String requestId = consents.ask(new ConsentRequests.Pending(client.get().clientId(), redirectUri,
        new LinkedHashSet<>(scopes), state, codeChallenge, holder.get()));
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
    Optional<ConsentRequests.Pending> found = consents.find(requestId);
    if (found.isEmpty()) {
      return over(response, model);
    }
    ConsentRequests.Pending pending = found.get();
    Optional<String> holder = SignedIn.user(request, engine);
    if (holder.isEmpty() || !holder.get().equals(pending.holderId())) {
      return error(response, model, HttpStatus.FORBIDDEN, "Only the person asked decides",
          "This request was put to " + pending.holderId() + ".");
    }
    if (!consents.answer(requestId)) {
      return over(response, model);
    }
    if (!"allow".equals(decision)) {
      return back(pending.redirectUri(), errorParameters("access_denied", "The holder did not allow it.", pending.state()));
    }
    Optional<WalletClients.Client> client = clients.find(pending.clientId());
    if (client.isEmpty()) {
      return over(response, model);
    }
    String code = grants.issueCode(client.get(), pending.holderId(), pending.redirectUri(), pending.scopes(),
        pending.codeChallenge());
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("code", code);
    parameters.put("scope", WalletScopes.format(pending.scopes()));
    parameters.put("state", pending.state());
    return back(pending.redirectUri(), parameters);
  }

  /** What is wrong with a request from a known client to its own redirect URI, if anything. */
  private Optional<Refusal> refusal(WalletClients.Client client, String state, String responseType, String codeChallenge,
      String codeChallengeMethod, Set<String> scopes) {
    if (state == null || state.isBlank()) {
      return Optional.of(new Refusal("invalid_request", "state is required (Open Badges 3.0 API)."));
    }
    if (state.length() > limits.maxStateLength()) {
      return Optional.of(new Refusal("invalid_request", "state is at most " + limits.maxStateLength() + " characters."));
    }
    if (!"code".equals(responseType)) {
      return Optional.of(new Refusal("unsupported_response_type", "response_type is code."));
    }
    if (codeChallenge == null || !S256_CHALLENGE.matcher(codeChallenge).matches() || !"S256".equals(codeChallengeMethod)) {
      return Optional.of(new Refusal("invalid_request",
          "PKCE is required: code_challenge (43 characters, base64url) with code_challenge_method S256."));
    }
    if (scopes.isEmpty() || !client.scopes().containsAll(scopes)) {
      return Optional.of(new Refusal("invalid_scope",
          "scope is one or more of those the wallet registered: " + WalletScopes.format(client.scopes()) + "."));
    }
    return Optional.empty();
  }

  private static String over(HttpServletResponse response, Model model) {
    return error(response, model, HttpStatus.BAD_REQUEST, "This request is over",
        "It was answered already, or it waited too long, or you asked again since. Connect again from your wallet.");
  }

  private static Map<String, String> errorParameters(String error, String description, String state) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("error", error);
    parameters.put("error_description", description);
    if (state != null) {
      parameters.put("state", state);
    }
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
    // "heading", not "title": the layout's fragment parameter of that name would hide it in the page.
    model.addAttribute("heading", title);
    model.addAttribute("detail", detail);
    return "consent-error";
  }

  private static String origin(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getRawAuthority();
  }
}

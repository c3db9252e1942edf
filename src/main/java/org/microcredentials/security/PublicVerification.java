package org.microcredentials.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * What anyone may call under {@code /api} without an account: the verification of a credential
 * ({@code POST /api/credentials/verify}) and what a verifier or wallet dereferences: the issuer profile, its
 * published keys (JWKS, each JWK, each Multikey at the URL proofs name), endorsers' controller documents and
 * their keys, the revocation list and the Bitstring Status Lists. Each is one method and one exact path
 * shape (a key is multibase, a list a number): a path one segment longer, or with another method, needs an
 * account.
 */
final class PublicVerification {

  private static final String MULTIBASE_KEY = "z[1-9A-HJ-NP-Za-km-z]{1,64}";
  private static final String USER_ID = "[A-Za-z0-9._-]{1,64}";

  static final List<RequestMatcher> MATCHERS = List.of(
      call("POST", "/api/credentials/verify"),
      call("GET", "/api/issuer"),
      call("GET", "/api/issuer/jwks"),
      call("GET", "/api/issuer/jwks/[A-Za-z0-9_-]{1,64}"),
      call("GET", "/api/issuer/keys/" + MULTIBASE_KEY),
      call("GET", "/api/issuer/endorsers/" + USER_ID),
      call("GET", "/api/issuer/endorsers/" + USER_ID + "/keys/" + MULTIBASE_KEY),
      call("GET", "/api/credentials/revocations"),
      call("GET", "/api/credentials/status/[0-9]{1,9}"));

  private PublicVerification() {
  }

  /** One method on paths of one shape: the path as the client wrote it (not decoded), without the query. */
  record Call(String method, Pattern path) implements RequestMatcher {

    @Override
    public boolean matches(HttpServletRequest request) {
      return method.equals(request.getMethod())
          && path.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    boolean matches(String method, String path) {
      return this.method.equals(method) && this.path.matcher(path).matches();
    }
  }

  static boolean isPublic(String method, String path) {
    return MATCHERS.stream().anyMatch(matcher -> ((Call) matcher).matches(method, path));
  }

  private static Call call(String method, String pathRegex) {
    return new Call(method, Pattern.compile(pathRegex));
  }
}

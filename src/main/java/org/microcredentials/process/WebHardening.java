package org.microcredentials.process;

/**
 * Our Content-Security-Policy: every page of ours loads scripts, styles and images only from us, posts forms
 * only to us and is never framed. The web layer ({@code security/WebSecurity}) sends it on every answer outside
 * Camunda's webapps, which set their own (Tasklist's scripts need theirs); a page may replace it with a wider
 * one for a reason of its own ({@link #contentSecurityPolicyPostingTo}).
 */
public final class WebHardening {

  public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  private WebHardening() {
  }

  /**
   * Our policy for a page whose form goes on to another site (a wallet's consent: the answer redirects
   * to the wallet) and which shows that site's images over https: everything else as on every page.
   */
  public static String contentSecurityPolicyPostingTo(String origin) {
    return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: https:;")
        .replace("form-action 'self';", "form-action 'self' " + origin + ";");
  }
}

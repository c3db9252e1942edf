package org.microcredentials.process;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every answer of ours carries the browser protections (a Content-Security-Policy, {@code nosniff},
 * no framing, no referrer to other sites), and no request body is larger than
 * {@code microcredentials.max-request-bytes} (413 otherwise, before anyone reads it into memory).
 *
 * <p>The limit, 1 MiB by default: the largest body a person or client legitimately sends is an issued
 * credential to the public verifier (its evidence is capped at 20,000 characters; a credential is
 * tens of kilobytes) or an administrator's deployment of our models (about 200 KB together).
 *
 * <p>Camunda's webapps ({@code /camunda/...}) set their own Content-Security-Policy, which Tasklist's
 * scripts need; ours would replace it, so there they get the other headers only.
 */
@Configuration
public class WebHardening {

  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  /**
   * Our policy for a page whose form goes on to another site (a wallet's consent: the answer redirects
   * to the wallet) and which shows that site's images over https: everything else as on every page.
   */
  public static String contentSecurityPolicyPostingTo(String origin) {
    return CONTENT_SECURITY_POLICY.replace("img-src 'self' data:;", "img-src 'self' data: https:;")
        .replace("form-action 'self';", "form-action 'self' " + origin + ";");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> hardeningFilter(
      @Value("${microcredentials.max-request-bytes:1048576}") long maxRequestBytes) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Hardening(maxRequestBytes));
    registration.addUrlPatterns("/*");
    registration.setName("webHardening");
    // Before authentication: an oversized body is refused before anything else reads it.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  static final class Hardening extends OncePerRequestFilter {

    private final long maxRequestBytes;

    Hardening(long maxRequestBytes) {
      this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Referrer-Policy", "same-origin");
      if (!path.startsWith("/camunda/")) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
      }
      long declared = request.getContentLengthLong();
      if (declared > maxRequestBytes) {
        tooLarge(response);
        return;
      }
      if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
        // Chunked: read at most one byte past the limit, and keep what was read for the application.
        byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxRequestBytes + 1));
        if (body.length > maxRequestBytes) {
          tooLarge(response);
          return;
        }
        chain.doFilter(new ReadBody(request, body), response);
        return;
      }
      chain.doFilter(request, response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
      response.setStatus(413);
      response.setContentType("application/problem+json");
      response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
          + "\"rule\":\"max-request-size\",\"detail\":\"A request body may be at most " + maxRequestBytes + " bytes.\"}");
    }
  }

  /** A request whose body was already read, served from memory. */
  private static final class ReadBody extends HttpServletRequestWrapper {

    private final byte[] body;

    ReadBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("The body was read already");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(),
          encoding == null ? StandardCharsets.UTF_8 : java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}

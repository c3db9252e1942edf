package org.microcredentials.report;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.microcredentials.process.SignedIn;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The login of {@code /reports} (the page and the data its charts read): the session of Camunda's
 * webapps (someone logged in to Tasklist or Cockpit is logged in here too), or HTTP Basic against
 * Camunda's identity service, as on {@code /api}. Without either, 401 with a Basic challenge and
 * a link to the Tasklist login; with a user outside the SEM team and administrators, 403. The
 * engine knows who acts for the length of the request, as Camunda's own filter does on /api.
 */
@Configuration
class ReportsPageAuthentication {

  @Bean
  FilterRegistrationBean<ReportsLogin> reportsLogin(ProcessEngine engine, ReportReaders readers) {
    FilterRegistrationBean<ReportsLogin> registration = new FilterRegistrationBean<>(new ReportsLogin(engine, readers));
    registration.addUrlPatterns("/reports", "/reports/*");
    registration.setName("reportsLogin");
    registration.setOrder(3);
    return registration;
  }

  static final class ReportsLogin extends OncePerRequestFilter {

    private final ProcessEngine engine;
    private final IdentityService identity;
    private final ReportReaders readers;

    ReportsLogin(ProcessEngine engine, ReportReaders readers) {
      this.engine = engine;
      this.identity = engine.getIdentityService();
      this.readers = readers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = SignedIn.user(request, engine).orElse(null);
      if (user == null) {
        refuse(response, HttpServletResponse.SC_UNAUTHORIZED,
            "Log in to <a href=\"/camunda/app/tasklist/\">Tasklist</a> first, or use HTTP Basic.");
        return;
      }
      if (!readers.mayRead(user)) {
        refuse(response, HttpServletResponse.SC_FORBIDDEN, "Only the SEM team and administrators read reports.");
        return;
      }
      identity.setAuthentication(user, readers.groupsOf(user));
      try {
        chain.doFilter(request, response);
      } finally {
        identity.clearAuthentication();
      }
    }

    private static void refuse(HttpServletResponse response, int status, String message) throws IOException {
      response.setStatus(status);
      if (status == HttpServletResponse.SC_UNAUTHORIZED) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"micro-credentials reports\", charset=\"UTF-8\"");
      }
      response.setContentType("text/html;charset=UTF-8");
      response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><title>Reports</title></head><body><p>"
          + message + "</p></body></html>");
    }
  }
}

package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which requests forget the remembered logins: a successful write to a user, group or tenant, however spelled. */
class IdentityWritesForgetLoginsTest {

  private final RecentLogins recent = new RecentLogins(Duration.ofSeconds(10), 100, Clock.systemUTC());
  private final IdentityWritesForgetLogins filter = new IdentityWritesForgetLogins(recent);

  @Test
  void aSuccessfulWriteToAUserGroupOrTenantForgetsEveryLogin() throws Exception {
    assertThat(forgets("PUT", "/engine-rest", "/user/rita/credentials", 204)).isTrue();
    assertThat(forgets("PUT", "/engine-rest", "/group/sem-team/members/rita", 204)).isTrue();
    assertThat(forgets("DELETE", "/engine-rest", "/tenant/t1/user-members/rita", 204)).isTrue();
    assertThat(forgets("POST", "/camunda", "/api/admin/setup/default/user/create", 204)).isTrue();
    assertThat(forgets("PUT", "/camunda", "/api/engine/engine/default/user/rita/credentials", 200)).isTrue();
  }

  @Test
  void aPathIsReadAsTheContainerDecodedIt() throws Exception {
    MockHttpServletRequest request = request("PUT", "/engine-rest", "/user/rita/credentials");
    request.setRequestURI("/engine-rest/%75ser/rita/credentials");
    assertThat(IdentityWritesForgetLogins.changesIdentity(request)).isTrue();
  }

  @Test
  void readsRefusedWritesAndOtherPathsForgetNothing() throws Exception {
    assertThat(forgets("GET", "/engine-rest", "/user/rita/profile", 200)).isFalse();
    assertThat(forgets("PUT", "/engine-rest", "/user/rita/credentials", 403)).isFalse();
    assertThat(forgets("POST", "/engine-rest", "/task/42/complete", 204)).isFalse();
    assertThat(forgets("POST", "/engine-rest", "/task/42/identity-links", 204)).isFalse();
  }

  private boolean forgets(String method, String servletPath, String pathInfo, int status) throws Exception {
    recent.remember("rita", "right", new CamundaUser("rita", List.of(), List.of()));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request(method, servletPath, pathInfo), response, new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse answer) {
        ((MockHttpServletResponse) answer).setStatus(status);
      }
    });
    return recent.size() == 0;
  }

  private static MockHttpServletRequest request(String method, String servletPath, String pathInfo) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, servletPath + pathInfo);
    request.setServletPath(servletPath);
    request.setPathInfo(pathInfo);
    return request;
  }
}

package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Which requests forget the remembered logins: a successful write to a user, group or tenant, however spelled; not a
 * webapp's sign-in or sign-out.
 */
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

  @Test
  void signingInToOrOutOfAWebappForgetsNothing() throws Exception {
    // Cockpit, Tasklist, Admin and the welcome page all sign in and out through Camunda Admin's API.
    for (String app : List.of("cockpit", "tasklist", "admin", "welcome")) {
      assertThat(forgets("POST", "/camunda/api/admin", "/auth/user/default/login/" + app, 200)).isFalse();
    }
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/user/default/logout", 200)).isFalse();
  }

  @Test
  void identityWritesThroughCamundaAdminOrTheRestApiStillForget() throws Exception {
    assertThat(forgets("PUT", "/camunda/api/admin", "/user/default/rita/credentials", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/user/default/create", 204)).isTrue();
    assertThat(forgets("DELETE", "/camunda/api/admin", "/group/default/sem-team/members/rita", 204)).isTrue();
    assertThat(forgets("PUT", "/engine-rest", "/user/rita/credentials", 204)).isTrue();
    // Only Camunda Admin's authentication resource signs in: the same segments elsewhere are taken for a write.
    assertThat(forgets("POST", "/engine-rest", "/auth/user/default/login/tasklist", 204)).isTrue();
    assertThat(forgets("POST", "/camunda/api/cockpit", "/auth/user/default/login/cockpit", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/user/default/login/tasklist/user/rita", 200)).isTrue();
  }

  @Test
  void onlyTheSignInAsItReadsIsLeftOut() throws Exception {
    // Encoded: the container decodes %61uth to auth, but only a path sent as it reads is taken for a sign-in.
    MockHttpServletRequest encoded = request("POST", "/camunda/api/admin", "/auth/user/default/login/tasklist");
    encoded.setRequestURI("/camunda/api/admin/%61uth/user/default/login/tasklist");
    assertThat(forgets(encoded, 200)).isTrue();
    MockHttpServletRequest pathParameter = request("POST", "/camunda/api/admin", "/auth/user/default/logout");
    pathParameter.setRequestURI("/camunda/api/admin/auth;x=1/user/default/logout");
    assertThat(forgets(pathParameter, 200)).isTrue();
    MockHttpServletRequest normalised = request("POST", "/camunda/api/admin", "/auth/user/default/logout");
    normalised.setRequestURI("/camunda/api/admin/user/rita/../../auth/user/default/logout");
    assertThat(forgets(normalised, 200)).isTrue();
    // Double slashes, dot segments, a trailing slash, another case.
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/user//default/login/tasklist", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "//auth/user/default/logout", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/user/default/login/..", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/user/./default/logout", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/user/default/login/../../../user/rita", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/user/default/logout/", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/AUTH/user/default/login/tasklist", 200)).isTrue();
    assertThat(forgets("POST", "/camunda/api/admin", "/auth/USER/default/logout", 200)).isTrue();
    assertThat(forgets("PUT", "/engine-rest", "/User/rita/credentials", 204)).isTrue();
  }

  private boolean forgets(String method, String servletPath, String pathInfo, int status) throws Exception {
    return forgets(request(method, servletPath, pathInfo), status);
  }

  private boolean forgets(MockHttpServletRequest request, int status) throws Exception {
    recent.remember("rita", "right", new CamundaUser("rita", List.of(), List.of()));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain() {
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

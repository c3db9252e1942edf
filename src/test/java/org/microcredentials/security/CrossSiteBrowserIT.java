package org.microcredentials.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The cross-site attack in a real browser: the administrator's Chromium has their HTTP Basic credentials
 * cached for the application (typed once, here through {@code http://demo:demo@localhost:PORT/...}); then they
 * open a page of another site (served by the JDK's HTTP server on 127.0.0.1, another port) that auto-submits a
 * form to the application. The browser sends the cached credentials with it, and marks it as another site's:
 * refused with 403 {@code same-site-only}; no skill retired, no model deployed.
 */
@ApplicationTest
@Tag("browser")
class CrossSiteBrowserIT {

  @LocalServerPort int port;
  @Autowired SkillFrameworkRepository frameworks;
  @Autowired RepositoryService repository;

  private HeadlessChromium chromium;
  private HttpServer otherSite;

  @BeforeEach
  void open() throws Exception {
    chromium = HeadlessChromium.open(port, "1200,900", Duration.ofSeconds(30));
    otherSite = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    otherSite.createContext("/retire", exchange -> page(exchange, """
        <form id="f" method="post" action="http://localhost:%d/api/skills/iOPS/retire">
          <input type="hidden" name="reason" value="prize draw"></form>
        <script>document.getElementById('f').submit()</script>""".formatted(port)));
    otherSite.createContext("/deploy", exchange -> page(exchange, """
        <form id="f" method="post" enctype="multipart/form-data" action="http://localhost:%d/engine-rest/deployment/create">
          <input type="hidden" name="deployment-name" value="from-another-site">
          <textarea name="attack.bpmn"><?xml version="1.0" encoding="UTF-8"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="x"><process id="Attacker_Browser" isExecutable="true" camunda:historyTimeToLive="P1D"><startEvent id="StartEvent_Attack"/></process></definitions></textarea></form>
        <script>document.getElementById('f').submit()</script>""".formatted(port)));
    otherSite.start();
  }

  @AfterEach
  void close() throws Exception {
    // Nothing was opened when the test was skipped for want of Chromium.
    if (chromium != null) {
      chromium.close();
    }
    if (otherSite != null) {
      otherSite.stop(0);
    }
  }

  @Test
  void aFormFromAnotherSiteIsRefusedThoughTheBrowserSendsTheAdministratorsBasic() {
    var browser = chromium.browser();
    // Our API no longer offers a browser Basic (it leads to Tasklist's login), so the browser keeps no password
    // for it even when one is written into the URL.
    browser.get("http://demo:demo@localhost:" + port + "/api/skills");
    assertThat(browser.getPageSource()).contains("Log in to").doesNotContain("iOPS");
    // The engine REST API still does (it has no session login): the administrator once typed their Basic there.
    browser.get("http://demo:demo@localhost:" + port + "/engine-rest/deployment?maxResults=1");
    assertThat(browser.getPageSource()).contains("deploymentTime");
    long deployments = repository.createDeploymentQuery().count();

    browser.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/retire");
    chromium.waiting().until(ExpectedConditions.urlContains("/api/skills/iOPS/retire"));
    chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(By.tagName("body")));
    String refusal = browser.findElement(By.tagName("body")).getText();
    System.out.println("CrossSiteBrowserIT, retire: " + refusal);
    assertThat(refusal).contains("same-site-only");
    assertThat(frameworks.current().skills().stream().filter(skill -> skill.code().equals("iOPS")).findFirst()
        .orElseThrow().retired()).isFalse();

    browser.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/deploy");
    chromium.waiting().until(ExpectedConditions.urlContains("/engine-rest/deployment/create"));
    String deployRefusal = browser.findElement(By.tagName("body")).getText();
    System.out.println("CrossSiteBrowserIT, deploy: " + deployRefusal);
    assertThat(deployRefusal).contains("same-site-only");
    assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
  }

  private static void page(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
    byte[] html = ("<!DOCTYPE html><html><body><p>You won a prize!</p>" + body + "</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
    exchange.sendResponseHeaders(200, html.length);
    exchange.getResponseBody().write(html);
    exchange.close();
  }
}

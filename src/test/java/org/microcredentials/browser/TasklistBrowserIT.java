package org.microcredentials.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.microcredentials.credential.Credential;
import org.microcredentials.credential.CredentialRegister;
import org.microcredentials.credential.CredentialSource;
import org.microcredentials.testing.ApplicationTest;
import org.microcredentials.testing.HeadlessChromium;
import org.microcredentials.testing.Promotions;
import org.microcredentials.testing.SelfSubmissions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The walk-through of docs/walkthrough.md in a real, headless Chromium (Debian's chromium and
 * chromium-driver, which .ci/run installs): the demo people click through Camunda Tasklist.
 * Screenshots of every step land in target/screenshots/ (and of the failure, when one happens).
 */
@ApplicationTest
@Tag("browser")
class TasklistBrowserIT {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired JdbcClient jdbc;
  @Autowired CredentialRegister credentials;
  @Autowired org.microcredentials.framework.SkillFrameworkRepository frameworks;
  @Autowired org.microcredentials.framework.OrganisationAdministration administration;

  private HeadlessChromium chromium;
  private WebDriver browser;
  private WebDriverWait wait;
  private SelfSubmissions app;
  private int shot;
  /** What was typed into the open form: checked again before submitting, since a re-render may drop it. */
  private final java.util.Map<By, String> typed = new java.util.LinkedHashMap<>();

  @BeforeEach
  void openBrowser() throws IOException {
    // The patience of the other browser tests on a loaded machine (the waits end as soon as what they wait for is there).
    chromium = HeadlessChromium.open(port, "1400,1600", Duration.ofSeconds(60));
    browser = chromium.browser();
    wait = chromium.waiting();
    app = new SelfSubmissions(engine, jdbc);
    app.clear();
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterEach
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  @Test
  void aliceEarnsILanThreeThroughTasklist(TestInfo test) {
    try {
      as("alice");
      startProcess("Self-submission");
      click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
      // The skills open for applications, as the framework names them: the form in forms/ lists none of its own.
      wait.until(page -> !page.findElements(By.cssSelector(".fjs-dropdownlist-item")).isEmpty());
      assertThat(browser.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream()
          .map(item -> item.getAttribute("textContent").trim()).toList())
          .containsExactlyElementsOf(frameworks.current().skills().stream().filter(skill -> !skill.retired())
              .map(skill -> skill.code() + " \u2013 " + skill.name()).toList());
      screenshot("start-form-skills");
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., 'iLAN')]"));
      type(By.cssSelector("input[id*='Field_skillLevel']"), "3");
      type(By.cssSelector("textarea[id*='Field_impactProblem']"), "Our build took 40 minutes and blocked releases.");
      type(By.cssSelector("textarea[id*='Field_impactActions']"), "I profiled it and parallelised the suites. <script>alert(1)</script>");
      type(By.cssSelector("textarea[id*='Field_impactResults']"), "Build time fell to 9 minutes.");
      screenshot("start-form");
      submitStartForm();
      ProcessInstance instance = waitForInstance("SelfSubmissionProcess");

      as("erin");
      openTask("Assign an assessor");
      click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
      List<String> offered = browser.findElements(By.cssSelector(".fjs-dropdownlist-item")).stream().map(WebElement::getText).toList();
      assertThat(offered).anyMatch(option -> option.startsWith("Carol Example")).noneMatch(option -> option.startsWith("Alice"));
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).as("the configured lowest level, from the task")
          .contains("level 4 or above, at or above the applied level");
      screenshot("assign-assessor");
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., 'Carol Example')]"));
      complete();
      app.runJobs(instance);

      as("carol");
      openTask("Assess evidence");
      assertThat(browser.getPageSource()).as("user text is shown as text, never run").doesNotContain("<script>alert(1)</script>");
      // The configured pass mark, handed to the step by the model, in the form's label.
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("label[for*='Field_score']"),
          "Score (0 to 10; 8 passes)"));
      type(By.cssSelector("input[id*='Field_score']"), "11");
      type(By.cssSelector("textarea[id*='Field_justification']"), "Clear, measured impact.");
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".fjs-form-field-error"),
          "maximum value of 10"));
      screenshot("assess-score-11-refused");
      browser.findElement(By.cssSelector("input[id*='Field_score']")).sendKeys(org.openqa.selenium.Keys.BACK_SPACE,
          org.openqa.selenium.Keys.BACK_SPACE);
      type(By.cssSelector("input[id*='Field_score']"), "9");
      type(By.cssSelector("textarea[id*='Field_justification']"), "Clear, measured impact.");
      complete();
      app.runJobs(instance);

      as("dave");
      openTask("Peer review the score");
      screenshot("peer-review");
      // The candidate's evidence reaches the reviewer as plain text in a disabled field, never as
      // Markdown or HTML: the script she typed is shown, not run, and links are not live.
      WebElement actions = browser.findElement(By.cssSelector("textarea[id*='Shown_impactActions']"));
      assertThat(actions.getAttribute("value")).contains("<script>alert(1)</script>");
      assertThat(actions.isEnabled()).isFalse();
      click(By.xpath("//label[contains(., 'I agree with the score')]"));
      complete();
      app.runJobs(instance);

      assertThat(credentials.heldBy("alice")).singleElement().satisfies(credential -> {
        assertThat(credential.skillCode()).isEqualTo("iLAN");
        assertThat(credential.skillLevel()).isEqualTo(3);
        assertThat(credential.score()).isEqualTo(9);
      });
    } catch (RuntimeException | AssertionError failure) {
      screenshot("FAILED-" + test.getDisplayName().replaceAll("\\W", ""));
      throw failure;
    }
  }

  @Test
  void carolEndorsesAliceAndDaveDeclinesARequestThroughTasklist(TestInfo test) {
    try {
      as("carol");
      startProcess("Endorsement");
      type(By.cssSelector("input[id*='Field_candidateId']"), "alice");
      click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., 'iLAN')]"));
      type(By.cssSelector("input[id*='Field_skillLevel']"), "3");
      type(By.cssSelector("textarea[id*='Field_impactProblem']"), "Three Java styles stalled every review.");
      type(By.cssSelector("textarea[id*='Field_impactActions']"), "She wrote the language guide and led four sessions.");
      type(By.cssSelector("textarea[id*='Field_impactResults']"), "Review turnaround fell from 3 days to 1.");
      type(By.cssSelector("input[id*='Field_score']"), "9");
      type(By.cssSelector("textarea[id*='Field_justification']"), "Six months of her pull requests: well beyond level 2.");
      screenshot("endorsement-start-form");
      submitStartForm();
      ProcessInstance endorsement = waitForInstance("EndorsementProcess");
      app.runJobs(endorsement);

      as("erin");
      openTask("Review the endorsement");
      assertThat(browser.findElement(By.cssSelector(".fjs-form")).getText()).as("the heading names the endorsement")
          .contains("endorsement " + endorsement.getBusinessKey());
      click(By.xpath("//label[contains(., 'Ask the endorser for further justification')]"));
      type(By.cssSelector("textarea[id*='Field_reviewComment']"), "How did the sessions change reviews?");
      screenshot("endorsement-review");
      complete();

      as("carol");
      openTask("Provide further justification");
      type(By.cssSelector("textarea[id*='Field_additionalJustification']"), "Reviewers now cite the guide; style comments fell by half.");
      complete();

      as("erin");
      openTask("Review the endorsement");
      click(By.xpath("//label[contains(., 'Approve')]"));
      complete();
      app.runJobs(endorsement);
      assertThat(credentials.heldBy("alice")).singleElement().satisfies(credential -> {
        assertThat(credential.source()).isEqualTo(org.microcredentials.credential.CredentialSource.ENDORSEMENT);
        assertThat(credential.skillCode()).isEqualTo("iLAN");
        assertThat(credential.score()).isEqualTo(9);
      });

      as("alice");
      startProcess("Endorsement request");
      type(By.cssSelector("input[id*='Field_leaderId']"), "dave");
      click(By.cssSelector(".fjs-form-field-select .fjs-input-group"));
      click(By.xpath("//*[contains(@class,'fjs-dropdownlist-item')][contains(., 'iPERF')]"));
      type(By.cssSelector("input[id*='Field_skillLevel']"), "3");
      type(By.cssSelector("textarea[id*='Field_message']"), "You saw me halve our p95 latency.");
      submitStartForm();
      ProcessInstance request = waitForInstance("EndorsementRequestProcess");
      app.runJobs(request);

      as("dave");
      openTask("Consider the endorsement request");
      type(By.cssSelector("textarea[id*='Field_declineMessage']"), "Let's gather one more quarter of results first.");
      screenshot("endorsement-request-declined");
      complete();
      app.runJobs(request);
      assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(request.getId())
          .singleResult().getEndActivityId()).contains("Declined");
    } catch (RuntimeException | AssertionError failure) {
      screenshot("FAILED-" + test.getDisplayName().replaceAll("\\W", ""));
      throw failure;
    }
  }

  /**
   * carol, an assessor herself, applies for iPERF:4: Tasklist shows her no review of her own
   * application; frank sees both reviews, takes one, and is refused the second with the rule.
   */
  @Test
  void tasklistShowsReviewsOnlyToThoseWhoMayTakeThem(TestInfo test) {
    try {
      ProcessInstance instance = app.submit("carol", "iPERF", 4);
      app.assignAssessor(instance, "erin", "dave");
      app.score(instance, "dave", 9);

      as("carol");
      wait.until(ExpectedConditions.textToBe(By.cssSelector(".task-filter.active .counter"), "0"));
      screenshot("candidate-sees-no-review");

      as("frank");
      wait.until(ExpectedConditions.textToBe(By.cssSelector(".task-filter.active .counter"), "2"));
      openTask("Peer review the score");
      // The review frank has not claimed: the list's order of two tasks created in the same instant is not
      // fixed (CI found the claimed one second), so the task is picked by having no assignee, not by place.
      click(By.xpath("//*[@ng-repeat='(delta, task) in tasks'][not(.//*[contains(@class,'assignee')])]"
          + "//*[contains(@class,'task')]/a[contains(normalize-space(),'Peer review the score')]"));
      click(By.xpath("//button[normalize-space()='Claim']"));
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"),
          "frank already reviews this application"));
      screenshot("second-review-refused");
      assertThat(app.tasks(instance, "Task_PeerReview")).extracting(task -> task.getAssignee())
          .containsExactlyInAnyOrder("frank", null);
    } catch (RuntimeException | AssertionError failure) {
      screenshot("FAILED-" + test.getDisplayName().replaceAll("\\W", ""));
      throw failure;
    }
  }

  /**
   * The promotion walk-through of docs/walkthrough.md: bob (level 3), holding four of the six skills level 4 requires,
   * applies in Tasklist, gives evidence for the other two, is interviewed by erin and promoted by ivan;
   * his portfolio then shows his progress to level 5. The two skills' review rounds are played through
   * the engine as their people (their forms are the walk-through's above); the promotion's own forms
   * are played in the browser.
   */
  @Test
  void bobIsPromotedThroughTasklist(TestInfo test) {
    Promotions promotions = new Promotions(engine, jdbc, credentials);
    try {
      int version = frameworks.current().version();
      for (String skill : List.of("iOWN", "iPERF", "iSEC", "iCOMM")) {
        promotions.holds("bob", skill, 4, 9, version);
      }
      as("bob");
      startProcess("Promotion application");
      type(By.cssSelector("input[id*='Field_targetLevel']"), "4");
      type(By.cssSelector("textarea[id*='Field_statement']"), "I lead our design reviews and mentor two engineers.");
      screenshot("promotion-start-form");
      submitStartForm();
      ProcessInstance promotion = waitForInstance("PromotionApplicationProcess");

      for (int skill = 0; skill < 2; skill++) {
        as("bob");
        openTask("Provide evidence for a skill");
        assertThat(browser.findElement(By.cssSelector("textarea[id*='Shown_skillCriteria']")).getDomProperty("value"))
            .contains("at level 4");
        assertThat(browser.findElement(By.cssSelector("textarea[id*='Shown_existingCredentials']")).getDomProperty("value"))
            .contains("iOWN:4");
        type(By.cssSelector("textarea[id*='Field_impactProblem']"), "Our services had no shared design practice.");
        type(By.cssSelector("textarea[id*='Field_impactActions']"), "I ran fortnightly design reviews and wrote the guidelines.");
        type(By.cssSelector("textarea[id*='Field_impactResults']"), "Incidents traced to design flaws fell by half in two quarters.");
        if (skill == 0) {
          screenshot("promotion-evidence");
        }
        complete();
      }
      promotions.assess(promotion, "iARCH", "carol", 9, "frank", "grace");
      promotions.assess(promotion, "iMENT", "dave", 9, "frank", "grace");

      as("erin");
      openTask("Interview the candidate");
      assertThat(browser.findElement(By.cssSelector("textarea[id*='Shown_skillSummary']")).getDomProperty("value"))
          .contains("iARCH").contains("assessed by Carol Example").contains("reused");
      click(By.xpath("//label[contains(., 'The interview passed')]"));
      type(By.cssSelector("textarea[id*='Field_interviewNotes']"), "Clear on trade-offs; leads without authority.");
      screenshot("promotion-interview");
      complete();

      as("ivan");
      openTask("Decide the promotion");
      assertThat(browser.findElement(By.cssSelector("textarea[id*='Shown_interviewSummary']")).getDomProperty("value"))
          .contains("Passed");
      click(By.xpath("//label[contains(., 'Promote to the level applied for')]"));
      type(By.cssSelector("textarea[id*='Field_decisionJustification']"), "Every required skill at the mark; a strong interview.");
      screenshot("promotion-decision");
      complete();
      app.runJobs(promotion);
      assertThat(jdbc.sql("select seniority_level from engineer where user_id = 'bob'").query(Integer.class).single()).isEqualTo(4);
      assertThat(credentials.heldBy("bob")).filteredOn(credential -> credential.source() == CredentialSource.PROMOTION)
          .extracting(credential -> credential.skillCode()).containsExactlyInAnyOrder("iARCH", "iMENT");

      browser.get("http://bob:bob@localhost:" + port + "/api/engineers/bob/portfolio");
      WebElement progress = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("section.progress")));
      assertThat(progress.getText()).contains("Progress to level 5");
      assertThat(browser.findElements(By.cssSelector(".progress-skills li.missing"))).isNotEmpty();
      screenshot("portfolio-progress");
    } catch (RuntimeException | AssertionError failure) {
      screenshot("FAILED-" + test.getDisplayName().replaceAll("\\W", ""));
      throw failure;
    } finally {
      administration.changeLevel("bob", 3);
    }
  }

  private void submitStartForm() {
    typed.forEach(this::keep);
    click(By.xpath("//div[contains(@class,'modal')]//button[normalize-space()='Start']"));
  }

  private void startProcess(String name) {
    typed.clear();
    click(By.xpath("//a[contains(., 'Start process')]"));
    click(By.xpath("//div[contains(@class,'modal')]//a[normalize-space()='" + name + "']"));
  }

  private ProcessInstance waitForInstance(String processKey) {
    wait.until(driver -> engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).count() == 1);
    return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(processKey).singleResult();
  }

  private String base() {
    return "http://localhost:" + port;
  }

  /** Logs in to Tasklist as the user (password = user id), from a fresh session. */
  private void as(String user) {
    browser.manage().deleteAllCookies();
    browser.get(base() + "/camunda/app/tasklist/default/");
    type(By.cssSelector("input[ng-model='username']"), user);
    type(By.cssSelector("input[ng-model='password']"), user);
    click(By.cssSelector("button[type='submit']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//a[contains(., 'Start process')]")));
  }

  private void openTask(String name) {
    typed.clear();
    click(By.xpath("//*[contains(@class,'tasks-list')]//*[contains(text(),'" + name + "')]"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    List<WebElement> claim = browser.findElements(By.xpath("//button[normalize-space()='Claim']"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//button[normalize-space()='Claim']")));
    }
  }

  private void complete() {
    typed.forEach(this::keep);
    click(By.xpath("//button[normalize-space()='Complete']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//button[normalize-space()='Complete']")));
  }

  /** Clicks the element once it can be clicked, scrolled to the middle so Tasklist's footer never covers it. */
  private void click(By locator) {
    WebElement element = wait.until(ExpectedConditions.elementToBeClickable(locator));
    ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    wait.until(ExpectedConditions.elementToBeClickable(element)).click();
  }

  /**
   * Types into a field until it keeps the text: form-js re-renders (debounced) while one types,
   * and a re-render triggered by the previous field may drop what was just typed.
   */
  private void type(By locator, String text) {
    typed.put(locator, text);
    keep(locator, text);
  }

  private void keep(By locator, String text) {
    for (int attempt = 0; attempt < 5; attempt++) {
      WebElement field = wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
      if (!text.equals(field.getDomProperty("value"))) {
        field.clear();
        field.sendKeys(text);
      }
      pause();
      if (text.equals(browser.findElement(locator).getDomProperty("value"))) {
        return;
      }
    }
    throw new AssertionError("The field " + locator + " does not keep the text typed into it");
  }

  private static void pause() {
    try {
      Thread.sleep(400);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void screenshot(String name) {
    try {
      File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
      Files.copy(file.toPath(), SCREENSHOTS.resolve("%02d-%s.png".formatted(++shot, name)), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException | RuntimeException e) {
      // a missing screenshot must not hide the real failure
    }
  }
}

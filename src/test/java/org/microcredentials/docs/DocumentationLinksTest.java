package org.microcredentials.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation a fresh clone holds: README.md and docs/*.md. Every relative link reaches a file of
 * the repository (and, with an anchor into a markdown page, one of its headings); no page points outside
 * the repository (the specification is docs/domain.md and docs/contract.md) or names an internal issue
 * number; README.md starts with the commands that run the application and the tests, the second being
 * the test command .ci/run runs. The rules page names only classes (and their methods) the repository has, so a
 * reader who follows it to a rule's home finds it.
 */
class DocumentationLinksTest {

  private static final Path README = Path.of("README.md");
  private static final Path DOCS = Path.of("docs");

  /** An inline link or image: [text](target) or ![alt](target), with an optional title. */
  private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern CODE_SPAN = Pattern.compile("(`+)(?:(?!\\1).)+?\\1");
  private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern ISSUE_NUMBER = Pattern.compile("(?i)\\bissues?\\s+\\d+");
  private static final Pattern WORK_PERIOD = Pattern.compile("(?i)\\bsessions?\\s+\\d+");
  private static final Path RULES = DOCS.resolve("rules.md");
  /** A class in a code span, as the rules page names a rule's home: `FourEyes`, `review/PeerReviewers.checkReviewer`. */
  private static final Pattern CLASS_NAMED = Pattern.compile("`((?:[a-z]+/)*)([A-Z][a-z][A-Za-z0-9]*)(?:[.#]([a-z][A-Za-z0-9]*))?`");

  @Test
  void everyRelativeLinkReachesAFileAndEveryAnchorAHeading() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      for (String target : links(page)) {
        if (isExternal(target)) {
          continue;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? page : page.toAbsolutePath().getParent()
            .resolve(URLDecoder.decode(file, StandardCharsets.UTF_8)).normalize();
        if (!Files.exists(resolved)) {
          broken.add(page + ": " + target + " (no such file)");
          continue;
        }
        Path root = Path.of("").toAbsolutePath();
        if (!resolved.toAbsolutePath().normalize().startsWith(root)) {
          broken.add(page + ": " + target + " (outside the repository)");
          continue;
        }
        if (anchor != null && !anchor.isEmpty() && resolved.toString().endsWith(".md")
            && !anchors(resolved).contains(anchor)) {
          broken.add(page + ": " + target + " (no heading with that anchor)");
        }
      }
    }
    assertThat(broken).as("relative links of README.md and docs/*.md").isEmpty();
  }

  @Test
  void noPagePointsOutsideTheRepositoryOrNamesAnInternalIssueOrWorkPeriod() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path page : pages()) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i);
        if (line.contains("../shared")) {
          found.add(page + ":" + (i + 1) + ": ../shared");
        }
        Matcher issue = ISSUE_NUMBER.matcher(line);
        while (issue.find()) {
          found.add(page + ":" + (i + 1) + ": " + issue.group());
        }
        Matcher period = WORK_PERIOD.matcher(line);
        while (period.find()) {
          found.add(page + ":" + (i + 1) + ": " + period.group());
        }
      }
    }
    assertThat(found).as("references that mean nothing on a fresh clone").isEmpty();
    assertThat(DOCS.resolve("domain.md")).as("the product's specification").isRegularFile();
    assertThat(DOCS.resolve("contract.md")).as("the names clients rely on").isRegularFile();
  }

  /**
   * Code, models, forms, build and CI files speak of the product too. The Flyway migrations are the one
   * exception: a migration that has run cannot change by a byte (Flyway refuses a database whose applied
   * migrations' checksums differ), so the comments of the earliest ones stay as they were written.
   */
  @Test
  void noSourceModelFormOrBuildFileNamesAnInternalIssueOrWorkPeriod() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> files = new ArrayList<>(List.of(Path.of("pom.xml"), Path.of("docker-compose.yml")));
    for (String root : List.of("src", "processes", "forms", ".ci")) {
      try (Stream<Path> walk = Files.walk(Path.of(root))) {
        walk.filter(Files::isRegularFile)
            .filter(path -> !path.toString().contains("node_modules"))
            .filter(path -> !path.startsWith(Path.of("src", "main", "resources", "db", "migration")))
            .filter(path -> path.toString().matches(".*\\.(java|xml|yaml|yml|properties|sql|bpmn|form|json|mjs|js|html|txt|md|sh)$")
                || path.getFileName().toString().equals("run"))
            .filter(path -> !path.getFileName().toString().equals("package-lock.json"))
            .sorted().forEach(files::add);
      }
    }
    for (Path file : files) {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        for (Pattern pattern : List.of(ISSUE_NUMBER, WORK_PERIOD)) {
          Matcher matcher = pattern.matcher(lines.get(i));
          while (matcher.find()) {
            found.add(file + ":" + (i + 1) + ": " + matcher.group());
          }
        }
      }
    }
    assertThat(files).as("the files read").hasSizeGreaterThan(100);
    assertThat(found).as("references that mean nothing on a fresh clone").isEmpty();
  }

  @Test
  void theReadmeStartsWithTheCommandsThatRunTheApplicationAndTheTestsAsCiRunsThem() throws IOException {
    List<String> lines = Files.readAllLines(README);
    List<String> firstBlock = lines.stream().dropWhile(line -> !line.startsWith("```"))
        .skip(1).takeWhile(line -> !line.startsWith("```")).toList();
    assertThat(firstBlock).hasSize(2);
    assertThat(firstBlock.get(0)).startsWith("mvn spring-boot:run ");
    assertThat(firstBlock.get(1)).startsWith("mvn verify -Pfaults ");
    assertThat(Files.readString(Path.of(".ci/run"))).contains("\nmvn -B verify -Pfaults");
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(README);
    try (Stream<Path> docs = Files.walk(DOCS)) {
      docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @Test
  void theRulesPageNamesOnlyClassesAndMethodsThatExist() throws IOException {
    List<String> missing = new ArrayList<>();
    int named = 0;
    for (String line : prose(RULES)) {
      Matcher name = CLASS_NAMED.matcher(line);
      while (name.find()) {
        named++;
        Path source = source(name.group(1), name.group(2));
        if (source == null) {
          missing.add(name.group() + ": no such class in src/main or src/test");
        } else if (name.group(3) != null
            && !Pattern.compile("\\b" + name.group(3) + "\\b").matcher(Files.readString(source)).find()) {
          missing.add(name.group() + ": " + source + " has no " + name.group(3));
        }
      }
    }
    assertThat(named).as("classes the rules page names").isGreaterThan(50);
    assertThat(missing).isEmpty();
  }

  /** The source of a class, in the package the name gives ({@code review/}) or in any package. */
  private static Path source(String packagePath, String className) throws IOException {
    for (Path root : List.of(Path.of("src/main/java/org/microcredentials"), Path.of("src/test/java/org/microcredentials"))) {
      try (Stream<Path> files = Files.walk(root)) {
        Path found = files.filter(file -> file.getFileName().toString().equals(className + ".java"))
            .filter(file -> root.relativize(file).toString().replace('\\', '/').startsWith(packagePath))
            .findFirst().orElse(null);
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }

  /** The link targets of a page, outside fenced code blocks and code spans. */
  static List<String> links(Path page) throws IOException {
    List<String> targets = new ArrayList<>();
    for (String line : prose(page)) {
      Matcher link = LINK.matcher(CODE_SPAN.matcher(line).replaceAll(""));
      while (link.find()) {
        targets.add(link.group(1));
      }
    }
    return targets;
  }

  /** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens. */
  static Set<String> anchors(Path page) throws IOException {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String line : prose(page)) {
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String slug = slug(heading.group(1));
        int count = seen.merge(slug, 1, Integer::sum);
        anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
      }
    }
    return anchors;
  }

  static String slug(String heading) {
    String text = heading.replaceAll("!?\\[([^\\]]*)\\]\\([^)]*\\)", "$1");
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
  }

  /** The lines of a page outside fenced code blocks. */
  private static List<String> prose(Path page) throws IOException {
    List<String> prose = new ArrayList<>();
    boolean fenced = false;
    for (String line : Files.readAllLines(page)) {
      if (line.stripLeading().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced) {
        prose.add(line);
      }
    }
    return prose;
  }

  private static boolean isExternal(String target) {
    return target.matches("(?i)[a-z][a-z0-9+.-]*:.*");
  }
}

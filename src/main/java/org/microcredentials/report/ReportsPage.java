package org.microcredentials.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.microcredentials.framework.SkillFrameworkRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reports page ({@code /reports}, template {@code reports.html}): a chart per report, drawn in
 * the browser by {@code /js/reports.js} from {@code /reports/data/{name}}, the filters, and a CSV
 * download per chart. The login is the reports chain of {@code security/WebSecurity}'s.
 */
@Controller
class ReportsPage {

  /** A chart of the page: the report it draws and where its data and its CSV come from. */
  record Chart(String name, String dataUrl, String csvUrl) {
  }

  record Choice(String value, String label) {
  }

  private final ReportReaders readers;
  private final SkillFrameworkRepository framework;
  private final JdbcClient jdbc;

  ReportsPage(ReportReaders readers, SkillFrameworkRepository framework, JdbcClient jdbc) {
    this.readers = readers;
    this.framework = framework;
    this.jdbc = jdbc;
  }

  @GetMapping("/reports")
  String reports(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String skillCode, @RequestParam(required = false) String team, Model model) {
    String reader = readers.requireReader();
    Map<String, Chart> charts = new LinkedHashMap<>();
    for (ReportName name : ReportName.values()) {
      charts.put(name.slug(), new Chart(name.slug(), url(name, from, to, skillCode, team, false),
          url(name, from, to, skillCode, team, true)));
    }
    model.addAttribute("reader", reader);
    model.addAttribute("charts", charts);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("skillCode", skillCode);
    model.addAttribute("team", team);
    model.addAttribute("skills", framework.current().skills().stream()
        .map(skill -> new Choice(skill.code(), skill.code() + " · " + skill.name())).toList());
    model.addAttribute("teams", jdbc.sql("""
            select distinct m.user_id, m.display_name from engineer m
            join engineer e on e.line_manager_id = m.user_id
            order by m.display_name""")
        .query((rs, row) -> new Choice(rs.getString("user_id"), rs.getString("display_name"))).list());
    return "reports";
  }

  private static String url(ReportName name, String from, String to, String skillCode, String team, boolean csv) {
    UriComponentsBuilder url = UriComponentsBuilder.fromPath("/reports/data/{name}");
    add(url, "from", from);
    add(url, "to", to);
    add(url, "skillCode", skillCode);
    add(url, "team", team);
    if (csv) {
      url.queryParam("format", "csv");
    }
    return url.encode().buildAndExpand(name.slug()).toUriString();
  }

  private static void add(UriComponentsBuilder url, String name, String value) {
    if (value != null && !value.isBlank()) {
      url.queryParam(name, value);
    }
  }
}

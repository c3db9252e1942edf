package org.microcredentials.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CSV cells a spreadsheet would run as a formula are written as text; numbers stay numbers. */
class CsvTest {

  @Test
  void aTextCellStartingAFormulaGetsASingleQuoteBeforeIt() {
    assertThat(Csv.field("=HYPERLINK(\"https://evil.example\",\"Open\")"))
        .isEqualTo("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Open\"\")\"");
    assertThat(Csv.field("=1+2")).isEqualTo("'=1+2");
    assertThat(Csv.field("+1+2")).isEqualTo("'+1+2");
    assertThat(Csv.field("-2+3+cmd|' /C calc'!A0")).isEqualTo("'-2+3+cmd|' /C calc'!A0");
    assertThat(Csv.field("@SUM(1,2)")).isEqualTo("\"'@SUM(1,2)\"");
    assertThat(Csv.field("\t=1+2")).isEqualTo("'\t=1+2");
    assertThat(Csv.field("\r=1+2")).isEqualTo("\"'\r=1+2\"");
  }

  @Test
  void numbersStayAsTheyAreAndTextThatOnlyLooksLikeOneIsText() {
    assertThat(Csv.field(-3)).isEqualTo("-3");
    assertThat(Csv.field(-0.5)).isEqualTo("-0.5");
    assertThat(Csv.field(new BigDecimal("-12.25"))).isEqualTo("-12.25");
    assertThat(Csv.field("-3")).isEqualTo("'-3");
  }

  @Test
  void ordinaryTextIsUnchanged() {
    assertThat(Csv.field("Language, \"Knowledge\"")).isEqualTo("\"Language, \"\"Knowledge\"\"\"");
    assertThat(Csv.field("a=b")).isEqualTo("a=b");
    assertThat(Csv.field("")).isEqualTo("");
    assertThat(Csv.field(null)).isEqualTo("");
  }

  @Test
  void aWholeReportIsNeutralisedCellByCell() {
    Report report = new Report("endorsements-by-endorser", ReportFilter.none(), List.of("endorser", "name", "started"),
        List.of(Map.of("endorser", "carol", "name", "=HYPERLINK(\"https://evil.example\")", "started", -1)));
    assertThat(Csv.of(report)).isEqualTo("endorser,name,started\r\n"
        + "carol,\"'=HYPERLINK(\"\"https://evil.example\"\")\",-1\r\n");
  }
}

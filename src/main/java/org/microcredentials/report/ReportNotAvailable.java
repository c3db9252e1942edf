package org.microcredentials.report;

/** A report of the contract whose data does not exist yet (the promotion report before the promotion application). */
class ReportNotAvailable extends RuntimeException {

  private final ReportName name;

  ReportNotAvailable(ReportName name) {
    super("The report '" + name.slug() + "' arrives with the promotion application: there are no promotions to "
        + "relate credentials to yet.");
    this.name = name;
  }

  ReportName name() {
    return name;
  }
}

package org.microcredentials.security;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.microcredentials.process.TransientFailures;

/**
 * What Tomcat refuses before any filter of ours runs (a null byte or a raw backslash in the URL, a request line
 * it cannot parse) is answered as the firewall answers, a small problem detail, instead of Tomcat's HTML page.
 * Errors of the application keep Spring Boot's handling: this reports only where nothing was written.
 */
final class TomcatRefusals extends ErrorReportValve {

  static boolean isErrorReport(Valve valve) {
    return valve instanceof ErrorReportValve;
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    boolean malformed = status == 400;
    String rule = malformed ? "well-formed-url" : "http-" + status;
    String detail = malformed
        ? "The request is not well formed (its URL is not in its normal form, or it holds control characters)."
        : "The request could not be served.";
    try {
      response.setContentType(TransientFailures.CONTENT_TYPE);
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write("{\"type\":\"urn:microcredentials:problem:" + rule + "\",\"title\":\"" + (malformed ? "Bad Request"
            : "Error") + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\",\"rule\":\"" + rule
            + "\",\"message\":\"" + detail + "\"}");
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException ignored) {
      // The client is gone or the response was taken over: nothing more to say.
    }
  }
}

package org.microcredentials.portfolio;

import org.springframework.web.util.HtmlUtils;

/** The frame of our server-rendered pages. Every piece of user text goes through {@link #text}. */
final class HtmlLayout {

  private static final String STYLE = """
      body{margin:0;font-family:-apple-system,"Segoe UI",Helvetica,Arial,sans-serif;background:#f4f5f7;color:#1d2433}
      header{background:#1d2433;color:#fff;padding:24px 40px}
      header h1{margin:0 0 4px;font-size:26px} header p{margin:0;color:#c5cad6}
      main{padding:24px 40px;max-width:1200px}
      .summary{display:flex;gap:16px;margin-bottom:24px;flex-wrap:wrap}
      .pill{background:#fff;border-radius:20px;padding:8px 16px;box-shadow:0 1px 2px rgba(0,0,0,.1)}
      .pill.ok{background:#e3f4ea;color:#1c6b3c} .pill.no{background:#fbe9e9;color:#8a1c1c}
      .gallery{display:grid;grid-template-columns:repeat(auto-fill,minmax(340px,1fr));gap:20px}
      .card{background:#fff;border-radius:10px;padding:18px;box-shadow:0 1px 3px rgba(0,0,0,.12);display:flex;gap:16px}
      .card.revoked{opacity:.75;border:2px solid #b00020}
      .card h2{margin:0 0 4px;font-size:18px} .muted{color:#5b6478;font-size:13px}
      .score{font-size:22px;font-weight:700} .status{font-weight:600;font-size:13px;margin:6px 0}
      .status.valid{color:#1c6b3c} .status.expired{color:#8a5a14} .status.revoked{color:#b00020}
      .impact{white-space:pre-wrap;font-size:13px;background:#f7f8fa;border-radius:6px;padding:8px;max-height:160px;overflow:auto}
      .next{font-size:13px;margin-top:8px} .next ul{margin:4px 0 0;padding-left:18px}
      table{border-collapse:collapse;background:#fff;border-radius:8px} td,th{padding:8px 14px;text-align:left;border-bottom:1px solid #e6e8ee}
      .check.passed::before{content:"\\2714  ";color:#1c6b3c} .check.failed::before{content:"\\2718  ";color:#b00020}
      a{color:#2b5d9c}
      """;

  private HtmlLayout() {
  }

  static String text(Object value) {
    return value == null ? "" : HtmlUtils.htmlEscape(value.toString());
  }

  static String page(String title, String subtitle, String body) {
    return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + text(title) + "</title><style>" + STYLE + "</style></head><body>"
        + "<header><h1>" + text(title) + "</h1><p>" + text(subtitle) + "</p></header><main>" + body
        + "</main></body></html>";
  }
}

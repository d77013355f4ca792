package dev.plimsoll.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The scripts and style sheets every report inlines, read once from this module's resources:
 * uPlot's (taken from its WebJar at build time into {@code uplot-dist/}, a folder that is no
 * package, see the pom) and the report's own. With them, the
 * hashes that the page's Content-Security-Policy allows: only these two scripts may run, so even
 * markup that slipped through escaping could run nothing.
 */
final class Assets {

  /** uPlot's version, as the build took it from its WebJar. */
  static final String UPLOT_VERSION = "1.6.30";

  static final String UPLOT_JS = read("uplot-dist/uPlot.iife.min.js", "script");
  static final String UPLOT_CSS = read("uplot-dist/uPlot.min.css", "style");
  static final String UPLOT_LICENSE = read("uplot-dist/LICENSE", "--");
  static final String REPORT_JS = read("report.js", "script");
  static final String REPORT_CSS = read("report.css", "style");
  static final String LIVE_JS = read("live.js", "script");

  /** The Content-Security-Policy of every report: nothing from the network, only these scripts. */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src "
      + hash(UPLOT_JS) + " " + hash(REPORT_JS) + "; style-src 'unsafe-inline'; img-src data:";

  /**
   * The live page's: its own script besides, and connections back to the server that serves it,
   * for the events that update it.
   */
  static final String LIVE_CONTENT_SECURITY_POLICY = "default-src 'none'; script-src "
      + hash(UPLOT_JS) + " " + hash(REPORT_JS) + " " + hash(LIVE_JS)
      + "; connect-src 'self'; style-src 'unsafe-inline'; img-src data:";

  private Assets() {}

  private static String read(String name, String element) {
    try (InputStream in = Assets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the HTML report's resource " + name + " is missing from"
            + " its jar (uPlot's files are unpacked from the WebJar at build time)");
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      // Inlined as the content of an element, which this text must not end early.
      if (text.toLowerCase(java.util.Locale.ROOT).contains("</" + element)) {
        throw new IllegalStateException("resource " + name + " contains </" + element);
      }
      return text;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the HTML report's resource " + name, e);
    }
  }

  /**
   * Appends a page's start up to its body: the content security policy, the title, uPlot's
   * licence (it is inlined) and the styles. One head for every page the module writes.
   */
  static StringBuilder appendHead(StringBuilder page, String contentSecurityPolicy, String title) {
    return page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(contentSecurityPolicy).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"generator\" content=\"Plimsoll\">\n")
        .append("<title>").append(Text.html(title)).append("</title>\n")
        .append("<!-- Charts: uPlot ").append(UPLOT_VERSION)
        .append(" (https://github.com/leeoniya/uPlot), inlined. Its licence:\n")
        .append(UPLOT_LICENSE.replace("--", "- -")).append("-->\n")
        .append("<style>").append(UPLOT_CSS).append("</style>\n")
        .append("<style>").append(REPORT_CSS).append("</style>\n")
        .append("</head>\n<body>\n");
  }

  private static String hash(String script) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(script.getBytes(StandardCharsets.UTF_8));
      return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}

package org.mlnews.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Refuses a request whose query string is not well percent-encoded ({@code ?query=%ZZ}) with
 * {@code 400}: Fuseki would fail decoding it deep inside and answer {@code 500}, a server error
 * for the client's mistake.
 *
 * <pre>{@code
 * FusekiServer.create().addFilter("/*", new WellFormedQueryStrings());
 * }</pre>
 */
final class WellFormedQueryStrings implements Filter {
  /** A '%' not followed by two hex digits. */
  private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String qs = ((HttpServletRequest) request).getQueryString();
    if (qs != null && BAD_ESCAPE.matcher(qs).find()) {
      byte[] body = "Bad request: the query string holds a '%' that is not followed by two hex digits.\n"
          .getBytes(StandardCharsets.UTF_8);
      var resp = (HttpServletResponse) response;
      resp.setStatus(400);
      resp.setContentType("text/plain; charset=utf-8");
      resp.setContentLength(body.length);
      resp.getOutputStream().write(body);
      return;
    }
    chain.doFilter(request, response);
  }
}

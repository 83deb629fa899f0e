package org.mlnews.server;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A servlet of things to read: GET and HEAD are answered by {@code doGet}; every other method is
 * 405 with {@code Allow: GET, HEAD} (HttpServlet would answer TRACE by echoing the request, and
 * POST with the container's error page).
 *
 * <pre>{@code
 * final class DumpServlet extends ReadOnlyServlet {
 *   protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException { ... }
 * }
 * }</pre>
 */
abstract class ReadOnlyServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException, ServletException {
    if (!req.getMethod().equals("GET") && !req.getMethod().equals("HEAD")) {
      resp.setHeader("Allow", "GET, HEAD");
      text(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method not allowed: this path answers GET and HEAD.");
      return;
    }
    super.service(req, resp);
  }

  /** A plain-text answer: an error's reason, for a person or a client's log. */
  static void text(HttpServletResponse resp, int status, String message) throws IOException {
    resp.setStatus(status);
    resp.setContentType("text/plain");
    resp.setCharacterEncoding("UTF-8");
    resp.getWriter().write(message + "\n");
  }
}

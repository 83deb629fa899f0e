package org.mlnews.server;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The outermost handler of the server: security headers on every response, a cap on the size
 * of a request body, and no badly encoded query string or form.
 *
 * <ul>
 *   <li><b>Headers.</b> {@code X-Content-Type-Options: nosniff}, {@code Referrer-Policy:
 *       same-origin}, {@code X-Frame-Options: DENY} and a {@code Content-Security-Policy} that
 *       allows nothing to load or run ({@code default-src 'none'}, inline style only, no framing,
 *       no forms): SPARQL results, named queries and metrics are data, not pages. They are set
 *       before the request goes on, so the browser's pages, which need more (their stylesheet,
 *       the UI's scripts), replace them with their own policy.
 *   <li><b>Request bodies.</b> A body larger than {@code maxRequestBytes} is refused with
 *       {@code 413}: at once when its {@code Content-Length} says so, and when a chunked body
 *       passes the limit while it is read (reading fails there; the status the servlet then sets
 *       becomes 413). Fuseki reads a POSTed query or update into memory, so without a limit one
 *       client could fill the heap. (Fuseki itself lets a request line and headers take up to
 *       512 KB, so that long queries fit in a GET; more is refused with {@code 414}/{@code 431}.)
 *   <li><b>Query strings.</b> One with a {@code %} not followed by two hex digits
 *       ({@code ?query=%ZZ}) is refused with {@code 400}; Fuseki would fail decoding it and
 *       answer {@code 500}, a server error for the client's mistake. The same holds for the body
 *       of a form ({@code application/x-www-form-urlencoded}, which is how a SPARQL query or
 *       update is POSTed from an HTML form), read here and handed on unchanged; and a body whose
 *       declared charset this JVM does not know is refused with {@code 415}.
 * </ul>
 *
 * <pre>{@code
 * jetty.setHandler(new Guard(jetty.getHandler(), 1 << 20));
 * }</pre>
 */
final class Guard extends Handler.Wrapper {
  /** What the non-page responses allow: nothing but their own inline style. */
  static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
      + "base-uri 'none'; form-action 'none'";

  /** A '%' not followed by two hex digits. */
  private static final java.util.regex.Pattern BAD_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");

  private final long maxRequestBytes;

  Guard(Handler handler, long maxRequestBytes) {
    super(handler);
    this.maxRequestBytes = maxRequestBytes;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    var headers = response.getHeaders();
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("Referrer-Policy", "same-origin");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Content-Security-Policy", CSP);
    String query = request.getHttpURI().getQuery();
    if (query != null && BAD_ESCAPE.matcher(query).find()) {
      Response.writeError(request, response, callback, 400,
          "Bad request: the query string holds a '%' not followed by two hex digits");
      return true;
    }
    long declared = request.getLength();
    if (declared > maxRequestBytes) {
      Response.writeError(request, response, callback, 413, tooLarge(declared));
      return true;
    }
    String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
    String charset = contentType == null ? null : MimeTypes.getCharsetFromContentType(contentType);
    if (charset != null && !isSupported(charset)) {
      Response.writeError(request, response, callback, 415,
          "Unsupported media type: unknown charset '" + charset + "'");
      return true;
    }
    if (declared >= 0 && contentType != null
        && MimeTypes.getContentTypeWithoutCharset(contentType).strip().equalsIgnoreCase(FORM)) {
      // Within the limit, so it may be read whole here, checked, and given on as it came.
      ByteBuffer body = Content.Source.asByteBuffer(request);
      if (BAD_ESCAPE.matcher(StandardCharsets.ISO_8859_1.decode(body.duplicate())).find()) {
        Response.writeError(request, response, callback, 400,
            "Bad request: the form holds a '%' not followed by two hex digits");
        return true;
      }
      return super.handle(new Replayed(request, body), response, callback);
    }
    if (declared >= 0) {
      return super.handle(request, response, callback); // the length is known and within the limit
    }
    var passed = new AtomicBoolean();
    Request limited = new Request.Wrapper(request) {
      private long read;

      @Override
      public Content.Chunk read() {
        Content.Chunk chunk = super.read();
        if (chunk == null || Content.Chunk.isFailure(chunk)) {
          return chunk;
        }
        read += chunk.remaining();
        if (read > maxRequestBytes) {
          passed.set(true);
          chunk.release();
          return Content.Chunk.from(new BadMessageException(413, tooLarge(read)));
        }
        return chunk;
      }
    };
    Response guarded = new Response.Wrapper(limited, response) {
      @Override
      public void setStatus(int code) {
        // Fuseki answers a failed read with 500; the client should hear why.
        super.setStatus(passed.get() && code >= 400 ? 413 : code);
      }
    };
    return super.handle(limited, guarded, callback);
  }

  private static final String FORM = "application/x-www-form-urlencoded";

  private static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  /** A request whose body, read already, is given again as one last chunk. */
  private static final class Replayed extends Request.Wrapper {
    private ByteBuffer body;

    Replayed(Request request, ByteBuffer body) {
      super(request);
      this.body = body;
    }

    @Override
    public Content.Chunk read() {
      ByteBuffer b = body;
      body = null;
      return b == null ? Content.Chunk.EOF : Content.Chunk.from(b, true);
    }

    @Override
    public void demand(Runnable demandCallback) {
      demandCallback.run(); // the body is all here: reading never has to wait
    }
  }

  private String tooLarge(long bytes) {
    return "Request body is too large: " + bytes + " bytes, more than the " + maxRequestBytes
        + " this server accepts";
  }
}

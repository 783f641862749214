package io.portolan.infrastructure.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses request bodies over 64 KiB with 413: by the declared length up front, and by counting
 * when the body is chunked. A price-list import takes up to 16 MiB: LiteLLM's price map is over 1
 * MB.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {
  public static final int MAX_BYTES = 64 * 1024;
  static final int MAX_IMPORT_BYTES = 16 * 1024 * 1024;
  private static final String IMPORT_PATH = "prices/import";

  @Override
  public void filter(ContainerRequestContext request) {
    int limit = request.getUriInfo().getPath().endsWith(IMPORT_PATH) ? MAX_IMPORT_BYTES : MAX_BYTES;
    if (request.getLength() > limit) {
      request.abortWith(tooLarge(limit));
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream(), limit));
    }
  }

  static jakarta.ws.rs.core.Response tooLarge(int limit) {
    return Problems.response(
        413,
        ProblemTypes.PAYLOAD_TOO_LARGE,
        "Payload too large",
        "The request body is larger than " + limit + " bytes (" + (limit / 1024) + " KiB).");
  }

  /** Counts bytes read and fails past the limit. */
  static final class Limited extends FilterInputStream {
    private final int limit;
    private long count;

    Limited(InputStream in, int limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) add(1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      int n = super.read(buffer, off, len);
      if (n > 0) add(n);
      return n;
    }

    private void add(int n) {
      count += n;
      if (count > limit) {
        throw new jakarta.ws.rs.WebApplicationException(tooLarge(limit));
      }
    }
  }
}

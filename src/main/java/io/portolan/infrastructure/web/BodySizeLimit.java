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
 * when the body is chunked.
 */
@Provider
@PreMatching
public class BodySizeLimit implements ContainerRequestFilter {
  public static final int MAX_BYTES = 64 * 1024;

  @Override
  public void filter(ContainerRequestContext request) {
    if (request.getLength() > MAX_BYTES) {
      request.abortWith(tooLarge());
      return;
    }
    if (request.hasEntity()) {
      request.setEntityStream(new Limited(request.getEntityStream()));
    }
  }

  static jakarta.ws.rs.core.Response tooLarge() {
    return Problems.response(
        413,
        "payload-too-large",
        "Payload too large",
        "The request body is larger than " + MAX_BYTES + " bytes (64 KiB).");
  }

  /** Counts bytes read and fails past the limit. */
  static final class Limited extends FilterInputStream {
    private long count;

    Limited(InputStream in) {
      super(in);
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
      if (count > MAX_BYTES) {
        throw new jakarta.ws.rs.WebApplicationException(tooLarge());
      }
    }
  }
}

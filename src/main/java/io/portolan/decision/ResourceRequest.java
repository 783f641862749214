package io.portolan.decision;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A decision request as the JAX-RS servlet sees it when {@link DecisionServlet} hands it over:
 * under the API's mapping ({@code /api/v1} + {@code /decisions}, where the servlet's own exact
 * mapping would leave JAX-RS nothing to route), with the body the servlet has already read, if it
 * has.
 */
final class ResourceRequest extends HttpServletRequestWrapper {
  private final ServletInputStream replay;

  /**
   * @param body the body already read, or null when it is still unread
   */
  ResourceRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.replay = body == null ? null : new Replay(body);
  }

  @Override
  public String getServletPath() {
    return "/api/v1";
  }

  @Override
  public String getPathInfo() {
    return "/decisions";
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    return replay == null ? super.getInputStream() : replay;
  }

  @Override
  public BufferedReader getReader() throws IOException {
    return replay == null
        ? super.getReader()
        : new BufferedReader(new InputStreamReader(replay, StandardCharsets.UTF_8));
  }

  private static final class Replay extends ServletInputStream {
    private final ByteArrayInputStream bytes;

    Replay(byte[] body) {
      bytes = new ByteArrayInputStream(body);
    }

    @Override
    public int read() {
      return bytes.read();
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      return bytes.read(buffer, offset, length);
    }

    @Override
    public boolean isFinished() {
      return bytes.available() == 0;
    }

    @Override
    public boolean isReady() {
      return true;
    }

    @Override
    public void setReadListener(ReadListener listener) {
      throw new IllegalStateException("the body is already read");
    }
  }
}

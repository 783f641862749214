package io.portolan.infrastructure.logging;

/**
 * What the current thread is serving: request id, tenant, decision id. Kept in one holder per
 * thread, reset for each request, so setting a field allocates nothing.
 */
public final class LogContext {
  static final class Fields {
    String requestId;
    String tenant;
    String decisionId;
  }

  private static final ThreadLocal<Fields> CURRENT = ThreadLocal.withInitial(Fields::new);

  private LogContext() {}

  static Fields current() {
    return CURRENT.get();
  }

  /** A request begins on this thread: earlier fields are forgotten. */
  public static void begin(String requestId) {
    Fields fields = CURRENT.get();
    fields.requestId = requestId;
    fields.tenant = null;
    fields.decisionId = null;
  }

  public static void tenant(String tenant) {
    CURRENT.get().tenant = tenant;
  }

  public static void decision(String decisionId) {
    CURRENT.get().decisionId = decisionId;
  }

  /** The request ended: the thread serves no one. */
  public static void end() {
    begin(null);
  }

  public static String requestId() {
    return CURRENT.get().requestId;
  }
}

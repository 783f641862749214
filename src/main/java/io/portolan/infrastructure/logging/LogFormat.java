package io.portolan.infrastructure.logging;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * {@code portolan.log.format} ({@code PORTOLAN_LOG_FORMAT}): {@code text} (the server's own format,
 * the default) or {@code json}, one object per line ({@link JsonLogFormatter}) on the console. For
 * json the console handlers of the root logger are replaced by one that formats on the logging
 * thread, where the request's ids are known; they are put back when Portolan is undeployed.
 */
@ApplicationScoped
public class LogFormat {
  private static final Logger LOG = Logger.getLogger(LogFormat.class.getName());

  @Inject LogConfig config;

  private final List<Handler> replaced = new ArrayList<>();
  private Handler json;

  void apply(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (!"json".equalsIgnoreCase(config.format().trim())) {
      return;
    }
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      if (handler instanceof ConsoleHandler || handler.getClass().getName().contains("Console")) {
        replaced.add(handler);
      }
    }
    json = new JsonConsoleHandler();
    root.addHandler(json);
    replaced.forEach(root::removeHandler);
    LOG.info(
        "logs are JSON lines (portolan.log.format=json); replaced console handlers: "
            + replaced.stream().map(h -> h.getClass().getName()).toList());
  }

  @PreDestroy
  void restore() {
    if (json != null) {
      Logger root = Logger.getLogger("");
      replaced.forEach(root::addHandler);
      root.removeHandler(json);
      json.close();
    }
  }

  /**
   * Writes to the process's standard error stream itself (the server may route {@code System.err}
   * into logging, which would loop), flushing each line so lines of two threads never interleave.
   */
  private static final class JsonConsoleHandler extends StreamHandler {
    JsonConsoleHandler() {
      super(new FileOutputStream(FileDescriptor.err), new JsonLogFormatter());
      try {
        setEncoding("UTF-8");
      } catch (java.io.UnsupportedEncodingException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
    }

    @Override
    public synchronized void close() {
      flush(); // never close the process's standard error
    }
  }
}

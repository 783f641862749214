package io.portolan.infrastructure.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

/**
 * One JSON object per line: time, level, logger, message, thread, and the request id, tenant and
 * decision id of the request the logging thread serves (read from {@link LogContext} on that
 * thread, so the handler must publish synchronously), and the stack trace of an exception. A bearer
 * token or anything shaped like a JWT is replaced by {@code [token]} before it is written.
 */
public class JsonLogFormatter extends Formatter {
  private static final JsonFactory JSON = new JsonFactory();
  private static final Pattern TOKEN =
      Pattern.compile(
          "eyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]*|(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}");

  @Override
  public String format(LogRecord record) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("time", Instant.ofEpochMilli(record.getMillis()).toString());
      json.writeStringField("level", record.getLevel().getName());
      json.writeStringField("logger", record.getLoggerName());
      json.writeStringField("message", redact(formatMessage(record)));
      json.writeStringField("thread", Thread.currentThread().getName());
      LogContext.Fields context = LogContext.current();
      field(json, "requestId", context.requestId);
      field(json, "tenant", context.tenant);
      field(json, "decisionId", context.decisionId);
      if (record.getThrown() != null) {
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        json.writeStringField("exception", redact(trace.toString()));
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.append('\n').toString();
  }

  private static void field(JsonGenerator json, String name, String value) throws IOException {
    if (value != null) {
      json.writeStringField(name, value);
    }
  }

  static String redact(String text) {
    return text == null
        ? ""
        : TOKEN
            .matcher(text)
            .replaceAll(
                m ->
                    java.util.regex.Matcher.quoteReplacement(
                        m.group(1) != null ? m.group(1) + "[token]" : "[token]"));
  }
}

package io.portolan.ledger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/** Streams a log export as CSV (with a header row) or NDJSON, row by row, as an attachment. */
public final class ExportStream {
  public static final String CSV = "text/csv";
  public static final String NDJSON = "application/x-ndjson";

  /** Reads a log's rows into the sink; may throw whatever reading the rows throws. */
  @FunctionalInterface
  public interface Source<T> {
    void read(RowSink<T> sink) throws Exception;
  }

  private ExportStream() {}

  public static boolean wantsCsv(String format, String accept) {
    return "csv".equals(format) || (format == null && accept != null && accept.contains(CSV));
  }

  /**
   * The export named {@code name}: CSV with {@code csvHeader} and one {@code csvRow} per row, or
   * one JSON document per line.
   */
  public static <T> Response response(
      String name, boolean csv, String csvHeader, Function<T, String> csvRow, Source<T> rows) {
    StreamingOutput body =
        out -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
          try {
            if (csv) {
              writer.write(csvHeader);
              rows.read(row -> writer.write(csvRow.apply(row)));
            } else {
              writeNdjson(writer, rows);
            }
            writer.flush();
          } catch (IOException | RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IOException(e);
          }
        };
    return Response.ok(body, csv ? CSV + "; charset=utf-8" : NDJSON)
        .header(
            "Content-Disposition",
            "attachment; filename=\"" + name + "." + (csv ? "csv" : "ndjson") + "\"")
        .build();
  }

  private static <T> void writeNdjson(Writer writer, Source<T> rows) throws Exception {
    // One generator for the whole stream: a writer per row would cost more than the row.
    JsonGenerator json = JacksonConfig.MAPPER.createGenerator(writer);
    json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    json.setRootValueSeparator(null);
    ObjectWriter values =
        JacksonConfig.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    rows.read(
        row -> {
          values.writeValue(json, row);
          json.writeRaw('\n');
        });
    json.flush();
  }
}

package io.portolan.audit;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Streams an export as CSV (with a header row) or NDJSON, row by row, as an attachment. */
final class ExportStream {
  static final String CSV = "text/csv";
  static final String NDJSON = "application/x-ndjson";

  /** Writes every row through the writer; may throw whatever reading the rows throws. */
  @FunctionalInterface
  interface Rows {
    void write(Writer writer) throws Exception;
  }

  private ExportStream() {}

  static boolean wantsCsv(String format, String accept) {
    return "csv".equals(format) || (format == null && accept != null && accept.contains(CSV));
  }

  static Response response(String name, boolean csv, String csvHeader, Rows rows) {
    StreamingOutput body =
        out -> {
          Writer writer =
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
          try {
            if (csv) {
              writer.write(csvHeader);
            }
            rows.write(writer);
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
}

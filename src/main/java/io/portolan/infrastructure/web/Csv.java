package io.portolan.infrastructure.web;

/**
 * RFC 4180 fields, safe to open in a spreadsheet: a cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with a single quote.
 */
public final class Csv {
  private Csv() {}

  public static String field(String value) {
    if (value == null) {
      return "";
    }
    String safe =
        !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote =
        safe.indexOf(',') >= 0
            || safe.indexOf('"') >= 0
            || safe.indexOf('\n') >= 0
            || safe.indexOf('\r') >= 0;
    return quote ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
  }

  public static String row(String... fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) line.append(',');
      line.append(field(fields[i]));
    }
    return line.append("\r\n").toString();
  }
}

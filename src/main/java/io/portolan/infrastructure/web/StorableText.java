package io.portolan.infrastructure.web;

/**
 * What a text from a caller may hold before it goes anywhere near the database. PostgreSQL's {@code
 * text} cannot store NUL at all (the driver's error surfaced as a 500), and an unpaired surrogate
 * or a control character is never meant as data: each is refused where input enters, so no feature
 * has to remember it.
 */
public final class StorableText {
  /** Values that span lines (JSON strings: justifications, comments) may hold these. */
  public enum Lines {
    SINGLE,
    MULTIPLE
  }

  private StorableText() {}

  /** Why the text cannot be stored, for the caller to read; null when it can. */
  public static String problemIn(CharSequence text, Lines lines) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        continue; // the common case, printable ASCII
      }
      String problem = problemAt(text, i, lines);
      if (problem != null) {
        return problem;
      }
      if (Character.isHighSurrogate(c)) {
        i++; // its low half was checked with it
      }
    }
    return null;
  }

  private static String problemAt(CharSequence text, int i, Lines lines) {
    char c = text.charAt(i);
    if (c == 0) {
      return "contains a NUL character (U+0000), which cannot be stored";
    }
    if (Character.isHighSurrogate(c)) {
      boolean paired = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
      return paired ? null : "contains an unpaired surrogate (" + codePoint(c) + ")";
    }
    if (Character.isLowSurrogate(c)) {
      return "contains an unpaired surrogate (" + codePoint(c) + ")";
    }
    if (Character.getType(c) != Character.CONTROL || c == '\t') {
      return null;
    }
    if (lines == Lines.MULTIPLE && (c == '\n' || c == '\r')) {
      return null;
    }
    return "contains the control character "
        + codePoint(c)
        + (lines == Lines.SINGLE
            ? "; a single-line value may hold only printable text and tabs"
            : "");
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}

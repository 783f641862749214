package io.portolan.bundlesigning;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SHA-256 of a bundle file as OPA computes it to verify a signature: the bytes of a policy
 * file; for the structured files ({@code data.json}, {@code .manifest}) a canonical form (keys in
 * byte order, no spaces, strings escaped as Go's JSON encoder does, numbers as written), so the
 * hash does not depend on formatting.
 */
public final class BundleFileHash {
  public static final String ALGORITHM = "SHA-256";
  private static final JsonFactory JSON = new JsonFactory();
  private static final List<String> STRUCTURED = List.of("data.json", "data.yaml", ".manifest");

  private BundleFileHash() {}

  public static String of(String name, byte[] content) {
    String base = name.substring(name.lastIndexOf('/') + 1);
    byte[] hashed = STRUCTURED.contains(base) ? canonical(content) : content;
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(ALGORITHM).digest(hashed));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] canonical(byte[] json) {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
      write(read(parser), out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A number keeps its literal text, as OPA reads numbers (json.Number). */
  private record Literal(String text) {}

  private static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new TreeMap<>(BundleFileHash::byUtf8);
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          parser.nextToken();
          object.put(key, read(parser));
        }
        return object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser));
        }
        return array;
      }
      case VALUE_STRING -> {
        return parser.getText();
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
        return new Literal(parser.getText());
      }
      default -> throw new IllegalArgumentException("not JSON: " + token);
    }
  }

  /** Go sorts keys by their UTF-8 bytes. */
  private static int byUtf8(String a, String b) {
    return Arrays.compareUnsigned(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Object value, ByteArrayOutputStream out) {
    if (value instanceof Map<?, ?> object) {
      out.write('{');
      boolean first = true;
      for (var entry : object.entrySet()) {
        if (!first) out.write(',');
        first = false;
        writeString((String) entry.getKey(), out);
        out.write(':');
        write(entry.getValue(), out);
      }
      out.write('}');
    } else if (value instanceof List<?> array) {
      out.write('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) out.write(',');
        write(array.get(i), out);
      }
      out.write(']');
    } else if (value instanceof Literal literal) {
      out.writeBytes(literal.text().getBytes(StandardCharsets.UTF_8));
    } else {
      writeString((String) value, out);
    }
  }

  /** As Go's encoding/json with HTML escaping off. */
  private static void writeString(String text, ByteArrayOutputStream out) {
    StringBuilder s = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        case '\b' -> s.append("\\b");
        case '\f' -> s.append("\\f");
        case '\u2028', '\u2029' -> s.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) s.append(String.format("\\u%04x", (int) c));
          else s.append(c);
        }
      }
    }
    out.writeBytes(s.append('"').toString().getBytes(StandardCharsets.UTF_8));
  }
}

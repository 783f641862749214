package io.portolan.infrastructure.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayDeque;

/**
 * A JSON factory whose parsers refuse, token by token, every string and field name that {@link
 * StorableText} refuses: request bodies at any depth (typed fields, maps, trees) are checked in the
 * one place they are read, before any feature sees them.
 */
public final class StorableTextJson extends JsonFactory {
  public StorableTextJson() {}

  private StorableTextJson(StorableTextJson source) {
    super(source, null);
  }

  @Override
  public JsonFactory copy() {
    return new StorableTextJson(this);
  }

  @Override
  protected JsonParser _createParser(InputStream in, IOContext context) throws IOException {
    return new Checked(super._createParser(in, context));
  }

  @Override
  protected JsonParser _createParser(Reader reader, IOContext context) throws IOException {
    return new Checked(super._createParser(reader, context));
  }

  @Override
  protected JsonParser _createParser(
      char[] data, int offset, int length, IOContext context, boolean recyclable)
      throws IOException {
    return new Checked(super._createParser(data, offset, length, context, recyclable));
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context)
      throws IOException {
    return new Checked(super._createParser(data, offset, length, context));
  }

  @Override
  protected JsonParser _createParser(DataInput input, IOContext context) throws IOException {
    return new Checked(super._createParser(input, context));
  }

  /** A text the database must not receive, with the field it came in. */
  public static final class UnstorableTextException extends JsonParseException {
    private final String field;
    private final String problem;

    UnstorableTextException(JsonParser parser, String field, String problem) {
      super(parser, field + ": " + problem);
      this.field = field;
      this.problem = problem;
    }

    public ProblemException toProblemException() {
      return ProblemException.badRequest(field, problem);
    }
  }

  /**
   * Every way of moving to the next token goes through {@link #nextToken()}: the delegate's own
   * shortcuts (nextFieldName, nextTextValue, skipChildren) would step over strings unchecked.
   */
  static final class Checked extends JsonParserDelegate {
    Checked(JsonParser parser) {
      super(parser);
    }

    @Override
    public JsonToken nextToken() throws IOException {
      JsonToken token = delegate.nextToken();
      if (token == JsonToken.VALUE_STRING) {
        check(delegate.getText(), StorableText.Lines.MULTIPLE);
      } else if (token == JsonToken.FIELD_NAME) {
        check(delegate.currentName(), StorableText.Lines.SINGLE);
      }
      return token;
    }

    private void check(String text, StorableText.Lines lines) throws UnstorableTextException {
      String problem = StorableText.problemIn(text, lines);
      if (problem != null) {
        throw new UnstorableTextException(this, pathOf(delegate.getParsingContext()), problem);
      }
    }

    /** The field as the API's other errors name it: {@code conditions.regions[0]}. */
    static String pathOf(JsonStreamContext context) {
      ArrayDeque<JsonStreamContext> outermostFirst = new ArrayDeque<>();
      for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
        outermostFirst.push(c);
      }
      StringBuilder path = new StringBuilder();
      for (JsonStreamContext c : outermostFirst) {
        if (c.inArray()) {
          path.append('[').append(Math.max(c.getCurrentIndex(), 0)).append(']');
        } else if (c.getCurrentName() != null) {
          path.append(path.isEmpty() ? "" : ".").append(c.getCurrentName());
        }
      }
      return path.isEmpty() ? "body" : path.toString();
    }

    @Override
    public JsonToken nextValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.FIELD_NAME ? nextToken() : token;
    }

    @Override
    public String nextFieldName() throws IOException {
      return nextToken() == JsonToken.FIELD_NAME ? currentName() : null;
    }

    @Override
    public boolean nextFieldName(SerializableString name) throws IOException {
      return nextToken() == JsonToken.FIELD_NAME && name.getValue().equals(currentName());
    }

    @Override
    public String nextTextValue() throws IOException {
      return nextToken() == JsonToken.VALUE_STRING ? getText() : null;
    }

    @Override
    public int nextIntValue(int otherwise) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getIntValue() : otherwise;
    }

    @Override
    public long nextLongValue(long otherwise) throws IOException {
      return nextToken() == JsonToken.VALUE_NUMBER_INT ? getLongValue() : otherwise;
    }

    @Override
    public Boolean nextBooleanValue() throws IOException {
      JsonToken token = nextToken();
      return token == JsonToken.VALUE_TRUE
          ? Boolean.TRUE
          : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }

    @Override
    public JsonParser skipChildren() throws IOException {
      JsonToken current = currentToken();
      if (current != JsonToken.START_OBJECT && current != JsonToken.START_ARRAY) {
        return this;
      }
      for (int open = 1; open > 0; ) {
        JsonToken token = nextToken();
        if (token == null) {
          return this;
        }
        open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0;
      }
      return this;
    }
  }
}

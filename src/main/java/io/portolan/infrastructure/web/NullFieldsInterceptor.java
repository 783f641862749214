package io.portolan.infrastructure.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Refuses explicit top-level nulls in the bodies of {@link RefuseNullFields} methods; see there.
 */
@Provider
@RefuseNullFields
public class NullFieldsInterceptor implements ReaderInterceptor {
  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context)
      throws IOException, WebApplicationException {
    byte[] body = context.getInputStream().readAllBytes(); // at most BodySizeLimit.MAX_BYTES
    refuseNulls(body);
    context.setInputStream(new ByteArrayInputStream(body));
    return context.proceed();
  }

  private static void refuseNulls(byte[] body) {
    JsonNode tree;
    try {
      tree = JacksonConfig.INPUT.readTree(body);
    } catch (IOException | RuntimeException e) {
      return; // the JSON provider reads it again and reports what is wrong with it
    }
    if (tree == null || !tree.isObject()) return;
    for (Iterator<Map.Entry<String, JsonNode>> fields = tree.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      if (field.getValue().isNull()) {
        throw ProblemException.badRequest(
            field.getKey(), "must not be null; leave the field out instead");
      }
    }
  }
}

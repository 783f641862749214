package io.portolan.infrastructure.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON configuration for the API and for OPA: unknown fields are refused (no mass assignment),
 * a null in place of a number is an error, times are ISO-8601 strings.
 */
@Provider
public class JacksonConfig implements ContextResolver<ObjectMapper> {
  public static final ObjectMapper MAPPER = configure(JsonMapper.builder()).build();

  /**
   * The same, for what callers send: its parsers refuse text the database cannot or should not
   * store ({@link StorableText}), naming the field.
   */
  public static final ObjectMapper INPUT =
      configure(JsonMapper.builder(new StorableTextJson())).build();

  private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
    return builder
        .addModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .serializationInclusion(JsonInclude.Include.ALWAYS);
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return INPUT;
  }
}

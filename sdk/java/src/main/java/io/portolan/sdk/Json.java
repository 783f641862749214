package io.portolan.sdk;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.FromStringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.Instant;

/** The one JSON mapper: unknown fields are ignored so newer servers do not break older SDKs. */
final class Json {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          // Instants without jackson-datatype-jsr310: the API writes them as ISO-8601 strings.
          .registerModule(
              new SimpleModule("portolan-instants")
                  .addDeserializer(
                      Instant.class,
                      new FromStringDeserializer<Instant>(Instant.class) {
                        @Override
                        protected Instant _deserialize(
                            String value, DeserializationContext context) {
                          return Instant.parse(value);
                        }
                      }));

  private Json() {}
}

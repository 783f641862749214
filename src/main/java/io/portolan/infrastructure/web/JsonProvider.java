package io.portolan.infrastructure.web;

import com.fasterxml.jackson.jakarta.rs.cfg.JakartaRSFeature;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Jackson reads and writes the API's JSON (and problem+json), in place of the server's JSON-B. An
 * empty body is refused (NoContentException, a 400) rather than read as null: a null body slipped
 * past {@code @NotNull} on resource parameters and failed later with a 500.
 */
@Provider
@Priority(Priorities.USER - 100)
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider extends JacksonJsonProvider {
  public JsonProvider() {
    super(JacksonConfig.INPUT);
    disable(JakartaRSFeature.ALLOW_EMPTY_INPUT);
  }
}

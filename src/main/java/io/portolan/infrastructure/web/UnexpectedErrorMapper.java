package io.portolan.infrastructure.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The last resort: logged in full with an id, answered generically with that id. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable e) {
    return Problems.response(problemFor(e));
  }

  /** A database failure in its own words; anything else as a 500 with an incident id. */
  public static Problem problemFor(Throwable e) {
    ProblemException translated = DatabaseErrors.translate(e);
    if (translated != null) {
      return translated.toProblem();
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "unexpected error, incident " + incident, e);
    return new Problem(
        Problem.type(ProblemTypes.INTERNAL),
        "Internal error",
        500,
        "The server failed; quote incident " + incident + ".",
        null,
        null);
  }
}

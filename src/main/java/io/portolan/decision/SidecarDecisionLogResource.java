package io.portolan.decision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.persistence.GroupCommit;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * OPA's decision-log upload target for a tenant's gateway sidecars: gzip JSON arrays of decision
 * events, filed in the same decision log as Portolan's own decisions, marked as from a sidecar.
 */
@RequestScoped
@Path("/opa/decision-logs")
public class SidecarDecisionLogResource {
  /** Uncompressed limit: a guard against decompression bombs; OPA uploads far less. */
  static final int MAX_UNCOMPRESSED = 16 * 1024 * 1024;

  static final int MAX_EVENTS = 1_000;

  @Inject TenantContext caller;
  @Inject SidecarEvents events;
  @Inject DecisionLog log;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  @RolesAllowed(Roles.GATEWAY)
  @Operation(
      summary = "Accept an OPA decision-log upload (gzip JSON array) from the tenant's gateway")
  public Map<String, Integer> upload(
      InputStream body, @HeaderParam("Content-Encoding") String encoding) throws IOException {
    JsonNode uploaded = read(body, encoding);
    if (!uploaded.isArray()) {
      throw ProblemException.badRequest("body", "must be a JSON array of OPA decision events");
    }
    if (uploaded.size() > MAX_EVENTS) {
      throw new ProblemException(
          413,
          ProblemTypes.PAYLOAD_TOO_LARGE,
          "Payload too large",
          "An upload may hold at most "
              + MAX_EVENTS
              + " events; lower OPA's upload_size_limit_bytes.",
          null);
    }
    SidecarEvents.Filed filed = events.toEntries(caller.tenant(), caller.clientId(), uploaded);
    try {
      log.appendAll(filed.entries());
    } catch (GroupCommit.NotStoredException e) {
      throw ProblemException.unavailable(
          ProblemTypes.DECISION_LOG_UNAVAILABLE, "The decision log is unavailable; retry.");
    }
    return Map.of("filed", filed.entries().size(), "skipped", filed.skipped());
  }

  private static JsonNode read(InputStream body, String encoding) throws IOException {
    byte[] bytes;
    try {
      InputStream in = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
      bytes = in.readNBytes(MAX_UNCOMPRESSED + 1);
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new ProblemException(
          400, ProblemTypes.MALFORMED_GZIP, "Malformed gzip", "The body is not valid gzip.", null);
    }
    if (bytes.length > MAX_UNCOMPRESSED) {
      throw new ProblemException(
          413,
          ProblemTypes.PAYLOAD_TOO_LARGE,
          "Payload too large",
          "The uncompressed upload is larger than 16 MiB.",
          null);
    }
    try {
      // Not the checking parser: only the fields filed are checked (SidecarEvents), so one event
      // with a control character in its input cannot stall the sidecar's uploads.
      return JacksonConfig.MAPPER.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw new ProblemException(
          400,
          ProblemTypes.MALFORMED_JSON,
          "Malformed JSON",
          "The upload is not valid JSON.",
          null);
    }
  }
}

package io.portolan.usage;

import com.fasterxml.jackson.databind.JsonNode;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.infrastructure.web.Problem;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.tenancy.Roles;
import io.portolan.tenancy.TenantContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Gateways report what a call actually used, one report or a batch, idempotently. */
@RequestScoped
@Path("/usage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UsageResource {
  static final int MAX_BATCH = 1_000;

  @Inject TenantContext caller;
  @Inject UsageService usage;
  @Inject Validator validator;

  @POST
  @RolesAllowed(Roles.GATEWAY)
  @Operation(
      summary =
          "Report usage after a call: {decisionId, model, inputTokens, outputTokens, latencyMs,"
              + " costMicros?} or an array")
  public Response report(
      JsonNode body,
      @HeaderParam("Idempotency-Key")
          @Pattern(
              regexp = "[A-Za-z0-9._:-]{1,200}",
              message = "must be 1-200 letters, digits, '.', '_', ':' or '-'")
          String idempotencyKey) {
    List<UsageReport> reports = parse(body);
    UsageService.Stored stored =
        usage.store(caller.tenant(), caller.clientId(), idempotencyKey, reports);
    return Response.status(stored.replayed() ? 200 : 201).entity(stored).build();
  }

  private List<UsageReport> parse(JsonNode body) {
    if (body == null || !(body.isObject() || body.isArray())) {
      throw ProblemException.badRequest(
          "body", "must be a usage report object or an array of them");
    }
    List<JsonNode> items = new ArrayList<>();
    if (body.isObject()) items.add(body);
    else body.forEach(items::add);
    if (items.isEmpty() || items.size() > MAX_BATCH) {
      throw ProblemException.badRequest("body", "must hold 1 to " + MAX_BATCH + " reports");
    }
    List<UsageReport> reports = new ArrayList<>();
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String prefix = body.isArray() ? "[" + i + "]." : "";
      if (!items.get(i).isObject()) {
        errors.add(
            new Problem.FieldError(
                body.isArray() ? "[" + i + "]" : "body", "must be a usage report object"));
        continue;
      }
      try {
        UsageReport report = JacksonConfig.MAPPER.treeToValue(items.get(i), UsageReport.class);
        for (ConstraintViolation<UsageReport> v : validator.validate(report)) {
          errors.add(new Problem.FieldError(prefix + v.getPropertyPath(), v.getMessage()));
        }
        reports.add(report);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        String field =
            e instanceof com.fasterxml.jackson.databind.JsonMappingException m
                ? io.portolan.infrastructure.web.JsonErrorMapper.pathOf(m)
                : "body";
        errors.add(new Problem.FieldError(prefix + field, "invalid value or unknown field"));
      }
    }
    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(Problem.FieldError::field));
      throw new ProblemException(
          400,
          ProblemTypes.VALIDATION,
          "Invalid request",
          errors.get(0).field() + ": " + errors.get(0).message(),
          errors);
    }
    return reports;
  }
}

package io.portolan.infrastructure.web;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the generated OpenAPI document: what every operation may answer besides success (the
 * problem+json errors the mappers in this package write), and the shapes the scanner cannot see.
 */
public class OpenApiDocument implements OASFilter {
  private static final String REF = "#/components/schemas/Problem";
  private static final Map<String, String> ERRORS =
      Map.of(
          "400", "Invalid request: the problem names the fields in errors[]",
          "401", "No valid bearer token",
          "403", "The caller's role or tenant may not do this",
          "404", "No such item in the caller's tenant",
          "409",
              "Conflicts with what is stored: a duplicate, or a step out of turn (a draft to"
                  + " publish that is not there)",
          "422",
              "Refers to something of the caller's tenant that does not exist (errors[] names the"
                  + " field)",
          "413", "Request body over 64 KiB",
          "429", "Over the caller's rate limit; see Retry-After",
          "503", "A dependency (policy engine, database, Keycloak) cannot answer; see Retry-After");

  @Override
  public Operation filterOperation(Operation operation) {
    APIResponses responses = operation.getResponses();
    if (responses == null) {
      responses = OASFactory.createAPIResponses();
      operation.setResponses(responses);
    }
    for (Map.Entry<String, String> error : ERRORS.entrySet()) {
      if (!responses.hasAPIResponse(error.getKey())) {
        responses.addAPIResponse(
            error.getKey(),
            OASFactory.createAPIResponse()
                .description(error.getValue())
                .content(
                    OASFactory.createContent()
                        .addMediaType(
                            Problem.MEDIA_TYPE,
                            OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref(REF)))));
      }
    }
    return operation;
  }

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    if (openAPI.getComponents() == null) {
      openAPI.setComponents(OASFactory.createComponents());
    }
    impactSamplesAreObjects(openAPI);
    objectAnswers(
        openAPI,
        "/api/v1/portability",
        "/api/v1/portability/what-if",
        "/api/v1/portability/cut-offs");
    problemSchema(openAPI);
    deletesAnswerNoContent(openAPI);
    BeanParamParameters.declare(openAPI, io.portolan.PortolanApplication.class);
  }

  /** Every DELETE answers 204 without a body; the scanner declares only a JSON default. */
  private static void deletesAnswerNoContent(OpenAPI openAPI) {
    if (openAPI.getPaths() == null) {
      return;
    }
    for (PathItem item : openAPI.getPaths().getPathItems().values()) {
      Operation delete = item.getDELETE();
      if (delete != null
          && delete.getResponses() != null
          && !delete.getResponses().hasAPIResponse("204")) {
        delete
            .getResponses()
            .addAPIResponse("204", OASFactory.createAPIResponse().description("Deleted; no body"));
      }
    }
  }

  /** The samples are logged decisions (JSON objects), which the scanner types as arrays. */
  private static void impactSamplesAreObjects(OpenAPI openAPI) {
    Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
    Schema report = schemas == null ? null : schemas.get("ImpactReport");
    if (report == null || report.getProperties() == null) {
      return;
    }
    for (String samples : new String[] {"allowToDenySamples", "denyToAllowSamples"}) {
      Schema list = report.getProperties().get(samples);
      if (list != null) {
        list.setItems(
            OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("a logged decision: id, allow, reasons, request"));
      }
    }
  }

  /**
   * These answer JSON objects built as Jackson trees, which the scanner types as arrays (a tree is
   * iterable).
   */
  private static void objectAnswers(OpenAPI openAPI, String... paths) {
    for (String path : paths) {
      var item = openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(path);
      if (item == null || item.getGET() == null) {
        continue;
      }
      APIResponses responses = item.getGET().getResponses();
      responses.removeAPIResponse("default");
      responses.addAPIResponse(
          "200",
          OASFactory.createAPIResponse()
              .description("a JSON object")
              .content(
                  OASFactory.createContent()
                      .addMediaType(
                          "application/json",
                          OASFactory.createMediaType()
                              .schema(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)))));
    }
  }

  private static void problemSchema(OpenAPI openAPI) {
    Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
    Schema fieldError =
        OASFactory.createSchema()
            .type(Schema.SchemaType.OBJECT)
            .addProperty("field", text)
            .addProperty("message", text);
    openAPI
        .getComponents()
        .addSchema(
            "Problem",
            OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description(
                    "An RFC 9457 problem document; type is a stable URI per kind of problem")
                .addRequired("type")
                .addRequired("title")
                .addRequired("status")
                .addProperty(
                    "type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty(
                    "errors",
                    OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(fieldError)));
  }
}

package io.portolan.inventory;

import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The filters of the deployment list; each one given narrows the result. */
public class DeploymentFilter {
  @QueryParam("model")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String model;

  @QueryParam("operator")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String operator;

  @QueryParam("status")
  @Pattern(regexp = "active|suspended", message = "must be one of: active, suspended")
  String status;

  static DeploymentFilter ofModel(String model) {
    DeploymentFilter filter = new DeploymentFilter();
    filter.model = model;
    return filter;
  }

  String condition() {
    List<String> parts = new ArrayList<>();
    if (model != null) parts.add("model_id = :model");
    if (operator != null) parts.add("operator = :operator");
    if (status != null) parts.add("status = :status");
    return parts.isEmpty() ? "true" : String.join(" and ", parts);
  }

  Map<String, Object> parameters() {
    Map<String, Object> values = new HashMap<>();
    if (model != null) values.put("model", model);
    if (operator != null) values.put("operator", operator);
    if (status != null) values.put("status", status);
    return values;
  }
}

package io.portolan.inventory;

import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The filters of the model list; each one given narrows the result. */
public class ModelFilter {
  @QueryParam("vendor")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String vendor;

  @QueryParam("status")
  @Pattern(
      regexp = "proposed|approved|restricted|suspended|retired",
      message = "must be one of: proposed, approved, restricted, suspended, retired")
  String status;

  @QueryParam("capability")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  String capability;

  @QueryParam("region")
  @Pattern(regexp = Slugs.REGION, message = Slugs.REGION_MESSAGE)
  String region;

  @QueryParam("openWeights")
  @Pattern(regexp = "true|false", message = "must be true or false")
  String openWeights;

  /** Part of the id or display name, case-insensitive. */
  @QueryParam("q")
  @Size(max = 100, message = "must be at most 100 characters")
  String q;

  String condition() {
    List<String> parts = new ArrayList<>();
    if (vendor != null) parts.add("vendor_id = :vendor");
    if (status != null) parts.add("status = :status");
    if (capability != null) parts.add("cast(:capability as text) = any(capabilities)");
    if (region != null) parts.add("cast(:region as text) = any(hosting_regions)");
    if (openWeights != null) parts.add("open_weights = :openWeights");
    if (q != null && !q.isBlank()) parts.add("(id ilike :q or display_name ilike :q)");
    return parts.isEmpty() ? "true" : String.join(" and ", parts);
  }

  Map<String, Object> parameters() {
    Map<String, Object> values = new HashMap<>();
    if (vendor != null) values.put("vendor", vendor);
    if (status != null) values.put("status", status);
    if (capability != null) values.put("capability", capability);
    if (region != null) values.put("region", region);
    if (openWeights != null) values.put("openWeights", Boolean.parseBoolean(openWeights));
    if (q != null && !q.isBlank())
      values.put("q", "%" + escapeLike(q.toLowerCase(Locale.ROOT)) + "%");
    return values;
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}

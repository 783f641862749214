package io.portolan.infrastructure.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** The paging query parameters every list accepts. */
public class PageRequest {
  @QueryParam("page")
  @DefaultValue("0")
  @Min(value = 0, message = "must be 0 or more")
  @Max(value = 1_000_000, message = "must be at most 1000000")
  int page;

  @QueryParam("size")
  @DefaultValue("50")
  @Min(value = 1, message = "must be between 1 and 500")
  @Max(value = 500, message = "must be between 1 and 500")
  int size;

  public int page() {
    return page;
  }

  public int size() {
    return size;
  }

  public int offset() {
    return page * size;
  }
}

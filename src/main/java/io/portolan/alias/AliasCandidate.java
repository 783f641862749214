package io.portolan.alias;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One candidate of an alias: a model, and optionally the one deployment of it to use. */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class AliasCandidate {
  @NotNull(message = "is required")
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String model;

  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String deployment;

  /** For JSON binding. */
  AliasCandidate() {}

  public AliasCandidate(String model, String deployment) {
    this.model = model;
    this.deployment = deployment;
  }

  public String model() {
    return model;
  }

  public String deployment() {
    return deployment;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AliasCandidate c
        && c.model.equals(model)
        && java.util.Objects.equals(c.deployment, deployment);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(model, deployment);
  }
}

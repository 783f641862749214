package io.portolan.inventory;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A team as clients write it. {@code id} is required on create and must match on update. */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class TeamInput {
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String id;

  @NotNull(message = "is required")
  @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank")
  @Size(max = 200, message = "must be at most 200 characters")
  private String name;

  @Pattern(
      regexp = "routine|standard|critical",
      message = "must be one of: routine, standard, critical")
  private String defaultTaskTier;

  /** For JSON binding. */
  TeamInput() {}

  public TeamInput(String id, String name) {
    this.id = id;
    this.name = name;
  }

  public String id() {
    return id;
  }

  /** The task tier of this team's decisions that name none; standard when not given. */
  public String defaultTaskTier() {
    return defaultTaskTier;
  }

  public String name() {
    return name;
  }
}

package io.portolan.alias;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.portolan.infrastructure.web.Slugs;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * An alias as clients write it: its name ({@code id}, for a new one), a description, and its
 * candidates in order of preference (1 to 20).
 */
// A class, not a record: Payara's OpenAPI scanner fails on constraints of record constructor
// parameters.
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class AliasInput {
  @Pattern(regexp = Slugs.ID, message = Slugs.ID_MESSAGE)
  private String id;

  @Size(max = 500, message = "must be at most 500 characters")
  private String description;

  @NotNull(message = "is required")
  @Size(min = 1, max = 20, message = "must list 1 to 20 candidates")
  private List<@Valid @NotNull(message = "must not be null") AliasCandidate> candidates;

  /** For JSON binding. */
  AliasInput() {}

  public AliasInput(String id, String description, List<AliasCandidate> candidates) {
    this.id = id;
    this.description = description;
    this.candidates = candidates;
  }

  public String id() {
    return id;
  }

  public String description() {
    return description;
  }

  public List<AliasCandidate> candidates() {
    return candidates;
  }
}

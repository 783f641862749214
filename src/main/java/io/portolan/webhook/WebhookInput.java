package io.portolan.webhook;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The endpoint to call; rotateSecret issues a new signing secret. A class: see DecisionRequest. */
@JsonAutoDetect(
    fieldVisibility = JsonAutoDetect.Visibility.ANY,
    getterVisibility = JsonAutoDetect.Visibility.NONE,
    isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class WebhookInput {
  @NotNull(message = "is required")
  @Size(max = 2000, message = "must be at most 2000 characters")
  @Pattern(regexp = "https?://[^\\s]+", message = "must be an http or https URL")
  private String url;

  private Boolean rotateSecret;

  WebhookInput() {}

  public String url() {
    return url;
  }

  public boolean rotateSecret() {
    return Boolean.TRUE.equals(rotateSecret);
  }
}

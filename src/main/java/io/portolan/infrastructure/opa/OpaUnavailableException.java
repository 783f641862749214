package io.portolan.infrastructure.opa;

/**
 * OPA could not be reached or gave no answer. Checked, because every caller must decide what
 * failing closed means for it.
 */
public class OpaUnavailableException extends Exception {
  public OpaUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  public OpaUnavailableException(String message) {
    super(message);
  }
}

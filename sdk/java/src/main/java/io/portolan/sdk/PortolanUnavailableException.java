package io.portolan.sdk;

/**
 * Portolan could not be reached, did not answer in time, or answered 5xx, after every retry. {@link
 * PortolanClient#decide} never throws it (it fails closed); other calls do.
 */
public class PortolanUnavailableException extends RuntimeException {
  public PortolanUnavailableException(String message) {
    super(message);
  }
}

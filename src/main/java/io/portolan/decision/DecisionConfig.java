package io.portolan.decision;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The decision feature's settings (portolan.decision.cache-*), read once per bean that injects it.
 * Every setting, its environment variable and its default: docs/configuration.md.
 */
@Dependent
public class DecisionConfig {
  @Inject
  @ConfigProperty(name = "portolan.decision.cache-seconds", defaultValue = "60")
  long cacheSeconds;

  @Inject
  @ConfigProperty(name = "portolan.decision.cache-entries", defaultValue = "100000")
  long cacheEntries;

  DecisionConfig() {}

  /**
   * How long a gateway may cache an answer ({@code expiresAt}), never past the next time boundary.
   */
  public long cacheSeconds() {
    return cacheSeconds;
  }

  /** At most this many answers are kept (least recently used go first); 0 turns the cache off. */
  public long cacheEntries() {
    return cacheEntries;
  }
}

package io.portolan.infrastructure.opa;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The policy engines' settings: where OPA is (portolan.opa.url) and whether decisions are made in
 * the JVM first (portolan.decision.engine, .embedded-instances). Defaults: docs/configuration.md.
 */
@Dependent
public class OpaConfig {
  @Inject
  @ConfigProperty(name = "portolan.opa.url")
  String url;

  @Inject
  @ConfigProperty(name = "portolan.decision.engine", defaultValue = "embedded")
  String engine;

  @Inject
  @ConfigProperty(name = "portolan.decision.embedded-instances", defaultValue = "0")
  int embeddedInstances;

  OpaConfig() {}

  /** A configuration with these values, for tests. */
  OpaConfig(String url, String engine, int embeddedInstances) {
    this.url = url;
    this.engine = engine;
    this.embeddedInstances = embeddedInstances;
  }

  /** OPA's base URL. */
  public String url() {
    return url;
  }

  /** {@code embedded}: decisions in the JVM, OPA when it cannot answer; {@code opa}: OPA only. */
  public String engine() {
    return engine;
  }

  /**
   * Instances of the embedded engine compiled; 0 (the default) means one per core, the most that
   * can evaluate at once.
   */
  public int embeddedInstances() {
    return embeddedInstances;
  }
}

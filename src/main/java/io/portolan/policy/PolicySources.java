package io.portolan.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Rego modules of policies/, packaged in the WAR, keyed by their path. */
public final class PolicySources {
  /** Every module Portolan loads into OPA; tests (*_test.rego) stay out of the WAR. */
  static final List<String> MODULES =
      List.of(
          "deployments/deployments.rego",
          "decision/decision.rego",
          "catalog/catalog.rego",
          "impact/impact.rego",
          "approval/approval.rego",
          "portability/portability.rego");

  private PolicySources() {}

  public static Map<String, String> load() {
    Map<String, String> sources = new LinkedHashMap<>();
    for (String module : MODULES) {
      try (InputStream in =
          PolicySources.class.getClassLoader().getResourceAsStream("policies/" + module)) {
        if (in == null) {
          throw new IllegalStateException("policy module missing from the build: " + module);
        }
        sources.put(module, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return sources;
  }
}

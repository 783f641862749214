package io.portolan.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portolan.infrastructure.web.JacksonConfig;
import io.portolan.tenancy.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds a tenant's OPA bundle: the Rego modules, the tenant's data at {@code tenants/<tenant>},
 * and a manifest naming the revision and the roots the bundle owns.
 */
@ApplicationScoped
public class PolicyBundles {
  /** A built bundle: its revision (the ETag) and its tar.gz bytes. */
  public record Bundle(String revision, byte[] bytes) {}

  @Inject TenantPolicyData policyData;
  @Inject PolicyPublisher publisher;

  public Bundle current(TenantId tenant) {
    ObjectNode document = policyData.build(tenant, publisher.policyHash());
    String revision = document.get("revision").asText();
    ObjectNode data = JacksonConfig.MAPPER.createObjectNode();
    data.putObject("tenants").set(tenant.value(), document);
    Map<String, Object> manifest =
        Map.of("revision", revision, "roots", List.of("portolan", "tenants/" + tenant.value()));
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
        add(tar, ".manifest", JacksonConfig.MAPPER.writeValueAsBytes(manifest));
        add(tar, "data.json", JacksonConfig.MAPPER.writeValueAsBytes(data));
        for (var module : PolicySources.load().entrySet()) {
          add(tar, "portolan/" + module.getKey(), module.getValue().getBytes(StandardCharsets.UTF_8));
        }
      }
      return new Bundle(revision, bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}

package io.portolan.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.portolan.bundlesigning.BundleSigner;
import io.portolan.bundlesigning.BundleSigningKeys;
import io.portolan.bundlesigning.SigningKey;
import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.JacksonConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Builds a tenant's OPA bundle: the Rego modules, the tenant's data at {@code tenants/<tenant>}, a
 * manifest naming the revision and the roots the bundle owns, and {@code .signatures.json} signed
 * with the tenant's key. A built bundle is remembered under the tenant's data version (db/V13),
 * which PostgreSQL bumps with every change to what the document holds, so a poll for an unchanged
 * bundle costs one query rather than a rebuild of the document.
 */
@ApplicationScoped
public class PolicyBundles {
  private static final long REMEMBERED_BYTES = 64L << 20;

  /** A built bundle: its revision (the ETag) and its tar.gz bytes. */
  public record Bundle(String revision, byte[] bytes) {}

  /** What was built from one data version of a tenant with one policy and signing key. */
  private record Built(long dataVersion, String policyHash, String keyId, Bundle bundle) {
    boolean holds(long version, String policy) {
      return dataVersion == version && policyHash.equals(policy);
    }
  }

  @Inject TenantPolicyData policyData;
  @Inject PolicyPublisher publisher;
  @Inject BundleSigningKeys signingKeys;

  private final Cache<String, Built> built =
      Caffeine.newBuilder()
          .maximumWeight(REMEMBERED_BYTES)
          .weigher((String tenant, Built b) -> b.bundle().bytes().length)
          .build();

  /**
   * The revision of the tenant's current bundle (its ETag): one query while the data is unchanged.
   */
  public String revision(TenantId tenant) {
    Built last = built.getIfPresent(tenant.value());
    if (last != null && last.holds(policyData.dataVersion(tenant), publisher.policyHash())) {
      return last.bundle().revision();
    }
    return current(tenant).revision();
  }

  public Bundle current(TenantId tenant) {
    String policyHash = publisher.policyHash();
    SigningKey key = signingKeys.signingKey(tenant);
    Built last = built.getIfPresent(tenant.value());
    if (last != null
        && last.keyId().equals(key.keyId())
        && last.holds(policyData.dataVersion(tenant), policyHash)) {
      return last.bundle();
    }
    ObjectNode document = policyData.build(tenant, policyHash);
    Bundle bundle = build(tenant, document, key);
    // Remembered under the version read before the document's content: never newer than it.
    built.put(
        tenant.value(),
        new Built(document.get("dataVersion").asLong(), policyHash, key.keyId(), bundle));
    return bundle;
  }

  private static Bundle build(TenantId tenant, ObjectNode document, SigningKey key) {
    String revision = document.get("revision").asText();
    ObjectNode data = JacksonConfig.MAPPER.createObjectNode();
    data.putObject("tenants").set(tenant.value(), document);
    Map<String, Object> manifest =
        Map.of("revision", revision, "roots", List.of("portolan", "tenants/" + tenant.value()));
    try {
      Map<String, byte[]> files = new LinkedHashMap<>();
      files.put(".manifest", JacksonConfig.MAPPER.writeValueAsBytes(manifest));
      files.put("data.json", JacksonConfig.MAPPER.writeValueAsBytes(data));
      for (var module : PolicySources.load().entrySet()) {
        files.put(
            "portolan/" + module.getKey(), module.getValue().getBytes(StandardCharsets.UTF_8));
      }
      byte[] signatures = BundleSigner.signatures(files, key).getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (TarArchiveOutputStream tar =
          new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
        add(tar, BundleSigner.SIGNATURES_FILE, signatures);
        for (var file : files.entrySet()) {
          add(tar, file.getKey(), file.getValue());
        }
      }
      return new Bundle(revision, bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void add(TarArchiveOutputStream tar, String name, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name);
    entry.setSize(content.length);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}

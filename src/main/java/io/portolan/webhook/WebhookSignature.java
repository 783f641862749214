package io.portolan.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature receivers check: header {@code Portolan-Signature: t=<unix seconds>,v1=<hex>},
 * where v1 is HMAC-SHA256 with the tenant's secret over {@code <t>.<body>}; the time stops replays.
 */
public final class WebhookSignature {
  public static final String HEADER = "Portolan-Signature";

  private WebhookSignature() {}

  public static String sign(String secret, long unixSeconds, String body) {
    return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
  }

  static String hmac(String secret, String content) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}

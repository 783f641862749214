package io.portolan.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * Where webhooks may go. Loopback, private, link-local and unspecified addresses are refused unless
 * portolan.webhook.allow-private-targets is set (tests, single-host setups): a webhook must not
 * become a way to probe the network Portolan runs in. Checked when set and again before each send.
 */
final class WebhookTargets {
  private WebhookTargets() {}

  /** Why the URL may not be called, or null when it may. */
  static String refusal(String url, boolean allowPrivate) {
    String host;
    try {
      host = URI.create(url).getHost();
    } catch (IllegalArgumentException e) {
      return "is not a valid URL";
    }
    if (host == null) {
      return "has no host";
    }
    if (allowPrivate) {
      return null;
    }
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (address.isLoopbackAddress()
            || address.isSiteLocalAddress()
            || address.isLinkLocalAddress()
            || address.isAnyLocalAddress()
            || address.isMulticastAddress()) {
          return "points to a private or local address (" + address.getHostAddress() + ")";
        }
      }
    } catch (UnknownHostException e) {
      return "names a host that does not resolve";
    }
    return null;
  }
}

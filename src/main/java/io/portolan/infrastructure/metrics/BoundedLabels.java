package io.portolan.infrastructure.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Label values for an unbounded set (tenants, callers): the first {@code limit} distinct values
 * this replica sees keep their own label, every later one is counted as {@code other}. First seen
 * rather than busiest, because a series cannot change its label without resetting its counters; on
 * a replica's restart the order is taken afresh. After the limit is reached a new value costs one
 * map miss and no lock.
 */
public final class BoundedLabels {
  public static final String OTHER = "other";

  private final int limit;
  private final Map<String, String> labelled = new ConcurrentHashMap<>();
  private volatile boolean full;

  public BoundedLabels(int limit) {
    this.limit = Math.max(0, limit);
    this.full = this.limit == 0;
  }

  /** The label for {@code value}: itself while within the limit, else {@code other}. */
  public String label(String value) {
    if (value == null || value.isEmpty()) {
      return OTHER;
    }
    String known = labelled.get(value);
    if (known != null) {
      return known;
    }
    return full ? OTHER : admit(value);
  }

  /** Whether {@code value} has a label of its own. */
  public boolean labelled(String value) {
    return value != null && labelled.containsKey(value);
  }

  private synchronized String admit(String value) {
    if (labelled.size() >= limit) {
      full = true;
      return OTHER;
    }
    // OTHER itself as a tenant would merge with the rest: it is just as bounded either way.
    labelled.putIfAbsent(value, value);
    return value;
  }
}

package io.portolan.audit;

import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * A change made by a background job (no request, no caller's transaction), announced in a
 * transaction of its own, so the audit trail records it as it records a person's.
 */
@ApplicationScoped
public class BackgroundChanges {
  @Inject Event<TenantChange> changed;

  @Transactional
  public void announce(TenantChange change) {
    changed.fire(change);
  }
}

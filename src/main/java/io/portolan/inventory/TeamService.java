package io.portolan.inventory;

import io.portolan.infrastructure.persistence.TenantId;
import io.portolan.infrastructure.web.PageRequest;
import io.portolan.infrastructure.web.PageView;
import io.portolan.infrastructure.web.ProblemException;
import io.portolan.infrastructure.web.ProblemTypes;
import io.portolan.tenancy.TenantChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Teams of a tenant. */
@ApplicationScoped
@Transactional
public class TeamService {
  static final String TABLE = "team";

  @Inject InventoryRepository repository;
  @Inject Event<InventoryChanged> changed;
  @Inject Event<TenantChange> audit;

  public PageView<TeamView> list(TenantId tenant, PageRequest page) {
    var items =
        repository.page(tenant, Team.class, TABLE, "true", Map.of(), page.offset(), page.size());
    long total = repository.count(tenant, TABLE, "true", Map.of());
    return new PageView<>(items.stream().map(Team::view).toList(), total, page.page(), page.size());
  }

  public TeamView get(TenantId tenant, String id) {
    return find(tenant, id).view();
  }

  public TeamView create(TenantId tenant, TeamInput input) {
    Ids.requireForCreate(input.id());
    if (repository.find(tenant, Team.class, input.id()).isPresent()) {
      throw ProblemException.conflict(
          ProblemTypes.DUPLICATE, "team '" + input.id() + "' already exists");
    }
    Team team = new Team(tenant.value(), input.id());
    team.apply(input);
    repository.add(tenant, team);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "team.created", "team", team.id(), null, team.view()));
    return team.view();
  }

  public TeamView update(TenantId tenant, String id, TeamInput input) {
    Ids.requireMatch(id, input.id());
    Team team = find(tenant, id);
    TeamView before = team.view();
    team.apply(input);
    repository.flush(tenant);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "team.updated", "team", id, before, team.view()));
    return team.view();
  }

  public void delete(TenantId tenant, String id) {
    Team team = find(tenant, id);
    repository.remove(tenant, team);
    changed.fire(new InventoryChanged(tenant));
    audit.fire(new TenantChange(tenant, "team.deleted", "team", id, team.view(), null));
  }

  private Team find(TenantId tenant, String id) {
    return repository
        .find(tenant, Team.class, id)
        .orElseThrow(() -> ProblemException.notFound("team", id));
  }
}

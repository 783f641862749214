package io.portolan.inventory;

import io.portolan.infrastructure.web.ProblemException;

/** Checks of the {@code id} field shared by create and update. */
final class Ids {
  private Ids() {}

  static void requireForCreate(String id) {
    if (id == null) {
      throw ProblemException.badRequest("id", "is required");
    }
  }

  static void requireMatch(String pathId, String bodyId) {
    if (bodyId != null && !bodyId.equals(pathId)) {
      throw ProblemException.badRequest(
          "id",
          "'" + bodyId + "' differs from the id in the path ('" + pathId + "'); ids cannot change");
    }
  }
}

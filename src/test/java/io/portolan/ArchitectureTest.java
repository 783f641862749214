package io.portolan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules docs/architecture.md states, on the server's compiled classes. */
class ArchitectureTest {
  private static final String[] FEATURES = {
    "io.portolan.alias..",
    "io.portolan.approval..",
    "io.portolan.audit..",
    "io.portolan.bundlesigning..",
    "io.portolan.decision..",
    "io.portolan.inventory..",
    "io.portolan.notice..",
    "io.portolan.policy..",
    "io.portolan.spend..",
    "io.portolan.tenancy..",
    "io.portolan.usage..",
    "io.portolan.ui..",
    "io.portolan.webhook..",
    "io.portolan.ledger.."
  };

  private static JavaClasses server;

  @BeforeAll
  static void load() {
    server =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.portolan");
  }

  @Test
  void infrastructureIsPlumbingThatImportsNoFeature() {
    noClasses()
        .that()
        .resideInAPackage("io.portolan.infrastructure..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(FEATURES)
        .check(server);
  }

  @Test
  void theLedgerKnowsNoLogOfItsOwn() {
    noClasses()
        .that()
        .resideInAPackage("io.portolan.ledger..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.portolan.audit..", "io.portolan.decision..", "io.portolan.usage..")
        .check(server);
  }

  @Test
  void theAuditTrailReadsOtherLogsOnlyThroughTheLedger() {
    noClasses()
        .that()
        .resideInAPackage("io.portolan.audit..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.portolan.decision..")
        .check(server);
  }

  @Test
  void servicesLeaveSqlToRepositories() {
    noClasses()
        .that()
        .haveSimpleNameEndingWith("Service")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.sql..", "jakarta.persistence..")
        .because("db/README.md: SQL lives in the feature's repository, services call it")
        .check(server);
  }
}

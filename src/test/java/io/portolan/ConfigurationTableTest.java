package io.portolan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every key the server reads, with the default its *Config class gives:
 * the keys are read from the compiled classes' {@code @ConfigProperty} annotations, so a key added,
 * renamed or given another default without the table fails here.
 */
class ConfigurationTableTest {
  private static final Path TABLE = Path.of("docs/configuration.md");

  /** Every key read by the server: its annotation and the class that declares it. */
  private record Key(ConfigProperty annotation, JavaClass owner) {}

  /** A row of the table, its cells without the surrounding pipes. */
  private record Row(String property, String env, String fallback, String meaning, String owner) {}

  private static Map<String, List<Key>> keys;
  private static Map<String, Row> rows;
  private static Properties packaged;

  @BeforeAll
  static void load() throws IOException {
    keys = new TreeMap<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.portolan")) {
      for (JavaField field : type.getFields()) {
        if (field.isAnnotatedWith(ConfigProperty.class)) {
          ConfigProperty annotation = field.getAnnotationOfType(ConfigProperty.class);
          keys.computeIfAbsent(annotation.name(), k -> new ArrayList<>())
              .add(new Key(annotation, type));
        }
      }
    }
    rows = new TreeMap<>();
    for (String line : Files.readAllLines(TABLE)) {
      if (!line.startsWith("| `")) {
        continue;
      }
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
      assertEquals(5, cells.length, "a row of five cells: " + line);
      Row row =
          new Row(
              unquote(cells[0]), unquote(cells[1]), cells[2], cells[3], unquote(cells[4].strip()));
      assertTrue(rows.put(row.property(), row) == null, "listed twice: " + row.property());
    }
    packaged = new Properties();
    try (InputStream in =
        ConfigurationTableTest.class.getResourceAsStream(
            "/META-INF/microprofile-config.properties")) {
      packaged.load(in);
    }
  }

  @Test
  void theServerReadsConfiguration() {
    assertTrue(keys.size() > 20, "keys found: " + keys.keySet());
  }

  @Test
  void eachKeyIsReadByOneConfigClass() {
    keys.forEach(
        (name, readers) -> {
          assertEquals(1, readers.size(), name + " is read in " + readers);
          String owner = readers.get(0).owner().getSimpleName();
          assertTrue(owner.endsWith("Config"), name + " is read outside a *Config class: " + owner);
        });
  }

  @Test
  void everyKeyIsInTheTable() {
    List<String> missing = new ArrayList<>(keys.keySet());
    missing.removeAll(rows.keySet());
    assertEquals(List.of(), missing, "keys missing from " + TABLE);
  }

  @Test
  void theTableListsNoKeyTheServerDoesNotRead() {
    List<String> stale = new ArrayList<>(rows.keySet());
    stale.removeAll(keys.keySet());
    assertEquals(List.of(), stale, "rows of " + TABLE + " no class reads");
  }

  @Test
  void eachRowGivesTheEnvironmentVariableTheDefaultAndTheClass() {
    keys.forEach(
        (name, readers) -> {
          Row row = rows.get(name);
          if (row == null) {
            return; // everyKeyIsInTheTable says so
          }
          Key key = readers.get(0);
          assertEquals(environmentVariable(name), row.env(), name + ": environment variable");
          assertEquals(key.owner().getSimpleName(), row.owner(), name + ": class");
          assertFalse(row.meaning().isBlank(), name + ": what it does");
          String fallback = key.annotation().defaultValue();
          if (!ConfigProperty.UNCONFIGURED_VALUE.equals(fallback)) {
            assertEquals("`" + fallback + "`", row.fallback(), name + ": default");
          } else {
            assertTrue(row.fallback().startsWith("none, required"), name + ": " + row.fallback());
            String run = packaged.getProperty(name);
            if (run != null) {
              assertTrue(
                  row.fallback().contains("`" + run + "`"),
                  name + ": the value microprofile-config.properties gives, " + run);
            }
          }
        });
  }

  @Test
  void thePackagedPropertiesDoNotRepeatJavaDefaults() {
    for (String name : packaged.stringPropertyNames()) {
      List<Key> readers = keys.get(name);
      if (readers == null || name.equals("mp.jwt.verify.audiences")) {
        continue; // read by others only; the audience is read by MicroProfile JWT as well
      }
      assertEquals(
          ConfigProperty.UNCONFIGURED_VALUE,
          readers.get(0).annotation().defaultValue(),
          name + " has a default in " + readers.get(0).owner().getSimpleName());
    }
  }

  /** MicroProfile Config's mapping: every character but a letter or digit is _, upper case. */
  static String environmentVariable(String property) {
    return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
  }

  private static String unquote(String cell) {
    String s = cell.strip();
    return s.startsWith("`") && s.endsWith("`") ? s.substring(1, s.length() - 1) : s;
  }
}

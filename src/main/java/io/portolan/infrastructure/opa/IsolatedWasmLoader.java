package io.portolan.infrastructure.opa;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads the WebAssembly runtime (opa-java-wasm, Chicory and the ASM it compiles with) from the
 * application's own jars, ahead of the server's: Payara ships an older ASM that its class loader
 * would otherwise hand to Chicory. Everything else, Jackson included, comes from the application.
 */
final class IsolatedWasmLoader extends URLClassLoader {
  private static final List<String> OWN_PACKAGES =
      List.of("org.objectweb.asm.", "com.dylibso.chicory.", "com.styra.opa.wasm.");

  /** A class of each jar to isolate. */
  private static final List<String> MARKERS =
      List.of(
          "com/styra/opa/wasm/OpaPolicy.class",
          "com/dylibso/chicory/runtime/Instance.class",
          "com/dylibso/chicory/wasm/Parser.class",
          "com/dylibso/chicory/compiler/MachineFactoryCompiler.class",
          "com/dylibso/chicory/annotations/WasmExport.class",
          "org/objectweb/asm/ClassVisitor.class",
          "org/objectweb/asm/commons/Remapper.class",
          "org/objectweb/asm/tree/ClassNode.class",
          "org/objectweb/asm/tree/analysis/Analyzer.class",
          "org/objectweb/asm/util/CheckClassAdapter.class");

  static {
    registerAsParallelCapable();
  }

  IsolatedWasmLoader(ClassLoader application) throws IOException {
    super(jars(application), application);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (OWN_PACKAGES.stream().noneMatch(name::startsWith)) {
      return super.loadClass(name, resolve);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /** The jar of each marker, preferring the application's copy (WEB-INF/lib) over the server's. */
  private static URL[] jars(ClassLoader application) throws IOException {
    Set<URL> jars = new LinkedHashSet<>();
    for (String marker : MARKERS) {
      List<URL> copies = Collections.list(application.getResources(marker));
      if (copies.isEmpty()) {
        throw new IOException(marker + " is not on the class path");
      }
      URL chosen =
          copies.stream()
              .filter(u -> u.toString().contains("/WEB-INF/lib/"))
              .findFirst()
              .orElse(copies.get(copies.size() - 1));
      jars.add(jarOf(chosen, marker));
    }
    return new ArrayList<>(jars).toArray(URL[]::new);
  }

  /**
   * {@code jar:file:/x/y.jar!/a/B.class} gives {@code file:/x/y.jar}; a directory gives its root.
   */
  private static URL jarOf(URL resource, String marker) throws IOException {
    String text = resource.toString();
    if (text.startsWith("jar:")) {
      return new URL(text.substring(4, text.indexOf("!/")));
    }
    return new URL(text.substring(0, text.length() - marker.length()));
  }
}

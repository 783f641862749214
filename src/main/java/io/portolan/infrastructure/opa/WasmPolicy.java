package io.portolan.infrastructure.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.Function;

/**
 * One compiled instance of opa-java-wasm's {@code OpaPolicy}, reached by reflection because its
 * classes live in {@link IsolatedWasmLoader}. Not thread-safe, as the policy it wraps.
 */
final class WasmPolicy {
  private final Object policy;
  private final Method data;
  private final Method evaluate;

  private WasmPolicy(Object policy) throws NoSuchMethodException {
    this.policy = policy;
    this.data = policy.getClass().getMethod("data", String.class);
    this.evaluate = policy.getClass().getMethod("evaluate", String.class);
  }

  /** Compiles the module to JVM bytecode (Chicory's compiler mode), a few seconds. */
  static WasmPolicy compile(ClassLoader loader, byte[] wasm) throws IOException {
    try {
      Class<?> type = Class.forName("com.styra.opa.wasm.OpaPolicy", true, loader);
      Object builder = type.getMethod("builder").invoke(null);
      builder =
          builder.getClass().getMethod("withPolicy", byte[].class).invoke(builder, (Object) wasm);
      builder =
          builder
              .getClass()
              .getMethod("addBuiltins", builtins(loader).getClass())
              .invoke(builder, builtins(loader));
      return new WasmPolicy(builder.getClass().getMethod("build").invoke(builder));
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot compile the policy: " + cause(e), e);
    }
  }

  /**
   * Host functions the policy calls: {@code time.now_ns}, Portolan's clock, for a question that
   * does not state its time (Portolan's own callers always do; the policy never assumes one).
   */
  private static Object builtins(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> factory = Class.forName("com.styra.opa.wasm.OpaBuiltin", true, loader);
    Function<Object, JsonNode> clock =
        wasm -> LongNode.valueOf(System.currentTimeMillis() * 1_000_000L);
    Object now =
        factory.getMethod("from", String.class, Function.class).invoke(null, "time.now_ns", clock);
    Object builtins =
        Array.newInstance(Class.forName("com.styra.opa.wasm.OpaBuiltin$Builtin", true, loader), 1);
    Array.set(builtins, 0, now);
    return builtins;
  }

  void data(String json) {
    call(data, json);
  }

  String evaluate(String input) {
    return (String) call(evaluate, input);
  }

  private Object call(Method method, String argument) {
    try {
      return method.invoke(policy, argument);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(
          "policy " + method.getName() + " failed: " + e.getCause(), e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Throwable cause(ReflectiveOperationException e) {
    return e instanceof InvocationTargetException && e.getCause() != null ? e.getCause() : e;
  }
}

package dev.plimsoll.examples.agent;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small dependency-injection container: a type is bound to an implementation class whose single
 * public constructor names its dependencies, or to a ready instance. Singletons are built once;
 * prototypes on every resolution. A cycle or an unbound type is a clear error naming the chain.
 */
public final class Container {
  private final Map<Class<?>, Binding> bindings = new ConcurrentHashMap<>();
  private final Map<Class<?>, Object> singletons = new ConcurrentHashMap<>();

  /** The lifetime of what a binding builds. */
  public enum Scope { SINGLETON, PROTOTYPE }

  public <T> Container bind(Class<T> type, Class<? extends T> implementation, Scope scope) {
    Constructor<?>[] constructors = implementation.getConstructors();
    if (constructors.length != 1) {
      throw new IllegalArgumentException(implementation.getName() + " must have exactly one public constructor (has "
          + constructors.length + ")");
    }
    bindings.put(type, new Binding(constructors[0], scope));
    return this;
  }

  public <T> Container instance(Class<T> type, T instance) {
    singletons.put(type, instance);
    return this;
  }

  /** @throws IllegalStateException for an unbound type or a cycle, naming the chain that led there */
  public <T> T resolve(Class<T> type) {
    return type.cast(resolve(type, new ArrayDeque<>()));
  }

  private Object resolve(Class<?> type, Deque<Class<?>> chain) {
    Object ready = singletons.get(type);
    if (ready != null) {
      return ready;
    }
    if (chain.contains(type)) {
      throw new IllegalStateException("dependency cycle: " + describe(chain) + " -> " + type.getSimpleName());
    }
    Binding binding = bindings.get(type);
    if (binding == null) {
      throw new IllegalStateException("nothing bound to " + type.getSimpleName()
          + (chain.isEmpty() ? "" : " (needed by " + describe(chain) + ")"));
    }
    chain.addLast(type);
    try {
      Object built = construct(binding.constructor(), chain);
      if (binding.scope() == Scope.SINGLETON) {
        // Two threads may both build it; the first one stored wins, so every caller sees one instance.
        Object raced = singletons.putIfAbsent(type, built);
        return raced == null ? built : raced;
      }
      return built;
    } finally {
      chain.removeLast();
    }
  }

  private Object construct(Constructor<?> constructor, Deque<Class<?>> chain) {
    Class<?>[] parameters = constructor.getParameterTypes();
    Object[] arguments = new Object[parameters.length];
    for (int i = 0; i < parameters.length; i++) {
      arguments[i] = resolve(parameters[i], chain);
    }
    try {
      return constructor.newInstance(arguments);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("constructing " + constructor.getDeclaringClass().getSimpleName() + " failed",
          e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot construct " + constructor.getDeclaringClass().getSimpleName(), e);
    }
  }

  private static String describe(Deque<Class<?>> chain) {
    return String.join(" -> ", chain.stream().map(Class::getSimpleName).toList());
  }

  private record Binding(Constructor<?> constructor, Scope scope) {}
}

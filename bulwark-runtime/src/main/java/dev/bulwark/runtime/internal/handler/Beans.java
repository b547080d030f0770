package dev.bulwark.runtime.internal.handler;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plain-Java views of event and response objects (POJOs such as those of
 * aws-lambda-java-events), through their public getters and setters. Bounded in depth and size.
 */
public final class Beans {
  private Beans() {}

  private static final int MAX_DEPTH = 48;
  private static final int MAX_NODES = 200_000;

  private static final ClassValue<List<Method>> GETTERS =
      new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
          List<Method> out = new ArrayList<>();
          for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0 && !Modifier.isStatic(m.getModifiers())
                && m.getDeclaringClass() != Object.class && m.getReturnType() != void.class
                && (propertyOf(m.getName()) != null)) {
              out.add(m);
            }
          }
          return List.copyOf(out);
        }
      };

  /** Converts {@code value} to maps, lists and scalars; maps, lists and scalars are kept as they are. */
  public static @Nullable Object toTree(@Nullable Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      return value; // Lambda's serializer gives maps, lists and scalars; other values are ignored
    }
    return convert(value, 0, new int[1]);
  }

  /**
   * A map whose lookups fall back to a case-insensitive match: property names of POJOs
   * ({@code records}, {@code SNS}) differ in case from the event's JSON names ({@code Records},
   * {@code Sns}).
   */
  static final class LooseMap extends LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public Object get(Object key) {
      Object v = super.get(key);
      if (v != null || !(key instanceof String k)) {
        return v;
      }
      for (Map.Entry<String, Object> e : entrySet()) {
        if (e.getKey().equalsIgnoreCase(k)) {
          return e.getValue();
        }
      }
      return null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null || super.containsKey(key);
    }
  }

  private static @Nullable Object convert(@Nullable Object v, int depth, int[] nodes) {
    if (v == null || depth > MAX_DEPTH || ++nodes[0] > MAX_NODES) {
      return null;
    }
    if (v instanceof String || v instanceof Number || v instanceof Boolean) {
      return v;
    }
    if (v instanceof CharSequence || v instanceof Enum<?> || v instanceof Character
        || v instanceof java.time.temporal.TemporalAccessor || v instanceof java.util.Date
        || v.getClass().getName().startsWith("org.joda.time.")) {
      return v.toString();
    }
    if (v instanceof ByteBuffer bb) {
      ByteBuffer d = bb.duplicate();
      byte[] b = new byte[d.remaining()];
      d.get(b);
      return Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
    if (v instanceof Map<?, ?> m) {
      Map<String, Object> out = new LooseMap();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        Object c = convert(e.getValue(), depth + 1, nodes);
        if (c != null) {
          out.put(String.valueOf(e.getKey()), c);
        }
      }
      return out;
    }
    if (v instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>(c.size());
      for (Object o : c) {
        out.add(convert(o, depth + 1, nodes));
      }
      return out;
    }
    if (v.getClass().isArray()) {
      return null;
    }
    Map<String, Object> out = new LooseMap();
    for (Method g : GETTERS.get(v.getClass())) {
      Object r;
      try {
        r = g.invoke(v);
      } catch (ReflectiveOperationException | RuntimeException e) {
        continue;
      }
      Object c = convert(r, depth + 1, nodes);
      if (c != null) {
        out.put(propertyOf(g.getName()), c);
      }
    }
    return out;
  }

  static @Nullable String propertyOf(String getter) {
    String rest;
    if (getter.startsWith("get") && getter.length() > 3) {
      rest = getter.substring(3);
    } else if (getter.startsWith("is") && getter.length() > 2) {
      rest = getter.substring(2);
    } else {
      return null;
    }
    if (getter.equals("getClass")) {
      return null;
    }
    if (rest.length() > 1 && Character.isUpperCase(rest.charAt(1))) {
      return rest; // getSNS -> SNS
    }
    return Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
  }

  /** Removes the records at {@code indexes} from a POJO event's {@code getRecords()} list. */
  public static boolean removeRecords(Object event, Set<Integer> indexes) {
    try {
      Method getter = event.getClass().getMethod("getRecords");
      Object list = getter.invoke(event);
      if (!(list instanceof List<?> l)) {
        return false;
      }
      List<Object> kept = new ArrayList<>(l.size());
      for (int i = 0; i < l.size(); i++) {
        if (!indexes.contains(i)) {
          kept.add(l.get(i));
        }
      }
      for (Method m : event.getClass().getMethods()) {
        if (m.getName().equals("setRecords") && m.getParameterCount() == 1) {
          m.invoke(event, kept);
          return true;
        }
      }
      @SuppressWarnings("unchecked")
      List<Object> mutable = (List<Object>) l;
      mutable.clear();
      mutable.addAll(kept);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * A new instance of {@code type} filled from {@code values} through setters ({@code statusCode}
   * → {@code setStatusCode}); lists of maps become lists of the setter's element type. Null when
   * {@code type} cannot be built this way.
   */
  public static @Nullable Object fromMap(Map<String, Object> values, Class<?> type) {
    try {
      Constructor<?> c = type.getConstructor();
      Object bean = c.newInstance();
      for (Map.Entry<String, Object> e : values.entrySet()) {
        Method setter = setter(type, e.getKey());
        if (setter == null) {
          continue;
        }
        Object arg = adapt(e.getValue(), setter.getParameterTypes()[0], setter.getGenericParameterTypes()[0]);
        setter.invoke(bean, arg);
      }
      return bean;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  /** Adds failure items to a bean's {@code batchItemFailures} list; false when it has none. */
  public static boolean addBatchFailures(Object response, List<String> ids) {
    try {
      Method setter = setter(response.getClass(), "batchItemFailures");
      Method getter = response.getClass().getMethod("getBatchItemFailures");
      if (setter == null) {
        return false;
      }
      List<Object> items = new ArrayList<>();
      Object existing = getter.invoke(response);
      if (existing instanceof List<?> l) {
        items.addAll(l);
      }
      Type elementType = elementType(setter.getGenericParameterTypes()[0]);
      for (String id : ids) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("itemIdentifier", id);
        Object item = elementType instanceof Class<?> cls && cls != Object.class && !Map.class.isAssignableFrom(cls)
            ? fromMap(m, cls)
            : m;
        items.add(item == null ? m : item);
      }
      setter.invoke(response, items);
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  private static @Nullable Method setter(Class<?> type, String property) {
    String name = "set" + Character.toUpperCase(property.charAt(0)) + property.substring(1);
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 1 && m.getName().equalsIgnoreCase(name)) {
        return m;
      }
    }
    return null;
  }

  private static @Nullable Object adapt(@Nullable Object v, Class<?> target, Type generic) {
    if (v == null) {
      return null;
    }
    if (target.isInstance(v) && !(v instanceof List<?>)) {
      return v;
    }
    if ((target == int.class || target == Integer.class) && v instanceof Number n) {
      return n.intValue();
    }
    if ((target == boolean.class || target == Boolean.class) && v instanceof Boolean) {
      return v;
    }
    if (target == String.class) {
      return String.valueOf(v);
    }
    if (List.class.isAssignableFrom(target) && v instanceof List<?> l) {
      Type et = elementType(generic);
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        if (o instanceof Map<?, ?> m && et instanceof Class<?> cls && !Map.class.isAssignableFrom(cls) && cls != Object.class) {
          @SuppressWarnings("unchecked")
          Object bean = fromMap((Map<String, Object>) m, cls);
          out.add(bean == null ? o : bean);
        } else {
          out.add(o);
        }
      }
      return out;
    }
    if (Map.class.isAssignableFrom(target) && v instanceof Map<?, ?>) {
      return v;
    }
    throw new IllegalArgumentException("cannot set " + target.getName().toLowerCase(Locale.ROOT) + " from " + v.getClass().getName());
  }

  private static @Nullable Type elementType(Type listType) {
    if (listType instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      return p.getActualTypeArguments()[0];
    }
    return null;
  }

  /** The class of {@code handler}'s {@code handleRequest} return type, when it can be read; else null. */
  public static @Nullable Class<?> responseTypeOf(Object handler) {
    for (Class<?> c = handler.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Type t : c.getGenericInterfaces()) {
        if (t instanceof ParameterizedType p && p.getRawType().getTypeName().equals(
            "com.amazonaws.services.lambda.runtime.RequestHandler")) {
          Type o = p.getActualTypeArguments()[1];
          return o instanceof Class<?> cls ? cls : o instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw ? raw : null;
        }
      }
      Type sup = c.getGenericSuperclass();
      if (sup instanceof ParameterizedType p && p.getActualTypeArguments().length == 2) {
        Type o = p.getActualTypeArguments()[1];
        if (o instanceof Class<?> cls) {
          return cls;
        }
        if (o instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> raw) {
          return raw;
        }
      }
    }
    return null;
  }
}

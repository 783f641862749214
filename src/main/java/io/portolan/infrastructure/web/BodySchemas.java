package io.portolan.infrastructure.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Completes the request bodies' schemas from the classes they bind to. Payara's scanner leaves out
 * fields (those with the slug patterns, the items of lists, the values of maps), so clients and the
 * hostile-input tests that read the document would never send them.
 */
final class BodySchemas {
  private static final int MAX_DEPTH = 5;
  private static final List<Class<? extends Annotation>> NOT_THE_BODY =
      List.of(
          PathParam.class,
          QueryParam.class,
          HeaderParam.class,
          CookieParam.class,
          MatrixParam.class,
          FormParam.class,
          BeanParam.class,
          Context.class);

  private BodySchemas() {}

  static void complete(OpenAPI openAPI, Operation operation, Method method) {
    Schema body = jsonBody(operation);
    if (body == null) {
      return;
    }
    for (java.lang.reflect.Parameter parameter : method.getParameters()) {
      boolean annotated = NOT_THE_BODY.stream().anyMatch(parameter::isAnnotationPresent);
      if (!annotated && parameter.getType() != InputStream.class) {
        complete(openAPI, body, parameter.getParameterizedType(), 0);
      }
    }
  }

  private static Schema jsonBody(Operation operation) {
    if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
      return null;
    }
    MediaType json = operation.getRequestBody().getContent().getMediaType("application/json");
    return json == null ? null : json.getSchema();
  }

  /** Adds what the schema lacks of the type: properties, list items, map values. */
  private static void complete(OpenAPI openAPI, Schema schema, Type type, int depth) {
    Schema target = resolve(openAPI, schema);
    Class<?> raw = raw(type);
    if (target == null || depth > MAX_DEPTH || scalar(raw)) {
      return;
    }
    if (Collection.class.isAssignableFrom(raw)) {
      Type element = typeArgument(type, 0);
      if (target.getItems() == null) {
        target.setItems(schemaOf(element, null, depth + 1));
      } else {
        complete(openAPI, target.getItems(), element, depth + 1);
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      if (!(target.getAdditionalPropertiesSchema() instanceof Schema)) {
        target.setAdditionalPropertiesSchema(schemaOf(typeArgument(type, 1), null, depth + 1));
      }
    } else {
      for (Field field : fields(raw)) {
        String name = jsonName(field);
        Schema property = target.getProperties() == null ? null : target.getProperties().get(name);
        if (property == null) {
          target.addProperty(name, schemaOf(field.getGenericType(), field, depth + 1));
        } else {
          complete(openAPI, property, field.getGenericType(), depth + 1);
        }
      }
    }
  }

  private static Schema schemaOf(Type type, Field field, int depth) {
    Class<?> raw = raw(type);
    Schema schema = OASFactory.createSchema();
    if (raw == String.class) {
      schema.type(Schema.SchemaType.STRING);
      constrain(schema, field);
    } else if (raw == Boolean.class || raw == boolean.class) {
      schema.type(Schema.SchemaType.BOOLEAN);
    } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      schema.type(Schema.SchemaType.INTEGER);
    } else if (Number.class.isAssignableFrom(raw)) {
      schema.type(Schema.SchemaType.NUMBER);
    } else if (raw.isEnum()) {
      schema
          .type(Schema.SchemaType.STRING)
          .enumeration(
              Arrays.stream(raw.getEnumConstants()).map(c -> (Object) c.toString()).toList());
    } else if (Temporal.class.isAssignableFrom(raw)) {
      schema.type(Schema.SchemaType.STRING).format(raw == LocalDate.class ? "date" : "date-time");
    } else if (Collection.class.isAssignableFrom(raw)) {
      schema.type(Schema.SchemaType.ARRAY).items(schemaOf(typeArgument(type, 0), null, depth + 1));
    } else {
      schema.type(Schema.SchemaType.OBJECT);
      if (depth <= MAX_DEPTH) {
        completeNew(schema, type, depth);
      }
    }
    return schema;
  }

  private static void completeNew(Schema schema, Type type, int depth) {
    if (Map.class.isAssignableFrom(raw(type))) {
      schema.setAdditionalPropertiesSchema(schemaOf(typeArgument(type, 1), null, depth + 1));
      return;
    }
    for (Field field : fields(raw(type))) {
      schema.addProperty(jsonName(field), schemaOf(field.getGenericType(), field, depth + 1));
    }
  }

  private static void constrain(Schema schema, Field field) {
    if (field == null) {
      return;
    }
    Pattern pattern = field.getAnnotation(Pattern.class);
    if (pattern != null) {
      schema.pattern(
          pattern.regexp().startsWith("^") ? pattern.regexp() : "^(" + pattern.regexp() + ")$");
    }
    Size size = field.getAnnotation(Size.class);
    if (size != null && size.max() < Integer.MAX_VALUE) {
      schema.maxLength(size.max());
    }
  }

  private static Schema resolve(OpenAPI openAPI, Schema schema) {
    String ref = schema.getRef();
    if (ref == null) {
      return schema;
    }
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    Map<String, Schema> components =
        openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
    return components == null ? null : components.get(name);
  }

  private static boolean scalar(Class<?> raw) {
    return raw.isPrimitive()
        || raw == String.class
        || Number.class.isAssignableFrom(raw)
        || raw == Boolean.class
        || raw.isEnum()
        || Temporal.class.isAssignableFrom(raw)
        || raw.getName().startsWith("java.util.UUID")
        || raw.getName().startsWith("com.fasterxml.jackson");
  }

  private static List<Field> fields(Class<?> type) {
    if (type.getName().startsWith("java.") || type.getName().startsWith("com.fasterxml")) {
      return List.of();
    }
    return Arrays.stream(type.getDeclaredFields())
        .filter(
            f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
        .toList();
  }

  private static String jsonName(Field field) {
    JsonProperty property = field.getAnnotation(JsonProperty.class);
    return property != null && !property.value().isEmpty() ? property.value() : field.getName();
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
        ? p.getActualTypeArguments()[index]
        : String.class;
  }
}

package io.portolan.infrastructure.web;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Declares the query parameters of {@code @BeanParam} classes (filters, paging), which Payara's
 * OpenAPI scanner skips: read from the resource classes themselves, with their constraints, so the
 * document cannot drift from the code.
 */
final class BeanParamParameters {
  private static final Logger LOG = Logger.getLogger(BeanParamParameters.class.getName());

  private BeanParamParameters() {}

  static void declare(OpenAPI openAPI, Class<?> application) {
    if (openAPI.getPaths() == null) {
      return;
    }
    String base = application.getAnnotation(ApplicationPath.class).value();
    for (Class<?> resource : resources()) {
      for (Method method : resource.getMethods()) {
        String verb = httpMethod(method);
        if (verb == null) {
          continue;
        }
        PathItem item = openAPI.getPaths().getPathItem(path(base, resource, method));
        Operation operation =
            item == null ? null : item.getOperations().get(PathItem.HttpMethod.valueOf(verb));
        if (operation != null) {
          declare(operation, method);
          BodySchemas.complete(openAPI, operation, method);
        }
      }
    }
  }

  private static void declare(Operation operation, Method method) {
    Set<String> known = new LinkedHashSet<>();
    if (operation.getParameters() != null) {
      operation.getParameters().forEach(p -> known.add(p.getName()));
    }
    for (Parameter parameter : method.getParameters()) {
      if (!parameter.isAnnotationPresent(BeanParam.class)) {
        continue;
      }
      for (Field field : fields(parameter.getType())) {
        QueryParam query = field.getAnnotation(QueryParam.class);
        if (query != null && known.add(query.value())) {
          operation.addParameter(
              OASFactory.createParameter()
                  .name(query.value())
                  .in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY)
                  .schema(schema(field)));
        }
      }
    }
  }

  static Schema schema(Field field) {
    boolean number =
        field.getType() == int.class
            || field.getType() == Integer.class
            || field.getType() == long.class
            || field.getType() == Long.class;
    Schema schema =
        OASFactory.createSchema()
            .type(number ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING);
    Pattern pattern = field.getAnnotation(Pattern.class);
    if (pattern != null) {
      schema.pattern("^(" + pattern.regexp() + ")$");
    }
    Min min = field.getAnnotation(Min.class);
    if (min != null) {
      schema.minimum(BigDecimal.valueOf(min.value()));
    }
    Max max = field.getAnnotation(Max.class);
    if (max != null) {
      schema.maximum(BigDecimal.valueOf(max.value()));
    }
    DefaultValue fallback = field.getAnnotation(DefaultValue.class);
    if (fallback != null) {
      schema.defaultValue(number ? (Object) Long.valueOf(fallback.value()) : fallback.value());
    }
    if (field.getName().equals("from") || field.getName().equals("to")) {
      schema.format("date-time");
    }
    return schema;
  }

  private static List<Field> fields(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      fields.addAll(0, List.of(c.getDeclaredFields()));
    }
    return fields;
  }

  private static String httpMethod(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
      if (verb != null) {
        return verb.value();
      }
    }
    return null;
  }

  static String path(String base, Class<?> resource, Method method) {
    Path sub = method.getAnnotation(Path.class);
    String path =
        "/"
            + base
            + "/"
            + resource.getAnnotation(Path.class).value()
            + "/"
            + (sub == null ? "" : sub.value());
    path = path.replaceAll("/+", "/");
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The JAX-RS resources: CDI beans whose class has {@code @Path}. */
  private static Set<Class<?>> resources() {
    Set<Class<?>> resources = new LinkedHashSet<>();
    try {
      for (Bean<?> bean :
          CDI.current().getBeanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
        if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
          resources.add(bean.getBeanClass());
        }
      }
    } catch (IllegalStateException e) {
      LOG.log(
          Level.WARNING,
          "CDI is not available: the document lacks the filters' query parameters",
          e);
    }
    return resources;
  }
}

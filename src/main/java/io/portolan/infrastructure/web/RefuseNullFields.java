package io.portolan.infrastructure.web;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a resource method: its JSON body may leave a top-level field out but not send it as null
 * ({@link NullFieldsInterceptor} answers 400 naming the field). For bodies where a left-out field
 * has a meaning (no restriction) that a null would silently take on.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RefuseNullFields {}

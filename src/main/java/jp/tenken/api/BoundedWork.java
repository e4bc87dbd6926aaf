package jp.tenken.api;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that reads a document and evaluates it: its work is bounded by
 * {@link BoundedWorkInterceptor} (a time budget, a stop when the client goes away, and a queue for
 * large documents), so that no request can wedge the service (CONTRACT §14).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD})
@Around
public @interface BoundedWork {
}

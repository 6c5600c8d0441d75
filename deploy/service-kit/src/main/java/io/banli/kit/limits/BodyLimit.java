package io.banli.kit.limits;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body an operation takes, above the default {@code banli.http.max-body-size} (1 MB): file
 * uploads such as imports and attachments. {@code quarkus.http.limits.max-body-size} of the service must be at
 * least the largest of these. {@link BodyLimitCheck} enforces it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface BodyLimit {

    /** In megabytes (MiB). */
    int megabytes();
}

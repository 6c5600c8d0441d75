package io.banli.kit.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read of personal data or of a grant that the audit log must show (MLPS level 3): who read which object, when,
 * from where, and whether it was answered ({@code SUCCESS}) or refused ({@code DENIED}: 403, 404).
 * {@link AuditedReads} records it as {@code <subject>.read}; the detail is the path, never the data.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AuditedRead {

    /** The subject type, e.g. {@code member}. */
    String subject();

    /** The path parameter naming the object; a list or an export without one is recorded as {@code *}. */
    String idParam() default "id";
}

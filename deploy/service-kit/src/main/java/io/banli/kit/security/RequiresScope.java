package io.banli.kit.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The OAuth scope a {@code platform} caller's token must carry (in its space-separated {@code scope} claim)
 * to call this operation. It narrows, never widens, {@code @RolesAllowed}: the role must still be allowed.
 * Other roles are not affected. A platform caller on an operation without this annotation is refused, so
 * no endpoint is open to platforms by accident; {@link ScopeCheck} enforces both.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresScope {

    /** One of {@link Scopes}. */
    String value();
}

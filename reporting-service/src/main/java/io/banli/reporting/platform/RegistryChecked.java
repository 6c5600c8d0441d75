package io.banli.reporting.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A platform's call to this operation is checked against the registry's grant on every request
 * ({@link PlatformCallerCheck}), as intake checks its own: not only against what the token says.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RegistryChecked {
}

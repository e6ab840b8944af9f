package io.onestop.assistance.miniprogram.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Endpoints that need a valid resident token from POST /mp/v1/session (checked by {@link ResidentTokenFilter}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ResidentOnly {
}

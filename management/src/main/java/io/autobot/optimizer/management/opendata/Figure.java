package io.autobot.optimizer.management.opendata;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a component of a reported record means and in which unit. A {@code CompositeType} has a
 * description per item and no descriptor, so the unit is written into that description
 * ({@code "Calls answered from the cache (calls)"}); JMX clients show it beside the item.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Figure {

    /** What the figure is. */
    String value();

    /** Its unit, such as {@code seconds}, {@code calls}, {@code bytes}; empty for none. */
    String units() default "";
}

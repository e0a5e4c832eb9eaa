package io.autobot.optimizer.management.jmx;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a bean, an attribute (on its getter) or an operation means and in which unit, for the
 * {@code MBeanInfo} that JMX clients show (JConsole's tooltips): the text becomes the
 * description, the unit the descriptor field {@code units}. A setting's attribute without a
 * text is described by its catalogue entry.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Described {

    /** The description; empty: the setting's catalogue entry says it. */
    String value() default "";

    /** The unit, such as {@code seconds}, {@code bytes}, {@code percent}; empty for none. */
    String units() default "";
}

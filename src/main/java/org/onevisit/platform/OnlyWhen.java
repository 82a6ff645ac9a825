package org.onevisit.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module listener ({@code @ApplicationModuleListener}): the listener hears only the
 * events for which the named method of its own bean answers {@code true}, a method that
 * takes the listener's event type and nothing else. It is asked when the event is
 * published, before an outbox row is written for the listener, and again before the
 * listener runs; an event it declines costs no row and no transaction.
 * <p>
 * This takes the place of the listener's SpEL {@code condition}: the method is found
 * once, at start (a missing or mistyped one stops the start, naming the listener), and
 * then called directly. A SpEL condition was parsed once but evaluated through reflection
 * on every event, the method resolved again whenever the event's type differed from the
 * last one's: a tenth of the bundle engine's client threads in a profile (ADR 17).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OnlyWhen {

	/** The name of the listener bean's method that decides, given the event. */
	String value();

}

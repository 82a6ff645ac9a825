package org.onevisit.platform.internal;

import java.lang.reflect.Method;

import org.onevisit.platform.OnlyWhen;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.modulith.events.core.ConditionalEventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;
import org.springframework.transaction.event.TransactionalEventListenerFactory;
import org.springframework.util.ReflectionUtils;

/**
 * Makes the listeners of the methods that carry {@link OnlyWhen}: the transactional
 * listeners Spring makes for {@code @ApplicationModuleListener}, which also answer Spring
 * Modulith's {@link ConditionalEventListener} question (whether to write the outbox row)
 * and run only for the events their condition accepts.
 * <p>
 * Ordered before Spring's own factory of transactional listeners, which makes every other
 * module listener.
 */
@Component
class ListenerConditions extends TransactionalEventListenerFactory {

	ListenerConditions() {
		setOrder(40);
	}

	@Override
	public boolean supportsMethod(Method method) {
		return AnnotatedElementUtils.hasAnnotation(method, OnlyWhen.class) && super.supportsMethod(method);
	}

	@Override
	public ApplicationListener<?> createApplicationListener(String beanName, Class<?> type, Method method) {
		return new Listener(beanName, type, method, condition(type, method));
	}

	/**
	 * The listener bean's method that decides, found once: named by {@link OnlyWhen},
	 * taking exactly the listener's event type and answering a boolean.
	 */
	static Method condition(Class<?> type, Method listener) {
		String name = AnnotatedElementUtils.findMergedAnnotation(listener, OnlyWhen.class).value();
		if (listener.getParameterCount() != 1) {
			throw new IllegalStateException("Listener " + type.getName() + "." + listener.getName()
					+ " must take one event to have a condition");
		}
		Class<?> event = listener.getParameterTypes()[0];
		Method condition = ReflectionUtils.findMethod(type, name, event);
		if (condition == null || condition.getReturnType() != boolean.class) {
			throw new IllegalStateException("Listener " + type.getName() + "." + listener.getName()
					+ " is heard only when " + name + "(" + event.getSimpleName() + "), but " + type.getSimpleName()
					+ " has no method boolean " + name + "(" + event.getSimpleName() + ")");
		}
		ReflectionUtils.makeAccessible(condition);
		return condition;
	}

	/** A module listener that asks its bean's condition before anything else. */
	static final class Listener extends TransactionalApplicationListenerMethodAdapter
			implements ConditionalEventListener {

		private final Method condition;

		private final Class<?> event;

		private volatile Object decider;

		Listener(String beanName, Class<?> type, Method method, Method condition) {
			super(beanName, type, method);
			this.condition = condition;
			this.event = method.getParameterTypes()[0];
		}

		/** Spring Modulith's question: is an outbox row written for this listener? */
		@Override
		public boolean supports(Object payload) {
			return this.event.isInstance(payload) && accepts(payload);
		}

		/** Spring's: after the publisher's commit, or when Modulith hands it again. */
		@Override
		public void processEvent(ApplicationEvent event) {
			Object[] arguments = resolveArguments(event);
			if (arguments != null && accepts(arguments[0])) {
				super.processEvent(event);
			}
		}

		private boolean accepts(Object payload) {
			return (boolean) ReflectionUtils.invokeMethod(this.condition, decider(), payload);
		}

		/**
		 * The bean itself behind its proxy: a proxy (the listener's {@code @Async} and
		 * transaction) runs a method it does not advise on its own empty fields.
		 */
		private Object decider() {
			Object decider = this.decider;
			if (decider == null) {
				Object bean = getTargetBean();
				Object target = AopProxyUtils.getSingletonTarget(bean);
				decider = (target != null) ? target : bean;
				this.decider = decider;
			}
			return decider;
		}

	}

}

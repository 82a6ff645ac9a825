package org.onevisit.benchmarks;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements OneVisit executes, by wrapping its data source: for the
 * benchmarks' statements-per-operation figures.
 */
final class StatementCounter implements BeanPostProcessor {

	static final LongAdder EXECUTED = new LongAdder();

	/** Of those, the statements on the transparency log's tables. */
	static final LongAdder LOG = new LongAdder();

	private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
			return proxy(DataSource.class, dataSource);
		}
		return bean;
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target) {
		InvocationHandler handler = (self, method, arguments) -> {
			String name = method.getName();
			if (name.startsWith("execute") && (target instanceof Statement) && !(target instanceof PreparedStatement)) {
				EXECUTED.increment();
			}
			Object result;
			try {
				result = method.invoke(target, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			if (result instanceof PreparedStatement && arguments != null && arguments.length > 0
					&& arguments[0] instanceof String sql && sql.contains("transparency_")) {
				LOG.increment();
			}
			if (result instanceof PreparedStatement) {
				// Spring's templates, Spring Modulith and the bare version prepare each
				// statement they execute (a batch once), so it is counted here; the
				// driver's hot calls (binding, reading columns) then do not go through
				// a reflective proxy, which was a tenth of the engine's profile
				EXECUTED.increment();
				return result;
			}
			if (result instanceof Statement statement) {
				return proxy(Statement.class, statement);
			}
			if (result instanceof Connection connection) {
				return proxy(Connection.class, connection);
			}
			return result;
		};
		// one proxy class per interface, its constructor looked up once: creating a
		// proxy per statement through Proxy.newProxyInstance showed in the benchmark's
		// own profile
		try {
			return (T) CONSTRUCTORS.computeIfAbsent(type, (key) -> {
				try {
					return Proxy
						.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] { key },
								(self, method, arguments) -> null)
						.getClass()
						.getConstructor(InvocationHandler.class);
				}
				catch (NoSuchMethodException ex) {
					throw new IllegalStateException(ex);
				}
			}).newInstance(handler);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

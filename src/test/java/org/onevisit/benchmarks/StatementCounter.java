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
public final class StatementCounter implements BeanPostProcessor {

	public static final LongAdder EXECUTED = new LongAdder();

	/** Of those, the statements on the transparency log's tables. */
	public static final LongAdder LOG = new LongAdder();

	/** The time those took to execute, in nanoseconds. */
	public static final LongAdder LOG_NANOS = new LongAdder();

	/**
	 * Of the log's statements, those writing entries in the act's own transaction (the
	 * rest are the sequencer's, off the request's path), and their time.
	 */
	public static final LongAdder LOG_WRITES = new LongAdder();

	public static final LongAdder LOG_WRITE_NANOS = new LongAdder();

	private static final Map<Class<?>, Constructor<?>> CONSTRUCTORS = new ConcurrentHashMap<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
			return proxy(DataSource.class, dataSource);
		}
		return bean;
	}

	/** The log's statements only: timed as they execute. */
	private static PreparedStatement timed(PreparedStatement target, boolean write) {
		InvocationHandler handler = (self, method, arguments) -> {
			boolean executing = method.getName().startsWith("execute");
			long started = executing ? System.nanoTime() : 0;
			try {
				return method.invoke(target, arguments);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
			finally {
				if (executing) {
					long took = System.nanoTime() - started;
					LOG_NANOS.add(took);
					if (write) {
						LOG_WRITE_NANOS.add(took);
					}
				}
			}
		};
		return (PreparedStatement) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { PreparedStatement.class }, handler);
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
			if (result instanceof PreparedStatement prepared && arguments != null && arguments.length > 0
					&& arguments[0] instanceof String sql && sql.contains("transparency_")) {
				LOG.increment();
				EXECUTED.increment();
				boolean write = sql.strip().startsWith("insert into transparency_pending");
				if (write) {
					LOG_WRITES.increment();
				}
				return timed(prepared, write);
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

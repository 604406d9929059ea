package dev.executor.jdbc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Makes the application instance's database refuse the first statement that records an
 * outcome, as a database that is away just as a task ends does; every other statement,
 * and any later outcome, goes through.
 */
final class OutcomeWriteRefusal implements BeanPostProcessor {

	final CountDownLatch refused = new CountDownLatch(1);

	private final AtomicBoolean armed = new AtomicBoolean(true);

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		return (bean instanceof DataSource dataSource) ? new RefusingDataSource(dataSource) : bean;
	}

	private boolean refuses(String sql) {
		return sql.startsWith("UPDATE ") && sql.contains("FINISHED_AT = ?") && sql.contains("WHERE ID = ?")
				&& this.armed.compareAndSet(true, false);
	}

	private Connection refusing(Connection connection) {
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				(proxy, method, args) -> {
					if (method.getName().equals("prepareStatement") && refuses((String) args[0])) {
						this.refused.countDown();
						throw new SQLTransientConnectionException("The database is away");
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	// closing the pool with the context, as Spring does for the data source it wraps
	private final class RefusingDataSource extends DelegatingDataSource implements AutoCloseable {

		RefusingDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return refusing(super.getConnection());
		}

		@Override
		public void close() throws Exception {
			if (obtainTargetDataSource() instanceof AutoCloseable pool) {
				pool.close();
			}
		}

	}

}

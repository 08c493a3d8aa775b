package com.campaignledger.eventstore;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Axon's JDBC components on the connection of the Spring transaction bound to the thread, which alone commits or
 * rolls it back. Axon's default provider commits and rolls back that connection itself when a unit of work ends (its
 * {@code UnitOfWorkAwareConnectionProviderWrapper}; Axon's Spring provider only stops the commit): a refused command
 * would roll back the whole of a request's transaction, not its savepoint. Without a transaction each call borrows a
 * connection of its own, as with Axon's.
 */
final class SpringConnections implements ConnectionProvider {

    private final DataSource dataSource;

    SpringConnections(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = DataSourceUtils.doGetConnection(dataSource);
        boolean spring = DataSourceUtils.isConnectionTransactional(connection, dataSource);
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "close":
                            DataSourceUtils.doReleaseConnection(connection, dataSource);
                            return null;
                        case "commit", "rollback":
                            if (spring && (args == null || args.length == 0)) {
                                return null;
                            }
                            break;
                        case "equals":
                            return proxy == args[0];
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "unwrap":
                            if (((Class<?>) args[0]).isInstance(proxy)) {
                                return proxy;
                            }
                            break;
                        default:
                            break;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}

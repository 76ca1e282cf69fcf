package org.posthorn.ejb.testing;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The real persistence unit "posthorn" (its persistence.xml, mapping and hbm2ddl=update) on an
 * in-memory H2 database, with what the container would do by hand: one entity manager and one
 * resource-local transaction per unit of work and thread, reached through a shared proxy as the
 * container's transaction-scoped entity manager is.
 */
public final class TestDatabase implements AutoCloseable {

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** Hibernate logs through JUL here; its start-up lines, once per test, bury the test output. */
    private static final Logger HIBERNATE_LOG = Logger.getLogger("org.hibernate");
    /** Warns that the built-in pool is not for production, which a test database is not. */
    private static final Logger POOL_LOG = Logger.getLogger("org.hibernate.orm.connections.pooling");

    static {
        HIBERNATE_LOG.setLevel(Level.WARNING);
        POOL_LOG.setLevel(Level.SEVERE);
    }

    private final String url;
    private final EntityManagerFactory factory;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
    private final EntityManager proxy;

    public TestDatabase() {
        this("jdbc:h2:mem:posthorn-test-" + NEXT.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
    }

    private TestDatabase(String url) {
        this.url = url;
        this.factory = Persistence.createEntityManagerFactory("posthorn", Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL",
                "jakarta.persistence.jdbc.url", url,
                "jakarta.persistence.jdbc.user", "sa",
                "jakarta.persistence.jdbc.password", "sa",
                "jakarta.persistence.validation.mode", "NONE",
                "hibernate.type.json_format_mapper", NoJsonFormatMapper.class.getName()));
        this.proxy = (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (self, method, args) -> {
                    EntityManager em = current.get();
                    if (em == null) {
                        throw new IllegalStateException("no transaction on this thread");
                    }
                    try {
                        return method.invoke(em, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The same database opened again by a new factory, as after a server restart. */
    public TestDatabase reopen() {
        return new TestDatabase(url);
    }

    /** What services get injected: the entity manager of the calling thread's current transaction. */
    public EntityManager entityManager() {
        return proxy;
    }

    /** Runs work in a new transaction, committed when it returns and rolled back when it throws. */
    public <T> T inTransaction(Supplier<T> work) {
        EntityManager em = factory.createEntityManager();
        current.set(em);
        List<Runnable> committed = new ArrayList<>();
        afterCommit.set(committed);
        try {
            em.getTransaction().begin();
            T result = work.get();
            em.getTransaction().commit();
            committed.forEach(Runnable::run);
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            current.remove();
            afterCommit.remove();
            em.close();
        }
    }

    /**
     * Runs an action once the calling thread's current transaction committed, and never if it rolls
     * back: what a JTA transaction does with the XA resources enlisted in it (JMS sends).
     */
    public void afterCommit(Runnable action) {
        List<Runnable> actions = afterCommit.get();
        if (actions == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        actions.add(action);
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    @Override
    public void close() {
        factory.close();
    }
}

package org.posthorn.ejb.testing;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Does the container's injection for tests: fills each injected field from the given dependencies. */
public final class Beans {

    private Beans() {
    }

    public static <T> T wire(Class<T> type, Object... dependencies) {
        try {
            Constructor<T> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            T bean = constructor.newInstance();
            for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.isAnnotationPresent(Inject.class) || field.isAnnotationPresent(PersistenceContext.class)
                            || field.isAnnotationPresent(EJB.class)) {
                        field.setAccessible(true);
                        field.set(bean, dependencyFor(field, dependencies));
                    }
                }
            }
            return bean;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot wire " + type.getName(), e);
        }
    }

    /** Calls a lifecycle method (such as a {@code @PostConstruct}) that is not public. */
    public static void invoke(Object bean, String methodName) {
        try {
            Method method = bean.getClass().getDeclaredMethod(methodName);
            method.setAccessible(true);
            method.invoke(bean);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call " + methodName, e);
        }
    }

    private static Object dependencyFor(Field field, Object[] dependencies) {
        for (Object dependency : dependencies) {
            if (field.getType().isInstance(dependency)) {
                return dependency;
            }
        }
        throw new IllegalStateException("no dependency given for " + field);
    }
}

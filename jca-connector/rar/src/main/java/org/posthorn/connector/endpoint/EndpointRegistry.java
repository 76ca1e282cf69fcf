package org.posthorn.connector.endpoint;

import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The active message endpoint factory for each SPI listener interface (one MDB each). */
public final class EndpointRegistry {

    private final Map<Class<?>, MessageEndpointFactory> factories = new ConcurrentHashMap<>();

    public void register(Class<?> listener, MessageEndpointFactory factory) {
        factories.put(listener, factory);
    }

    /** Forgets the factory, unless another one has replaced it meanwhile. */
    public void unregister(Class<?> listener, MessageEndpointFactory factory) {
        factories.remove(listener, factory);
    }

    public Optional<MessageEndpointFactory> factory(Class<?> listener) {
        return Optional.ofNullable(factories.get(listener));
    }

    public boolean isActive(Class<?> listener) {
        return factories.containsKey(listener);
    }
}

package org.posthorn.connector.activation;

import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.ResourceAdapter;

/** The part every Posthorn activation spec shares: which listener interface it activates. */
public abstract class ListenerActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;

    /** The SPI listener interface an MDB activated with this spec implements. */
    public abstract Class<?> listenerInterface();

    @Override
    public void validate() {
        // No properties to validate.
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) {
        this.resourceAdapter = resourceAdapter;
    }
}

package org.posthorn.spi.events;

import jakarta.resource.ResourceException;

/**
 * The connection factory of the resource adapter's change notifications, bound in JNDI as
 * {@link #JNDI_NAME}. Implemented in the RAR; used by the post office's relay MDB.
 */
public interface MailboxEventsFactory {

    /** Where the adapter's {@code META-INF/ironjacamar.xml} binds the factory. */
    String JNDI_NAME = "java:/posthorn/MailboxEvents";

    /** A connection to close after use (try-with-resources); cheap, pooled by the container. */
    MailboxEvents getConnection() throws ResourceException;
}

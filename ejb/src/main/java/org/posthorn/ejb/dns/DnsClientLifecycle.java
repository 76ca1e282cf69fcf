package org.posthorn.ejb.dns;

import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import org.xbill.DNS.NioClient;

/**
 * Stops dnsjava's shared I/O thread when the application stops. dnsjava starts it at the first query
 * and otherwise keeps it until the JVM exits, holding the undeployed application's classes (and
 * failing in its shutdown hook once they are gone).
 */
@Singleton
@Startup
public class DnsClientLifecycle {

    @PreDestroy
    void stop() {
        NioClient.close();
    }
}

package org.posthorn.systemtest.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR exactly as the build produced it; the tests talk to it over sockets only. */
public final class PosthornDeployment {

    private PosthornDeployment() {
    }

    public static EnterpriseArchive ear() {
        File ear = new File(System.getProperty("posthorn.ear", "target/posthorn.ear"));
        // The name matters: the MDBs find the resource adapter as "posthorn.ear#posthorn-connector.rar".
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}

package org.posthorn.ejb;

/** How the message-driven beans find the resource adapter (DESIGN.md fact 6). */
public final class ConnectorBinding {

    /**
     * The adapter's deployment name: {@code <ear file>#<rar file>}. It follows from the file names the
     * EAR module fixes; change them together.
     */
    public static final String RESOURCE_ADAPTER = "posthorn.ear#posthorn-connector.rar";

    private ConnectorBinding() {
    }
}

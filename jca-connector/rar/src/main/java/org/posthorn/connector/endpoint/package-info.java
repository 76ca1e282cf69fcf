/**
 * Calls into the post office: the active message endpoints, and the dispatcher that runs each call on
 * a WorkManager thread so that no Netty event loop ever blocks.
 */
package org.posthorn.connector.endpoint;

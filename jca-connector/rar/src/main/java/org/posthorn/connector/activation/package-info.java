/**
 * One JCA activation spec per SPI listener interface: the MDB that implements the interface is
 * activated with it. They carry no properties; settings come from {@link org.posthorn.settings.Settings}.
 */
package org.posthorn.connector.activation;

/**
 * The post office: the message-driven beans behind the connector's SPI and the services they use.
 * Sub-packages: {@code directory} (domains and accounts), {@code auth} (the password store),
 * {@code store} (mailboxes and messages), {@code mta} (recipient policy and local delivery),
 * {@code pop3} (the maildrop view), {@code admin} (what the admin API does).
 */
package org.posthorn.ejb;

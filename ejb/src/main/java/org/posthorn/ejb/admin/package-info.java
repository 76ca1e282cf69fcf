/**
 * What the admin API and the admin console can do: create, change, list, search and delete domains,
 * accounts and aliases, count the mail they hold ({@link org.posthorn.ejb.admin.MailUsage}), report the
 * server's state ({@link org.posthorn.ejb.admin.StatusReport}), show a queued message's header section
 * ({@link org.posthorn.ejb.admin.QueueHeaders}), and make sure the built-in {@code admin} account
 * exists at start-up.
 *
 * <p>Untrusted input: names and values from administrators over HTTP, checked here (not in the web
 * layer) so that every caller gets the same rules; refusals are {@link
 * org.posthorn.ejb.directory.DirectoryException}s with a message fit for the caller.
 */
package org.posthorn.ejb.admin;

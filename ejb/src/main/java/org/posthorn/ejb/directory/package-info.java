/**
 * Domains and accounts: the entities, the lookups, and the rules for their names.
 *
 * <p>Untrusted input: domain names and addresses typed by administrators ({@link
 * org.posthorn.ejb.directory.DomainName#parse}, {@link org.posthorn.ejb.directory.AccountName#parse}
 * reject what is not valid) and logins and recipients from the wire (normalised leniently, only ever
 * used as lookup keys in bound query parameters). Touches only the database.
 */
package org.posthorn.ejb.directory;

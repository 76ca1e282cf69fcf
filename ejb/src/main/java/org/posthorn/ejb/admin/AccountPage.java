package org.posthorn.ejb.admin;

import java.util.List;

/**
 * One page of an account listing.
 *
 * @param accounts the accounts on this page, by address
 * @param total    how many accounts match the search on all pages
 * @param offset   the position of the first one among all matches, from 0
 */
public record AccountPage(List<AccountInfo> accounts, long total, int offset) {
}

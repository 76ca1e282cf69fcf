package org.posthorn.ejb.auth;

import org.posthorn.ejb.directory.Role;

/**
 * Who logged in.
 *
 * @param name the canonical account name
 * @param role what it may do
 */
public record AuthenticatedAccount(String name, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}

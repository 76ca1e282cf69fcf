package org.posthorn.ejb.admin;

import org.posthorn.ejb.directory.Role;

/**
 * What a create-or-update of an account asks for. On creation a password is required and absent
 * fields take their defaults (no display name, no quota, enabled, {@link Role#USER}).
 *
 * @param password    the new password in clear; null when present means nothing
 * @param displayName the new display name, null to clear
 * @param quotaBytes  the new quota in octets, null for none
 * @param enabled     whether it may log in and receive mail
 * @param role        USER or ADMIN
 */
public record AccountChanges(Patch<String> password, Patch<String> displayName, Patch<Long> quotaBytes,
                             Patch<Boolean> enabled, Patch<Role> role) {

    /** Never prints the password. */
    @Override
    public String toString() {
        return "AccountChanges[password " + (password.present() ? "given" : "unchanged") + ", displayName="
                + displayName + ", quotaBytes=" + quotaBytes + ", enabled=" + enabled + ", role=" + role + "]";
    }
}

package org.posthorn.ejb.admin;

/**
 * What a create-or-update of a domain asks for; a new domain is enabled unless this says otherwise.
 *
 * @param enabled whether the domain receives mail and its accounts may log in
 */
public record DomainChanges(Patch<Boolean> enabled) {

    public static DomainChanges none() {
        return new DomainChanges(Patch.absent());
    }
}

package org.posthorn.ejb.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The one row that remembers the last UIDVALIDITY issued ({@link UidValidity}), so that two
 * mailboxes created in the same second, or a mailbox deleted and created again at once, never get
 * a value used before.
 */
@Entity
@Table(name = "ph_uid_validity_counter")
public class UidValidityCounter {

    static final long ID = 1;

    @Id
    private Long id;

    @Column(name = "last_issued", nullable = false)
    private long lastIssued;

    protected UidValidityCounter() {
        // for JPA
    }

    UidValidityCounter(long lastIssued) {
        this.id = ID;
        this.lastIssued = lastIssued;
    }

    long getLastIssued() {
        return lastIssued;
    }

    void setLastIssued(long lastIssued) {
        this.lastIssued = lastIssued;
    }
}

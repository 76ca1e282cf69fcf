package org.posthorn.ejb.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.posthorn.ejb.auth.ScramKeys;

/**
 * A login and the owner of mailboxes: either a mail address {@code local@domain} of a local
 * {@link Domain}, normalised by {@link AccountName}, or the one special login {@value AccountName#ADMIN}
 * that belongs to no domain. Only a bcrypt hash of the password is kept, and the SCRAM-SHA-256 keys
 * derived from it (ADR 0008).
 */
@Entity
@Table(name = "ph_account",
        uniqueConstraints = @UniqueConstraint(name = "uk_account_address", columnNames = "address"),
        indexes = @Index(name = "ix_account_domain", columnList = "domain_id"))
public class Account {

    @Id
    @GeneratedValue
    private Long id;

    /** The canonical login: {@code local@domain} in lower case, or {@code admin}. */
    @Column(name = "address", nullable = false, length = AccountName.MAX_LENGTH)
    private String address;

    /** Null only for {@code admin}. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "domain_id", foreignKey = @ForeignKey(name = "fk_account_domain"))
    private Domain domain;

    @Column(name = "password_hash", nullable = false, length = 100)
    private String passwordHash;

    /** Null until the password is set or used to log in after SCRAM came (ADR 0008). */
    @Embedded
    private ScramKeys scramKeys;

    @Column(name = "display_name", length = AccountName.MAX_DISPLAY_NAME_LENGTH)
    private String displayName;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "role", nullable = false, length = 16)
    private Role role;

    /** Octets of mail the account may keep; null for no limit. */
    @Column(name = "quota_bytes")
    private Long quotaBytes;

    @Column(name = "created", nullable = false)
    private Instant created;

    protected Account() {
        // for JPA
    }

    /**
     * A new, enabled account.
     *
     * @param address      a canonical name from {@link AccountName}
     * @param domain       its domain, or null for {@code admin}
     * @param passwordHash a bcrypt hash, never the password
     */
    public Account(String address, Domain domain, String passwordHash, Role role, Instant created) {
        this.address = address;
        this.domain = domain;
        this.passwordHash = passwordHash;
        this.role = role;
        this.enabled = true;
        this.created = created.truncatedTo(ChronoUnit.MILLIS); // stored as read back
    }

    public Long getId() {
        return id;
    }

    public String getAddress() {
        return address;
    }

    public Domain getDomain() {
        return domain;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    /** Also forgets the SCRAM keys: they belong to the old password. Set the new ones after. */
    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
        this.scramKeys = null;
    }

    /** The SCRAM-SHA-256 keys of the current password, or null. */
    public ScramKeys getScramKeys() {
        return scramKeys;
    }

    public void setScramKeys(ScramKeys scramKeys) {
        this.scramKeys = scramKeys;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getQuotaBytes() {
        return quotaBytes;
    }

    public void setQuotaBytes(Long quotaBytes) {
        this.quotaBytes = quotaBytes;
    }

    public Instant getCreated() {
        return created;
    }

    /** Whether it may log in and receive mail: it and its domain (if any) are enabled. */
    public boolean isUsable() {
        return enabled && (domain == null || domain.isEnabled());
    }
}

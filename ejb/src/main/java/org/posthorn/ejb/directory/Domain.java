package org.posthorn.ejb.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A domain this server receives mail for. Its name is stored in the form {@link DomainName#parse}
 * returns (lower case, ASCII; internationalised names as A-labels), so lookups are exact matches.
 */
@Entity
@Table(name = "ph_domain", uniqueConstraints = @UniqueConstraint(name = "uk_domain_name", columnNames = "name"))
public class Domain {

    @Id
    @GeneratedValue
    private Long id;

    /** RFC 1035 §2.3.4: at most 253 characters in text form. */
    @Column(name = "name", nullable = false, length = DomainName.MAX_LENGTH)
    private String name;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created", nullable = false)
    private Instant created;

    protected Domain() {
        // for JPA
    }

    /** A new, enabled domain; {@code name} must come from {@link DomainName#parse}. */
    public Domain(String name, Instant created) {
        this.name = name;
        this.enabled = true;
        this.created = created.truncatedTo(ChronoUnit.MILLIS); // stored as read back
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreated() {
        return created;
    }
}

package org.posthorn.ejb.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ForeignKey;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * An address of a local {@link Domain} that forwards to other addresses, local or remote (Postfix's
 * {@code virtual_alias_maps}): {@code local@domain} as {@link AccountName#parseAddress} writes it, or
 * {@code @domain} for the domain's catch-all, which takes every address of the domain that nothing
 * else takes. Targets are canonical addresses in the order they were given.
 */
@Entity
@Table(name = "ph_alias",
        uniqueConstraints = @UniqueConstraint(name = "uk_alias_address", columnNames = "address"),
        indexes = @Index(name = "ix_alias_domain", columnList = "domain_id"))
public class Alias {

    /** The most targets one alias may have. */
    public static final int MAX_TARGETS = 100;

    @Id
    @GeneratedValue
    private Long id;

    @Column(name = "address", nullable = false, length = AccountName.MAX_LENGTH)
    private String address;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "domain_id", nullable = false, foreignKey = @ForeignKey(name = "fk_alias_domain"))
    private Domain domain;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ph_alias_target", joinColumns = @JoinColumn(name = "alias_id"),
            foreignKey = @ForeignKey(name = "fk_alias_target_alias"))
    @OrderColumn(name = "position")
    @Column(name = "target", nullable = false, length = AccountName.MAX_LENGTH)
    private List<String> targets = new ArrayList<>();

    @Column(name = "created", nullable = false)
    private Instant created;

    protected Alias() {
        // for JPA
    }

    /**
     * @param address {@code local@domain} or {@code @domain}, canonical
     * @param targets canonical addresses, at least one
     */
    public Alias(String address, Domain domain, List<String> targets, Instant created) {
        this.address = address;
        this.domain = domain;
        this.targets = new ArrayList<>(targets);
        this.created = created.truncatedTo(ChronoUnit.MILLIS); // stored as read back
    }

    /** The catch-all key of a domain: {@code @domain}. */
    public static String catchAll(String domainName) {
        return "@" + domainName;
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

    public boolean isCatchAll() {
        return address.startsWith("@");
    }

    public List<String> getTargets() {
        return List.copyOf(targets);
    }

    public void setTargets(List<String> targets) {
        this.targets.clear();
        this.targets.addAll(targets);
    }

    public Instant getCreated() {
        return created;
    }
}

package org.posthorn.ejb.admin;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.posthorn.ejb.directory.Alias;

/**
 * An alias as the admin API shows it.
 *
 * @param address  {@code local@domain}, or {@code @domain} for the domain's catch-all
 * @param domain   its domain
 * @param catchAll whether it is the domain's catch-all
 * @param targets  where its mail goes, canonical addresses in the order given
 * @param created  when it was created
 */
public record AliasInfo(String address, String domain, boolean catchAll, List<String> targets, Instant created)
        implements Serializable {

    public AliasInfo {
        targets = List.copyOf(targets);
    }

    static AliasInfo of(Alias alias) {
        return new AliasInfo(alias.getAddress(), alias.getDomain().getName(), alias.isCatchAll(), alias.getTargets(),
                alias.getCreated());
    }
}

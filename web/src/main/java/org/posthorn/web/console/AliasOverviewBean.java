package org.posthorn.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.posthorn.ejb.admin.AliasAdmin;
import org.posthorn.ejb.admin.AliasInfo;
import org.posthorn.ejb.admin.DomainAdmin;

/** The aliases page before a domain is chosen: every domain with how many aliases it has and its catch-all. */
@Named
@RequestScoped
public class AliasOverviewBean {

    /**
     * @param domain   the domain's name
     * @param aliases  how many aliases it has, the catch-all not counted
     * @param catchAll the catch-all's targets; empty without one
     */
    public record DomainAliases(String domain, long aliases, List<String> catchAll) {
    }

    @Inject
    DomainAdmin domains;

    @Inject
    AliasAdmin aliases;

    private List<DomainAliases> rows;

    public List<DomainAliases> getRows() {
        if (rows == null) {
            Map<String, List<AliasInfo>> byDomain = aliases.list(null).stream()
                    .collect(Collectors.groupingBy(AliasInfo::domain));
            rows = domains.list().stream().map(d -> {
                List<AliasInfo> of = byDomain.getOrDefault(d.name(), List.of());
                return new DomainAliases(d.name(), of.stream().filter(a -> !a.catchAll()).count(),
                        of.stream().filter(AliasInfo::catchAll).findFirst().map(AliasInfo::targets).orElse(List.of()));
            }).toList();
        }
        return rows;
    }
}

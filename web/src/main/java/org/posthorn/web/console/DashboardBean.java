package org.posthorn.web.console;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.posthorn.ejb.admin.DomainAdmin;
import org.posthorn.ejb.admin.DomainInfo;
import org.posthorn.ejb.admin.ServerStatus;
import org.posthorn.ejb.admin.StatusReport;
import org.posthorn.web.console.view.ByteSizes;
import org.posthorn.web.console.view.DayChart;
import org.posthorn.web.console.view.Durations;

/**
 * The dashboard: mail received and sent per day, the queue's depth, storage per domain, recent login
 * failures, version and uptime.
 */
@Named
@RequestScoped
public class DashboardBean {

    @Inject
    StatusReport report;

    @Inject
    DomainAdmin domains;

    private ServerStatus status;
    private DayChart chart;
    private List<DomainInfo> domainList;

    @PostConstruct
    void load() {
        status = report.status();
        chart = DayChart.of(status.receivedPerDay(), status.sentPerDay());
        domainList = domains.list();
    }

    public ServerStatus getStatus() {
        return status;
    }

    public DayChart getChart() {
        return chart;
    }

    public List<DomainInfo> getDomains() {
        return domainList;
    }

    public String getUptime() {
        return Durations.format(status.uptime());
    }

    public String getTotalStorage() {
        return ByteSizes.format(domainList.stream().mapToLong(DomainInfo::storageBytes).sum());
    }
}

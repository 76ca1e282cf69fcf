package org.posthorn.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.posthorn.ejb.admin.ServerStatus;
import org.posthorn.ejb.admin.StatusReport;

/**
 * {@code GET /api/admin/status}: the dashboard's figures —
 * {@code {"version","startedAt","uptimeSeconds","receivedToday","receivedPerDay":[{"day","messages"}],
 * "sentToday","sentPerDay":[{"day","messages"}],"queueDepth",
 * "recentLoginFailures":[{"time","service","login","remoteAddress"}]}}. Sent means accepted from an
 * authenticated client (submission), one per message.
 */
@Path("admin/status")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@RequestScoped
public class StatusResource {

    @Inject
    StatusReport report;

    @GET
    public ServerStatus status() {
        return report.status();
    }
}

package org.posthorn.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.posthorn.ejb.admin.QueueHeaders;
import org.posthorn.ejb.queue.QueueEntryInfo;
import org.posthorn.ejb.queue.QueueStore;

/**
 * {@code /api/admin/queue}: messages waiting to be relayed to other domains.
 * <ul>
 *   <li>{@code GET} – every entry, oldest first: {@code [{"id","deliveryId","sender","recipients":
 *       [{"address","state","status","diagnostic"}],"size","created","attempts","nextAttempt","lastError"}]};
 *       {@code sender} is null for a bounce (the null reverse-path)</li>
 *   <li>{@code GET /{id}} – one entry, 404 if there is none (any more)</li>
 *   <li>{@code GET /{id}/headers} – the message's header section as {@code text/plain} (never its body),
 *       404 if unknown</li>
 *   <li>{@code DELETE /{id}} – 204: the message is dropped without a report to its sender; 404 if unknown</li>
 *   <li>{@code POST /{id}/retry} – 200 with the entry: it is due now and an attempt is on its way</li>
 * </ul>
 */
@Path("admin/queue")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@RequestScoped
public class QueueResource {

    @Inject
    QueueStore queue;

    @Inject
    QueueHeaders headers;

    @GET
    public List<QueueEntryInfo> list() {
        return queue.list();
    }

    @GET
    @Path("{id}")
    public QueueEntryInfo get(@PathParam("id") long id) {
        return queue.get(id);
    }

    @GET
    @Path("{id}/headers")
    @Produces(MediaType.TEXT_PLAIN + ";charset=UTF-8")
    public String headers(@PathParam("id") long id) {
        return headers.of(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        queue.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/retry")
    public QueueEntryInfo retry(@PathParam("id") long id) {
        return queue.retryNow(id, Instant.now());
    }
}

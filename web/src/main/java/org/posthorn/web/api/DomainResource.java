package org.posthorn.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.posthorn.ejb.admin.DomainAdmin;
import org.posthorn.ejb.admin.DomainInfo;
import org.posthorn.ejb.admin.Saved;
import org.posthorn.ejb.dns.DnsCheck;
import org.posthorn.ejb.dns.DnsReport;

/**
 * {@code /api/admin/domains}: the domains this server receives mail for.
 * <ul>
 *   <li>{@code GET} – all domains:
 *       {@code [{"name","enabled","accountCount","messageCount","storageBytes","created"}]}</li>
 *   <li>{@code GET /{domain}} – one domain, 404 if unknown</li>
 *   <li>{@code GET /{domain}/dns} – the records it should publish, checked live:
 *       {@code {"domain","mailHost","warning","checks":[{"expected":{"kind","name","value"},"status","found","note"}]}}
 *       with status PRESENT, MISSING, DIFFERENT or UNKNOWN</li>
 *   <li>{@code PUT /{domain}} – create (201) or update (200); optional body {@code {"enabled": bool}}</li>
 *   <li>{@code DELETE /{domain}[?cascade=true]} – 204; 404 if unknown; 409 if it has accounts and
 *       {@code cascade} is not set, which deletes them with all their mail</li>
 * </ul>
 */
@Path("admin/domains")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@RequestScoped
public class DomainResource {

    @Inject
    DomainAdmin domains;

    @Inject
    DnsCheck dnsCheck;

    @Context
    UriInfo uriInfo;

    @GET
    public List<DomainInfo> list() {
        return domains.list();
    }

    @GET
    @Path("{domain}")
    public DomainInfo get(@PathParam("domain") String domain) {
        return domains.get(domain);
    }

    @GET
    @Path("{domain}/dns")
    public DnsReport dns(@PathParam("domain") String domain) {
        return dnsCheck.check(domain);
    }

    @PUT
    @Path("{domain}")
    public Response put(@PathParam("domain") String domain, String body) {
        Saved<DomainInfo> saved = domains.put(domain, RequestBodies.domainChanges(body));
        return Responses.saved(saved, uriInfo.getBaseUriBuilder().path(DomainResource.class)
                .path(saved.value().name()).build());
    }

    @DELETE
    @Path("{domain}")
    public Response delete(@PathParam("domain") String domain,
                           @QueryParam("cascade") @DefaultValue("false") boolean cascade) {
        domains.delete(domain, cascade);
        return Response.noContent().build();
    }
}

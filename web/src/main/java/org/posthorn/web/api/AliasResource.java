package org.posthorn.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
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
import org.posthorn.ejb.admin.AliasAdmin;
import org.posthorn.ejb.admin.AliasInfo;
import org.posthorn.ejb.admin.Saved;

/**
 * {@code /api/admin/aliases}: addresses that forward to other addresses, local or remote, and each
 * domain's catch-all, whose address is {@code @domain} (it takes every address of the domain that no
 * account or alias takes).
 * <ul>
 *   <li>{@code GET [?domain=d]} – all aliases, or a domain's:
 *       {@code [{"address","domain","catchAll","targets":[...],"created"}]}</li>
 *   <li>{@code GET /{address}} – one alias, 404 if unknown</li>
 *   <li>{@code PUT /{address}} with {@code {"targets": ["a@x", ...]}} – create (201) or replace the
 *       targets (200); 404 if the domain is unknown, 409 if the address is an account's</li>
 *   <li>{@code DELETE /{address}} – 204; 404 if unknown</li>
 * </ul>
 */
@Path("admin/aliases")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@RequestScoped
public class AliasResource {

    @Inject
    AliasAdmin aliases;

    @Context
    UriInfo uriInfo;

    @GET
    public List<AliasInfo> list(@QueryParam("domain") String domain) {
        return aliases.list(domain);
    }

    @GET
    @Path("{address}")
    public AliasInfo get(@PathParam("address") String address) {
        return aliases.get(address);
    }

    @PUT
    @Path("{address}")
    public Response put(@PathParam("address") String address, String body) {
        Saved<AliasInfo> saved = aliases.put(address, RequestBodies.aliasTargets(body));
        return Responses.saved(saved, uriInfo.getBaseUriBuilder().path(AliasResource.class)
                .path(saved.value().address()).build());
    }

    @DELETE
    @Path("{address}")
    public Response delete(@PathParam("address") String address) {
        aliases.delete(address);
        return Response.noContent().build();
    }
}

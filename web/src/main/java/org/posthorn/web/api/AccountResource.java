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
import java.util.Optional;
import org.posthorn.ejb.admin.AccountAdmin;
import org.posthorn.ejb.admin.AccountInfo;
import org.posthorn.ejb.admin.AccountPage;
import org.posthorn.ejb.admin.FolderInfo;
import org.posthorn.ejb.admin.Saved;

/**
 * {@code /api/admin/accounts}: mail accounts and the built-in {@code admin}.
 * <ul>
 *   <li>{@code GET [?domain=example.org][&q=text][&offset=0&limit=50]} – all accounts, or those of one
 *       domain (404 if unknown), whose address or display name contains {@code q}, one page of them
 *       if asked; header {@code X-Total-Count} says how many match on all pages:
 *       {@code [{"address","domain","displayName","enabled","role","quotaBytes","messageCount","usedBytes","created"}]}</li>
 *   <li>{@code GET /{address}} – one account, 404 if unknown</li>
 *   <li>{@code GET /{address}/folders} – its folders: {@code [{"name","specialUse","messages","unseen","bytes"}]}</li>
 *   <li>{@code PUT /{address}} – create (201, password required) or update (200); body
 *       {@code {"password","displayName","quotaBytes","enabled","role"}}, every member optional,
 *       {@code null} clears displayName or quotaBytes; 409 if the domain is not local</li>
 *   <li>{@code DELETE /{address}} – 204, with all its mailboxes and messages; 404 if unknown</li>
 * </ul>
 */
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
@AdminOnly
@RequestScoped
public class AccountResource {

    /** Any path segment text: a local part may contain {@code /} (RFC 5322 atext), sent as {@code %2F}. */
    private static final String ADDRESS = "{address: .+}";

    /** How many entries match on all pages of a paged listing. */
    static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    AccountAdmin accounts;

    @Context
    UriInfo uriInfo;

    @GET
    public Response list(@QueryParam("domain") String domain, @QueryParam("q") String text,
                         @QueryParam("offset") @DefaultValue("0") int offset,
                         @QueryParam("limit") @DefaultValue("" + Integer.MAX_VALUE) int limit) {
        AccountPage page = accounts.search(Optional.ofNullable(domain), text, offset, limit);
        return Response.ok(page.accounts()).header(TOTAL_COUNT, page.total()).build();
    }

    @GET
    @Path(ADDRESS + "/folders")
    public List<FolderInfo> folders(@PathParam("address") String address) {
        return accounts.folders(address);
    }

    @GET
    @Path(ADDRESS)
    public AccountInfo get(@PathParam("address") String address) {
        return accounts.get(address);
    }

    @PUT
    @Path(ADDRESS)
    public Response put(@PathParam("address") String address, String body) {
        Saved<AccountInfo> saved = accounts.put(address, RequestBodies.accountChanges(body));
        return Responses.saved(saved, uriInfo.getBaseUriBuilder().path(AccountResource.class)
                .path(saved.value().address()).build());
    }

    @DELETE
    @Path(ADDRESS)
    public Response delete(@PathParam("address") String address) {
        accounts.delete(address);
        return Response.noContent().build();
    }
}

package org.posthorn.web.api;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.posthorn.ejb.admin.Saved;

/** The answers to a create-or-update: {@code 201 Created} with {@code Location}, or {@code 200 OK}. */
final class Responses {

    private Responses() {
    }

    static Response saved(Saved<?> saved, URI location) {
        return saved.created()
                ? Response.created(location).entity(saved.value()).build()
                : Response.ok(saved.value()).build();
    }
}

package org.posthorn.web.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the JSON error answers, so every error of the API has one shape. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(Response.StatusType status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorBody(message)).build();
    }
}

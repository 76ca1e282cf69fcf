package org.posthorn.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * The JAX-RS runtime's own refusals (unknown path 404, 405, 406, 415, ...) as JSON errors with the
 * same status and headers (say {@code Allow}). The message is the status's reason phrase: the
 * runtime's text may quote the request back.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        String reason = original.getStatusInfo().getReasonPhrase();
        return Response.fromResponse(original)
                .entity(new ErrorBody(reason == null ? "error" : reason.toLowerCase(Locale.ROOT)))
                .type("application/json")
                .build();
    }
}

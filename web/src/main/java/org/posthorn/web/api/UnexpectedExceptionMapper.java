package org.posthorn.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else: a bug or an outage. The details go to the server log; the client gets
 * {@code 500 {"error":"internal error"}} and no stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(Level.SEVERE, "Unexpected failure in the admin API", exception);
        return ErrorResponses.of(Response.Status.INTERNAL_SERVER_ERROR, "internal error");
    }
}

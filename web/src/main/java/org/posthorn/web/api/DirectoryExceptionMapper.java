package org.posthorn.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.directory.DirectoryException;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.NoSuchEntryException;

/** Refusals of the directory: 400 invalid input, 404 no such entry, 409 conflict; the message as written. */
@Provider
public class DirectoryExceptionMapper implements ExceptionMapper<DirectoryException> {

    @Override
    public Response toResponse(DirectoryException exception) {
        return ErrorResponses.of(statusOf(exception), exception.getMessage());
    }

    static Response.Status statusOf(DirectoryException exception) {
        if (exception instanceof InvalidInputException) {
            return Response.Status.BAD_REQUEST;
        }
        if (exception instanceof NoSuchEntryException) {
            return Response.Status.NOT_FOUND;
        }
        if (exception instanceof ConflictException) {
            return Response.Status.CONFLICT;
        }
        throw new IllegalArgumentException("unmapped directory exception " + exception.getClass().getName());
    }
}

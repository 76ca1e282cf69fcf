package org.posthorn.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.posthorn.ejb.directory.ConflictException;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.NoSuchEntryException;

class DirectoryExceptionMapperTest {

    @Test
    void eachKindOfRefusalHasItsStatus() {
        assertThat(DirectoryExceptionMapper.statusOf(new InvalidInputException("x"))).isEqualTo(Response.Status.BAD_REQUEST);
        assertThat(DirectoryExceptionMapper.statusOf(new NoSuchEntryException("x"))).isEqualTo(Response.Status.NOT_FOUND);
        assertThat(DirectoryExceptionMapper.statusOf(new ConflictException("x"))).isEqualTo(Response.Status.CONFLICT);
    }
}

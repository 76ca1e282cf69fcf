package org.posthorn.ejb.testing;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Stops Hibernate from creating a JSON-B format mapper: the JSON-B API is on the test class path
 * (through jakartaee-api) without an implementation, and no entity has a JSON column.
 */
public final class NoJsonFormatMapper implements FormatMapper {

    @Override
    public <T> T fromString(CharSequence charSequence, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("no JSON columns");
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions wrapperOptions) {
        throw new UnsupportedOperationException("no JSON columns");
    }
}

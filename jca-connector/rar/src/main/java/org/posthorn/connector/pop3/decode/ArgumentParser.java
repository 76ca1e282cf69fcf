package org.posthorn.connector.pop3.decode;

/**
 * Parses the arguments of one verb (everything after the verb and its space) into that verb's
 * command record. One per verb, named in the command table.
 *
 * @param <C> the command record
 */
@FunctionalInterface
public interface ArgumentParser<C> {

    /** @param arguments the text after {@code "VERB "}, or empty if the line was only the verb */
    Parsed<C> parse(String arguments);
}

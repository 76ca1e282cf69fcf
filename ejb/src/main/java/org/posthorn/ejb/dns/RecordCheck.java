package org.posthorn.ejb.dns;

import java.util.List;

/**
 * The outcome of checking one expected record.
 *
 * @param expected what should be published
 * @param status   what DNS says about it
 * @param found    the records of the same kind DNS answered, as text; empty when none
 * @param note     an explanation for the administrator, or null
 */
public record RecordCheck(ExpectedRecord expected, CheckStatus status, List<String> found, String note) {
}

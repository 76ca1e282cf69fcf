package org.posthorn.ejb.admin;

/**
 * The result of a create-or-update.
 *
 * @param value   the entry as it is now
 * @param created true if it did not exist before
 * @param <T>     the entry's view type
 */
public record Saved<T>(T value, boolean created) {
}

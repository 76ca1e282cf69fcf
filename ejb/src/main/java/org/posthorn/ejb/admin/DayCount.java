package org.posthorn.ejb.admin;

import java.time.LocalDate;

/**
 * How many messages were counted on one day (UTC): delivered to mailboxes, or submitted, as the
 * list it is part of says.
 *
 * @param day      the day
 * @param messages messages that day
 */
public record DayCount(LocalDate day, long messages) {
}

package org.posthorn.ejb.admin;

import java.time.LocalDate;

/**
 * How many messages were delivered on one day (UTC).
 *
 * @param day      the day
 * @param messages mailbox entries created by delivery that day
 */
public record DayCount(LocalDate day, long messages) {
}

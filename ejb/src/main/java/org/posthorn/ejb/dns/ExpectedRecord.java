package org.posthorn.ejb.dns;

/**
 * A record a domain should publish, in zone-file terms.
 *
 * @param kind  what it is for
 * @param name  the owner name, absolute with its final dot
 * @param value the record data as written in a zone file (TXT without quotes)
 */
public record ExpectedRecord(RecordKind kind, String name, String value) {

    /** The line to paste into a zone file. */
    public String zoneLine() {
        String data = kind.type().equals("TXT") ? "\"" + value + "\"" : value;
        return name + " IN " + kind.type() + " " + data;
    }
}

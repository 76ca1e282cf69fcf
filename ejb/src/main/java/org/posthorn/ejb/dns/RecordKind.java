package org.posthorn.ejb.dns;

/** The records the DNS page knows, each with what it is for. */
public enum RecordKind {
    /** RFC 5321 §5.1: where other servers deliver the domain's mail. */
    MX("MX", "Where other mail servers deliver mail for the domain"),
    /** RFC 7208: which hosts may send mail from the domain. */
    SPF("TXT", "Which servers may send mail from the domain (SPF)"),
    /** RFC 7489: what receivers do with mail that fails SPF/DKIM alignment, and where reports go. */
    DMARC("TXT", "What receivers do with forged mail, and where reports go (DMARC)");

    private final String type;
    private final String purpose;

    RecordKind(String type, String purpose) {
        this.type = type;
        this.purpose = purpose;
    }

    /** The DNS record type to publish. */
    public String type() {
        return type;
    }

    public String purpose() {
        return purpose;
    }
}

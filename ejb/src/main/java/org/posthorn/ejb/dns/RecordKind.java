package org.posthorn.ejb.dns;

import org.posthorn.ejb.discovery.MailService;

/** The records the DNS page knows, each with what it is for. */
public enum RecordKind {
    /** RFC 5321 §5.1: where other servers deliver the domain's mail. */
    MX("MX", "MX", "Where other mail servers deliver mail for the domain"),
    /** RFC 7208: which hosts may send mail from the domain. */
    SPF("TXT", "SPF", "Which servers may send mail from the domain (SPF)"),
    /** RFC 7489: what receivers do with mail that fails SPF/DKIM alignment, and where reports go. */
    DMARC("TXT", "DMARC", "What receivers do with forged mail, and where reports go (DMARC)"),
    /** RFC 6186 §3.2 and RFC 8314: the IMAP server, over implicit TLS. */
    SRV_IMAPS(MailService.IMAPS, "IMAP over TLS", "Where mail clients read mail with IMAP over TLS (RFC 6186 SRV)"),
    /** RFC 6186 §3.2: the IMAP server, with STARTTLS. */
    SRV_IMAP(MailService.IMAP, "IMAP", "Where mail clients read mail with IMAP and STARTTLS (RFC 6186 SRV)"),
    /** RFC 6186 §3.3 and RFC 8314: the POP3 server, over implicit TLS. */
    SRV_POP3S(MailService.POP3S, "POP3 over TLS", "Where mail clients fetch mail with POP3 over TLS (RFC 6186 SRV)"),
    /** RFC 6186 §3.3: the POP3 server, with STARTTLS. */
    SRV_POP3(MailService.POP3, "POP3", "Where mail clients fetch mail with POP3 and STARTTLS (RFC 6186 SRV)"),
    /** RFC 8314: the submission server, over implicit TLS. */
    SRV_SUBMISSIONS(MailService.SUBMISSIONS, "Submission over TLS",
            "Where mail clients send mail, over TLS (RFC 8314 SRV)"),
    /** RFC 6186 §3.1: the submission server, with STARTTLS. */
    SRV_SUBMISSION(MailService.SUBMISSION, "Submission", "Where mail clients send mail, with STARTTLS (RFC 6186 SRV)"),
    /**
     * The host Thunderbird (and clients copying it) ask for {@code /mail/config-v1.1.xml}, which this
     * server answers; a CNAME to this server, or an address record with its address.
     */
    AUTOCONFIG("CNAME", "Autoconfig", "Where mail clients fetch their settings (Thunderbird autoconfig)");

    private final String type;
    private final String title;
    private final String purpose;
    private final MailService service;

    RecordKind(String type, String title, String purpose) {
        this.type = type;
        this.title = title;
        this.purpose = purpose;
        this.service = null;
    }

    RecordKind(MailService service, String title, String purpose) {
        this.type = "SRV";
        this.title = title;
        this.purpose = purpose;
        this.service = service;
    }

    /** The DNS record type to publish. */
    public String type() {
        return type;
    }

    /** A short heading for the record. */
    public String title() {
        return title;
    }

    public String purpose() {
        return purpose;
    }

    /** The service an SRV record points clients to; null for other kinds. */
    public MailService service() {
        return service;
    }
}

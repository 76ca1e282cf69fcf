package org.posthorn.ejb.store.mime;

import java.nio.charset.StandardCharsets;

/** Real-world-shaped test messages, written with LF and stored with CRLF as on the wire. */
public final class Messages {

    private Messages() {
    }

    public static byte[] crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    public static final String TRACE = """
            Return-Path: <alice@sender.example>
            Received: from client.sender.example ([127.0.0.1]) by mx.example.org (Posthorn)
            \twith ESMTP id 1A2B; Fri, 27 Nov 2026 10:00:00 +0000
            """;

    public static final String PLAIN = """
            From: Alice Example <alice@sender.example>
            To: bob@example.org
            Subject: Lunch
             tomorrow?
            Date: Thu, 26 Nov 2026 09:15:00 +0100
            Message-ID: <plain-1@sender.example>

            Shall we meet at noon?
            Alice
            """;

    public static final String ALTERNATIVE = """
            From: "Example, Alice" <alice@sender.example>
            To: Bob <bob@example.org>, carol@example.org
            Cc: dave@example.org
            Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe?= aus Berlin
            Date: 1 Dec 2026 18:00:00 -0500
            MIME-Version: 1.0
            Content-Type: multipart/alternative; boundary="alt-b"

            This is a multi-part message in MIME format.
            --alt-b
            Content-Type: text/plain; charset=utf-8
            Content-Transfer-Encoding: quoted-printable

            Sch=C3=B6ne Gr=C3=BC=C3=9Fe aus der Hauptstadt
            --alt-b
            Content-Type: text/html; charset=utf-8
            Content-Transfer-Encoding: base64

            PGI+U2Now7ZuZSBHcsO8w59lPC9iPg==
            --alt-b--
            epilogue to ignore
            """;

    public static final String MIXED = """
            From: alice@sender.example
            To: bob@example.org
            Subject: Report attached
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary=outer

            --outer
            Content-Type: text/plain

            See the attachment.
            --outer
            Content-Type: application/pdf; name="report.pdf"
            Content-Disposition: attachment; filename="report.pdf"
            Content-Transfer-Encoding: base64
            Content-ID: <att1@sender.example>
            Content-Description: The report
            Content-Language: en, de

            JVBERi0xLjQKJcfsj6IKNSAwIG9iago8PC9MZW5ndGggNiAwIFI+PgpzdHJlYW0K
            --outer--
            """;

    public static final String NESTED = """
            From: Bob <bob@example.org>
            To: carol@example.org
            Subject: Fwd: Lunch
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="fwd"

            --fwd
            Content-Type: text/plain; charset=us-ascii

            Forwarding this.
            --fwd
            Content-Type: message/rfc822

            From: Alice <alice@sender.example>
            To: bob@example.org
            Subject: Lunch
            Content-Type: multipart/alternative; boundary="inner"

            --inner
            Content-Type: text/plain

            Noon?
            --inner
            Content-Type: text/html

            <p>Noon?</p>
            --inner--

            --fwd--
            """;

    public static final String BROKEN_BOUNDARY = """
            From: spammer@bad.example
            To: bob@example.org
            Subject: broken
            Content-Type: multipart/mixed; boundary="never-used"

            --other-boundary
            Content-Type: text/plain

            text
            """;

    public static final String GROUPS = """
            From: =?ISO-8859-1?Q?Andr=E9?= Pirard <PIRARD@vm1.ulg.ac.be>
            Sender: secretary@example.org
            Reply-To: replies@example.org
            To: A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;, Undisclosed recipients:;
            Cc: "Joe Q. Public" <john.q.public@example.com> (a comment), jane@example.com (Jane Doe)
            Bcc: <@route1,@route2:user@host.example>
            In-Reply-To: <parent@example.org>
            Subject: =?UTF-8?B?8J+Ukw==?= groups

            body
            """;

    /** Headers only: no blank line, no body. */
    public static final String HEADERS_ONLY = """
            From: a@example.org
            Subject: nothing else
            """;
}

package org.posthorn.connector.imap.encode;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.posthorn.spi.imap.BodyPart;
import org.posthorn.spi.imap.Envelope;

/** One {@code msg-att} of a FETCH response (RFC 3501 §7.4.2, RFC 7162 §3.1.4.1 for MODSEQ). */
public sealed interface FetchItem {

    /** {@code FLAGS (\Seen $Forwarded)}, in the given order; flags are atoms checked by the decoder or the store. */
    record Flags(List<String> flags) implements FetchItem {
        public Flags {
            flags = List.copyOf(flags);
        }
    }

    /** {@code UID 7}. */
    record Uid(long uid) implements FetchItem {
    }

    /** {@code MODSEQ (12)} (RFC 7162 §3.1.4.1). */
    record ModSeq(long modSeq) implements FetchItem {
    }

    /** {@code INTERNALDATE " 7-Nov-2026 09:05:01 +0000"}: {@code date-time} of RFC 3501 §9, in UTC. */
    record InternalDate(Instant date) implements FetchItem {
        public InternalDate {
            Objects.requireNonNull(date, "date");
        }
    }

    /** {@code RFC822.SIZE 4096}. */
    record Size(long octets) implements FetchItem {
    }

    /** {@code ENVELOPE (...)}. */
    record EnvelopeItem(Envelope envelope) implements FetchItem {
        public EnvelopeItem {
            Objects.requireNonNull(envelope, "envelope");
        }
    }

    /** {@code BODY (...)} when not {@code extensible}, {@code BODYSTRUCTURE (...)} when it is. */
    record Structure(BodyPart body, boolean extensible) implements FetchItem {
        public Structure {
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * A body section: {@code name SP (literal / NIL)}.
     *
     * @param name   as the response names it, e.g. {@code BODY[HEADER.FIELDS (From)]}, {@code BODY[]<0>},
     *               {@code RFC822.HEADER}
     * @param octets the section's octets, always sent as a literal (even when short and 7-bit: they
     *               are message data); empty for {@code NIL}. Not copied: the caller hands them over.
     */
    record Body(String name, Optional<byte[]> octets) implements FetchItem {
        public Body {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(octets, "octets");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Body that && name.equals(that.name)
                    && octets.isPresent() == that.octets.isPresent()
                    && (octets.isEmpty() || Arrays.equals(octets.get(), that.octets.get()));
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + octets.map(Arrays::hashCode).orElse(0);
        }

        @Override
        public String toString() {
            return "Body[name=" + name + ", octets=" + octets.map(o -> o.length + " octets").orElse("NIL") + "]";
        }
    }
}

package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.List;
import org.posthorn.connector.imap.decode.FetchAttribute;
import org.posthorn.connector.imap.decode.FetchAttribute.Item;
import org.posthorn.spi.imap.FetchScope;

/**
 * What a FETCH needs from the post office and does to the messages, worked out once from its attributes
 * (RFC 3501 §6.4.5): which parts of the message to load, whether it sets {@code \Seen} (BODY[...] without
 * PEEK, RFC822, RFC822.TEXT), and the attributes as answered, with the implied ones added: UID for UID
 * FETCH (§6.4.8), MODSEQ once CONDSTORE is on (RFC 7162 §3.1.4), FLAGS where {@code \Seen} is set.
 */
record FetchPlan(List<FetchAttribute> attributes, FetchScope scope, boolean setsSeen) {

    static FetchPlan of(List<FetchAttribute> asked, boolean uid, boolean condstore, boolean readOnly) {
        List<FetchAttribute> attributes = new ArrayList<>(asked);
        boolean summary = false;
        boolean envelope = false;
        boolean structure = false;
        boolean content = false;
        boolean seen = false;
        for (FetchAttribute attribute : asked) {
            if (attribute instanceof FetchAttribute.BodySection section) {
                content = true;
                seen |= !section.peek();
            } else {
                Item item = ((FetchAttribute.Simple) attribute).item();
                switch (item) {
                    case INTERNALDATE, RFC822_SIZE -> summary = true;
                    case ENVELOPE -> envelope = true;
                    case BODY, BODYSTRUCTURE -> structure = true;
                    case RFC822, RFC822_TEXT -> {
                        content = true;
                        seen = true;
                    }
                    case RFC822_HEADER -> content = true;
                    default -> {
                    }
                }
            }
        }
        boolean setsSeen = seen && !readOnly;
        // Sections are cut along the stored structure's offsets, the top-level HEADER and TEXT too.
        structure |= content;
        addIfMissing(attributes, Item.UID, uid);
        addIfMissing(attributes, Item.FLAGS, setsSeen);
        addIfMissing(attributes, Item.MODSEQ, condstore);
        return new FetchPlan(attributes, new FetchScope(summary, envelope, structure, content), setsSeen);
    }

    private static void addIfMissing(List<FetchAttribute> attributes, Item item, boolean wanted) {
        FetchAttribute simple = new FetchAttribute.Simple(item);
        if (wanted && !attributes.contains(simple)) {
            attributes.add(simple);
        }
    }

    boolean reportsFlags() {
        return attributes.contains(new FetchAttribute.Simple(Item.FLAGS));
    }
}

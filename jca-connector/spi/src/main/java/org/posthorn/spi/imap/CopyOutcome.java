package org.posthorn.spi.imap;

import java.util.List;

/**
 * The result of COPY or MOVE (RFC 4315 §3 COPYUID, RFC 6851).
 *
 * @param targetUidValidity the target mailbox's UIDVALIDITY
 * @param sourceUids        the UIDs copied, ascending
 * @param targetUids        the UIDs they got in the target, in the same order
 */
public record CopyOutcome(long targetUidValidity, List<Long> sourceUids, List<Long> targetUids) {

    public CopyOutcome {
        sourceUids = List.copyOf(sourceUids);
        targetUids = List.copyOf(targetUids);
        if (sourceUids.size() != targetUids.size()) {
            throw new IllegalArgumentException("source and target UIDs differ in number");
        }
    }
}

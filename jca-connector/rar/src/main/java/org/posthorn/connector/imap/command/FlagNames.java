package org.posthorn.connector.imap.command;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.posthorn.connector.imap.encode.FetchItem;
import org.posthorn.spi.imap.MessageState;

/** Message flags on the wire (RFC 3501 §2.3.2): the system flags in their canonical spelling, and keywords. */
final class FlagNames {

    static final String RECENT = "\\Recent";
    static final String SEEN = "\\Seen";
    static final String DELETED = "\\Deleted";
    /** The system flags a client may set, in the order FLAGS and PERMANENTFLAGS list them. */
    static final List<String> SYSTEM = List.of("\\Answered", "\\Flagged", DELETED, SEEN, "\\Draft");

    private FlagNames() {
    }

    /**
     * The flags of a STORE or APPEND, system flags spelled canonically (they are case-insensitive), or
     * empty if one is {@code \Recent} or an unknown system flag, which no client may set.
     */
    static Optional<Set<String>> settable(List<String> flags) {
        Set<String> result = new LinkedHashSet<>();
        for (String flag : flags) {
            if (flag.startsWith("\\")) {
                Optional<String> system = system(flag);
                if (system.isEmpty()) {
                    return Optional.empty();
                }
                result.add(system.get());
            } else {
                result.add(flag);
            }
        }
        return Optional.of(result);
    }

    private static Optional<String> system(String flag) {
        String lower = flag.toLowerCase(Locale.ROOT);
        return SYSTEM.stream().filter(s -> s.toLowerCase(Locale.ROOT).equals(lower)).findFirst();
    }

    /** The FLAGS fetch item: system flags first, then keywords, {@code \Recent} where it applies. */
    static FetchItem.Flags item(MessageState state, boolean recent) {
        List<String> flags = new ArrayList<>(state.flags().size() + 1);
        for (String system : SYSTEM) {
            if (state.flags().contains(system)) {
                flags.add(system);
            }
        }
        state.flags().stream().filter(f -> !f.startsWith("\\")).sorted().forEach(flags::add);
        if (recent) {
            flags.add(RECENT);
        }
        return new FetchItem.Flags(flags);
    }
}

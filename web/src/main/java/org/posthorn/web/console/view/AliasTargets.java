package org.posthorn.web.console.view;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An alias's targets as an administrator types them into one box: one per line or separated by
 * commas (or semicolons, as some address books copy them), blanks ignored. Only the splitting happens
 * here; whether each piece is an address is the directory's decision, the same as for the REST API.
 */
public final class AliasTargets {

    private static final Pattern SEPARATORS = Pattern.compile("[,;\\r\\n]+");

    private AliasTargets() {
    }

    /** The pieces, trimmed, in the order typed; empty for null or blank text. */
    public static List<String> parse(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(SEPARATORS.split(typed)).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** The targets for the box, one per line. */
    public static String format(List<String> targets) {
        return String.join("\n", targets);
    }
}

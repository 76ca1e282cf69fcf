package org.posthorn.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One typed {@code posthorn.*} setting. Looked up on every {@link #get()} (cheap), first as a system
 * property, then as an environment variable whose name is the property's in upper case with every
 * other character than a letter or digit turned into {@code _} (the MicroProfile Config rule), so
 * {@code posthorn.smtp.max-recipients} is also {@code POSTHORN_SMTP_MAX_RECIPIENTS}.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final String name;
    private final T defaultValue;
    private final Function<String, T> parser;
    private final String description;

    Setting(String name, T defaultValue, Function<String, T> parser, String description) {
        this.name = Objects.requireNonNull(name);
        this.defaultValue = defaultValue;
        this.parser = Objects.requireNonNull(parser);
        this.description = Objects.requireNonNull(description);
    }

    public String name() {
        return name;
    }

    /** The environment variable that sets this too. */
    public String environmentName() {
        return name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** The value used when neither a property nor an environment variable is set; may be null. */
    public T defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    /** The configured value from system properties or the environment, else the default. */
    public T get() {
        return get(Setting::fromSystem);
    }

    /**
     * The value from the given source (a function from property name or environment name to raw text).
     *
     * @throws IllegalArgumentException naming the setting if the raw text does not parse
     */
    public T get(UnaryOperator<String> source) {
        String raw = source.apply(name);
        if (raw == null) {
            raw = source.apply(environmentName());
        }
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Bad value for " + name + ": '" + raw + "' (" + e.getMessage() + ")", e);
        }
    }

    private static String fromSystem(String key) {
        String value = System.getProperty(key);
        return value != null ? value : System.getenv(key);
    }

    @Override
    public String toString() {
        return name;
    }
}

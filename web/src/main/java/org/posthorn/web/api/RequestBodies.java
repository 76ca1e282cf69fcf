package org.posthorn.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.posthorn.ejb.admin.AccountChanges;
import org.posthorn.ejb.admin.DomainChanges;
import org.posthorn.ejb.admin.Patch;
import org.posthorn.ejb.directory.InvalidInputException;
import org.posthorn.ejb.directory.Role;

/**
 * Reads request bodies, which clients write, into change records. JSON-P rather than binding, because
 * a member that is missing (leave the value alone) and one that is {@code null} (clear it) mean
 * different things. Unknown members are ignored; a member of the wrong type is a 400.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** {@code {"enabled": bool}}, all optional; an empty body changes nothing. */
    static DomainChanges domainChanges(String body) {
        JsonObject json = object(body);
        return new DomainChanges(bool(json, "enabled"));
    }

    /**
     * {@code {"password": "...", "displayName": "..."|null, "quotaBytes": n|null, "enabled": bool,
     * "role": "USER"|"ADMIN"}}, all optional here (the directory asks for a password on creation).
     */
    static AccountChanges accountChanges(String body) {
        JsonObject json = object(body);
        return new AccountChanges(text(json, "password"), text(json, "displayName"), integer(json, "quotaBytes"),
                bool(json, "enabled"), role(json, "role"));
    }

    /** {@code {"targets": ["a@x", ...]}}: required, an array of strings (checked as addresses by the directory). */
    static List<String> aliasTargets(String body) {
        JsonValue targets = object(body).get("targets");
        if (!(targets instanceof JsonArray array)) {
            throw new InvalidInputException("targets must be an array of addresses");
        }
        List<String> addresses = new ArrayList<>();
        for (JsonValue target : array) {
            if (!(target instanceof JsonString string)) {
                throw new InvalidInputException("targets must be an array of addresses");
            }
            addresses.add(string.getString());
        }
        return addresses;
    }

    static JsonObject object(String body) {
        if (body == null || body.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException malformed) {
            // JsonParsingException (a JsonException) for bad syntax or a non-object, IllegalStateException for trailing data
            throw new InvalidInputException("the request body must be a JSON object");
        }
    }

    static Patch<String> text(JsonObject json, String name) {
        if (!json.containsKey(name)) {
            return Patch.absent();
        }
        JsonValue value = json.get(name);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Patch.of(null);
        }
        if (value instanceof JsonString string) {
            return Patch.of(string.getString());
        }
        throw new InvalidInputException(name + " must be a string");
    }

    static Patch<Long> integer(JsonObject json, String name) {
        if (!json.containsKey(name)) {
            return Patch.absent();
        }
        JsonValue value = json.get(name);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return Patch.of(null);
        }
        if (value instanceof JsonNumber number) {
            try {
                return Patch.of(number.longValueExact());
            } catch (ArithmeticException notAWholeNumber) {
                throw new InvalidInputException(name + " must be a whole number of at most 19 digits");
            }
        }
        throw new InvalidInputException(name + " must be a number");
    }

    static Patch<Boolean> bool(JsonObject json, String name) {
        if (!json.containsKey(name)) {
            return Patch.absent();
        }
        JsonValue value = json.get(name);
        if (value.getValueType() == JsonValue.ValueType.TRUE) {
            return Patch.of(true);
        }
        if (value.getValueType() == JsonValue.ValueType.FALSE) {
            return Patch.of(false);
        }
        throw new InvalidInputException(name + " must be true or false");
    }

    static Patch<Role> role(JsonObject json, String name) {
        Patch<String> text = text(json, name);
        if (!text.present()) {
            return Patch.absent();
        }
        try {
            return Patch.of(Role.valueOf(String.valueOf(text.value()).toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknownRole) {
            throw new InvalidInputException(name + " must be USER or ADMIN");
        }
    }
}

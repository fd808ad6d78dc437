package dev.tandem.domain;

/**
 * Free text from Meta (names, titles, reasons) is stored in bounded columns: a longer value is cut to
 * fit rather than failing its event on every attempt. Identifiers are never cut (a cut id names
 * something else): EventShape keeps events with impossible ids apart instead.
 */
public final class Columns {

    private Columns() {
    }

    /** The value without NUL characters, which JSON allows and PostgreSQL text columns refuse. */
    public static String storable(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace("\0", "");
    }

    /** The value, storable and cut to at most {@code length} characters (never between the halves of a surrogate pair). */
    public static String fit(String value, int length) {
        value = storable(value);
        if (value == null || value.length() <= length) {
            return value;
        }
        int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
        return value.substring(0, end);
    }
}

package dev.tandem.domain;

import jakarta.ejb.ApplicationException;

/** A value broke a domain rule; {@code field} names the input it came from, for field-level error details. */
@ApplicationException(rollback = true)
public class InvalidValueException extends RuntimeException {
    private final String field;

    public InvalidValueException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Throws when {@code value} is null or blank; returns it trimmed otherwise. */
    public static String requireText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /** Throws unless {@code value} is 1 to {@code maxDigits} ASCII digits (Meta's ids are decimal strings). */
    public static String requireDigits(String field, String value, int maxDigits) {
        String text = requireText(field, value, maxDigits);
        if (!text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new InvalidValueException(field, "must contain digits only");
        }
        return text;
    }
}

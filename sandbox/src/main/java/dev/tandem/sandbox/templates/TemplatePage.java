package dev.tandem.sandbox.templates;

import dev.tandem.sandbox.GraphException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a Graph list with cursor paging: {data, paging: {cursors: {before, after}, next?, previous?}}.
 * Cursors are opaque to clients (base64 of the template id, like Meta's base64 cursors).
 */
public record TemplatePage(List<MessageTemplate> data, String before, String after, boolean hasNext, boolean hasPrevious) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 1000;

    /** The page of {@code all} (in creation order) after the {@code after} cursor, or before {@code before}. */
    public static TemplatePage of(List<MessageTemplate> all, Integer limit, String after, String before) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw GraphException.invalidParameter("limit must be between 1 and " + MAX_LIMIT);
        }
        int from;
        int to;
        if (after != null) {
            from = indexOf(all, after) + 1;
            to = Math.min(all.size(), from + size);
        } else if (before != null) {
            to = indexOf(all, before);
            from = Math.max(0, to - size);
        } else {
            from = 0;
            to = Math.min(all.size(), size);
        }
        List<MessageTemplate> data = List.copyOf(all.subList(from, to));
        String first = data.isEmpty() ? null : cursor(data.get(0));
        String last = data.isEmpty() ? null : cursor(data.get(data.size() - 1));
        return new TemplatePage(data, first, last, to < all.size(), from > 0);
    }

    static String cursor(MessageTemplate template) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(template.id().getBytes(StandardCharsets.US_ASCII));
    }

    private static int indexOf(List<MessageTemplate> all, String cursor) {
        String id;
        try {
            id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw GraphException.invalidParameter("Invalid cursor: " + cursor);
        }
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(id)) {
                return i;
            }
        }
        throw GraphException.invalidParameter("Invalid cursor: " + cursor + " (the template it points at no longer exists)");
    }
}

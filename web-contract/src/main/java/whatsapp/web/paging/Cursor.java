package whatsapp.web.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import whatsapp.web.problems.boundary.InvalidInput;

/**
 * The opaque {@code cursor} of a keyset-paginated listing: the sort key of the last item of a page, in base64url.
 * Callers pass back what {@code next_cursor} said; anything else that does not decode is a 400 ({@code cursor}).
 */
public final class Cursor {

    /** Items per page when {@code limit} is not given, and the most a page holds. */
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    static final String SEPARATOR = "\n";

    private Cursor() {
    }

    /** The cursor naming a position after the item with these key parts (none may contain a line feed). */
    public static String of(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The key parts a cursor carries.
     *
     * @throws InvalidInput when it is not a cursor of {@code parts} parts this service made
     */
    public static List<String> parts(String cursor, int parts) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            var split = List.of(text.split(SEPARATOR, -1));
            if (split.size() != parts || split.stream().anyMatch(String::isEmpty)) throw invalid();
            return split;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static InvalidInput invalid() {
        return new InvalidInput("cursor", "must be the next_cursor of an earlier page, unchanged (omit it for the first page)");
    }
}

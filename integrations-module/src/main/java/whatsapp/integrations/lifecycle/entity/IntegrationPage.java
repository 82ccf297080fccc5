package whatsapp.integrations.lifecycle.entity;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import whatsapp.web.paging.Cursor;

/**
 * {@code GET /integrations}: {"integrations": [...], "next_cursor": ...}, newest first; {@code next_cursor} is null on
 * the last page.
 */
public record IntegrationPage(List<IntegrationView> integrations, String nextCursor) {

    public IntegrationPage {
        integrations = List.copyOf(integrations);
    }

    /** Where a page ends: the sort key {@code (created_at, id)} of its last row. */
    public record Position(Instant createdAt, UUID id) {
    }

    public static IntegrationPage of(List<IntegrationView> views, boolean more) {
        if (!more || views.isEmpty()) return new IntegrationPage(views, null);
        var last = views.get(views.size() - 1);
        var at = last.createdAt();
        return new IntegrationPage(views, Cursor.of(at.getEpochSecond() + "." + at.getNano(), last.id().toString()));
    }

    /** @throws whatsapp.web.problems.boundary.InvalidInput when the cursor is not one of this listing's */
    public static Position position(String cursor) {
        var parts = Cursor.parts(cursor, 2);
        try {
            var instant = parts.get(0).split("\\.", -1);
            if (instant.length != 2) throw Cursor.invalid();
            return new Position(Instant.ofEpochSecond(Long.parseLong(instant[0]), Long.parseLong(instant[1])),
                    UUID.fromString(parts.get(1)));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw Cursor.invalid();
        }
    }
}

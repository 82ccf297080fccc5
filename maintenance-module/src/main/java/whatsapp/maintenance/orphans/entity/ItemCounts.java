package whatsapp.maintenance.orphans.entity;

import java.util.List;

/**
 * One kind of candidate in a cleanup summary.
 *
 * @param found       candidates the comparison found
 * @param deleted     deleted (instances) or retired (rows)
 * @param failed      Evolution could not confirm or carry out the step; nothing was assumed
 * @param skipped     the recheck no longer confirmed the candidate, or the run was aborted
 * @param wouldDelete dry runs only: confirmed by the recheck, left alone
 * @param items       one entry per candidate acted upon (empty when the run was aborted)
 */
public record ItemCounts(int found, int deleted, int failed, int skipped, int wouldDelete, List<Item> items) {

    public ItemCounts {
        items = List.copyOf(items);
    }

    public static ItemCounts of(List<Item> items) {
        return new ItemCounts(items.size(), count(items, Item.DELETED), count(items, Item.FAILED), count(items, Item.SKIPPED),
                count(items, Item.WOULD_DELETE), items);
    }

    /** An aborted run touches nothing: every candidate is skipped. */
    public static ItemCounts aborted(int found) {
        return new ItemCounts(found, 0, 0, found, 0, List.of());
    }

    /** One summary's counts of several servers' parts. */
    public static ItemCounts sum(List<ItemCounts> parts) {
        var items = new java.util.ArrayList<Item>();
        int found = 0, deleted = 0, failed = 0, skipped = 0, wouldDelete = 0;
        for (var part : parts) {
            found += part.found;
            deleted += part.deleted;
            failed += part.failed;
            skipped += part.skipped;
            wouldDelete += part.wouldDelete;
            items.addAll(part.items);
        }
        return new ItemCounts(found, deleted, failed, skipped, wouldDelete, items);
    }

    static int count(List<Item> items, String outcome) {
        return (int) items.stream().filter(item -> item.outcome().equals(outcome)).count();
    }
}

package whatsapp.maintenance.windows.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import whatsapp.integrations.api.Status;
import whatsapp.maintenance.windows.entity.Seen;
import whatsapp.maintenance.windows.entity.Snapshot;
import whatsapp.maintenance.windows.entity.WindowSummary;

/**
 * A maintenance window's end compared with its start: which of the instances listed at the start are gone, recreated
 * (another Evolution id under the name) or disconnected (connected before, not now). Instances removed through this
 * service meanwhile, and instances of a server not listed at either end, are not compared. Pure.
 */
public final class WindowComparison {

    /** Names listed per category in the alert's words; the lists in the summary itself are capped too. */
    public static final int NAMES_IN_DETAIL = 10;
    public static final int NAMES_KEPT = 100;
    public static final int DETAIL_MAX = 2000;

    private WindowComparison() {
    }

    /** The instances to compare at the end: present at the start, still ours, their server listed at both ends. */
    public record Changes(List<Seen> compared, List<String> gone, List<String> recreated, List<String> disconnected,
                          Set<String> notCompared) {
        /** Instances still there under the same id: the ones whose webhook settings are worth checking. */
        public List<String> unchanged() {
            var changed = new java.util.HashSet<String>(gone);
            changed.addAll(recreated);
            return compared.stream().map(Seen::instanceName).filter(name -> !changed.contains(name)).toList();
        }
    }

    /**
     * @param ours the instance names that still have a row here (removed through this service: not compared)
     */
    public static Changes compare(Snapshot before, Snapshot after, Set<String> ours) {
        var now = new HashMap<String, Seen>();
        for (var seen : after.instances()) now.put(seen.instanceName(), seen);
        var notCompared = new TreeSet<String>();
        var compared = new ArrayList<Seen>();
        var gone = new ArrayList<String>();
        var recreated = new ArrayList<String>();
        var disconnected = new ArrayList<String>();
        for (var seen : before.instances()) {
            if (!seen.present() || !ours.contains(seen.instanceName())) continue;
            if (!before.listedServers().contains(seen.server()) || !after.listedServers().contains(seen.server())) {
                notCompared.add(seen.server());
                continue;
            }
            compared.add(seen);
            var later = now.get(seen.instanceName());
            if (later == null || !later.present()) gone.add(seen.instanceName());
            else if (seen.instanceId() != null && later.instanceId() != null && !seen.instanceId().equals(later.instanceId()))
                recreated.add(seen.instanceName());
            else if (seen.status() == Status.connected && later.status() != Status.connected)
                disconnected.add(seen.instanceName());
        }
        for (var server : before.listedServers()) if (!after.listedServers().contains(server)) notCompared.add(server);
        return new Changes(compared, gone, recreated, disconnected, notCompared);
    }

    /**
     * The summary, with the webhook checks' findings.
     *
     * @param title   the window in words: its reason and servers
     * @param unchecked instances whose webhook settings were not checked
     */
    public static WindowSummary summary(String title, Changes changes, Collection<String> webhookLost, int unchecked) {
        var detail = new StringBuilder("Maintenance window ").append(title).append(" ended: ")
                .append(changes.compared().size()).append(" instances compared; ");
        part(detail, "gone", changes.gone());
        part(detail, "recreated (new Evolution id)", changes.recreated());
        part(detail, "disconnected", changes.disconnected());
        part(detail, "webhook settings lost (set again)", List.copyOf(webhookLost));
        detail.setLength(detail.length() - 2);
        if (!changes.notCompared().isEmpty())
            detail.append(". Not compared (server not listed): ").append(String.join(", ", changes.notCompared()));
        if (unchecked > 0) detail.append(". Webhook settings of ").append(unchecked).append(" instances left to the rolling check");
        return new WindowSummary(changes.compared().size(), new WindowSummary.Counts(changes.gone().size(),
                changes.recreated().size(), changes.disconnected().size(), webhookLost.size()), capped(changes.gone()), capped(changes.recreated()),
                capped(changes.disconnected()), capped(List.copyOf(webhookLost)), List.copyOf(changes.notCompared()),
                unchecked, bounded(detail.toString()));
    }

    static void part(StringBuilder detail, String what, List<String> names) {
        detail.append(names.size()).append(' ').append(what);
        if (!names.isEmpty()) {
            detail.append(" (").append(String.join(", ", names.subList(0, Math.min(NAMES_IN_DETAIL, names.size()))));
            if (names.size() > NAMES_IN_DETAIL) detail.append(" and ").append(names.size() - NAMES_IN_DETAIL).append(" more");
            detail.append(')');
        }
        detail.append("; ");
    }

    static List<String> capped(List<String> names) {
        return List.copyOf(names.size() > NAMES_KEPT ? names.subList(0, NAMES_KEPT) : names);
    }

    static String bounded(String text) {
        return text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX - 1) + "…";
    }
}

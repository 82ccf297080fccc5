package whatsapp.integrations.api;

/**
 * What a rewrite of the routing cache did.
 *
 * @param done    false when Redis could not be used (nothing is guaranteed written)
 * @param entries entries written for watched rows
 * @param failure why Redis could not be used, else null
 */
public record RoutingRefresh(boolean done, int entries, String failure) {

    public static RoutingRefresh written(int entries) {
        return new RoutingRefresh(true, entries, null);
    }

    public static RoutingRefresh failed(String failure) {
        return new RoutingRefresh(false, 0, failure);
    }
}

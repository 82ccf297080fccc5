package whatsapp.maintenance.orphans.entity;

import java.util.UUID;

/**
 * What a run did with one candidate.
 *
 * @param integrationId  null for an Evolution instance without a row
 * @param outcome        {@code deleted}, {@code failed}, {@code skipped}, or {@code would_delete} in a dry run
 */
public record Item(String instanceName, UUID integrationId, String organizationId, String outcome, String detail) {

    public static final String DELETED = "deleted";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";
    public static final String WOULD_DELETE = "would_delete";
}

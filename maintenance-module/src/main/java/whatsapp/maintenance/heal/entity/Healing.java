package whatsapp.maintenance.heal.entity;

import java.util.List;

/**
 * What the auto-heal did in one sweep.
 *
 * @param attempts     one entry per instance it restarted, held back or found beyond a restart's help
 * @param repairNeeded the instances a restart cannot help (WhatsApp ended the session): a human must pair them again
 */
public record Healing(List<HealAttempt> attempts, List<InstanceState> repairNeeded) {

    public Healing {
        attempts = List.copyOf(attempts);
        repairNeeded = List.copyOf(repairNeeded);
    }

    public int failed() {
        return (int) attempts.stream().filter(attempt -> HealAttempt.FAILED.equals(attempt.outcome())).count();
    }
}

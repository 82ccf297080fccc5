package whatsapp.maintenance.fleethealth.entity;

import java.util.List;
import whatsapp.maintenance.heal.entity.InstanceState;

/**
 * The watched instances as a sweep leaves them.
 *
 * @param states    every watched instance, in row order
 * @param attention the ones that need a look (unhealthy, changed or not checkable), by instance name
 * @param healthy   how many are connected
 */
public record AfterSweep(List<InstanceState> states, List<InstanceHealth> attention, int healthy) {

    public AfterSweep {
        states = List.copyOf(states);
        attention = List.copyOf(attention);
    }
}

package whatsapp.maintenance.problems.entity;

import jakarta.ws.rs.NotFoundException;

/** 404 .../problems/unknown-instance: no integration uses the name and no status change was ever recorded for it. */
public class UnknownInstance extends NotFoundException {

    public UnknownInstance(String instanceName) {
        super("No integration uses instance " + instanceName + " and no status change was ever recorded for it");
    }
}

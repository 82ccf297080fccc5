package whatsapp.st.maintenance;

import static org.assertj.core.api.Assertions.assertThat;
import static whatsapp.st.maintenance.Fleet.OLD;
import static whatsapp.st.maintenance.Fleet.evolution;
import static whatsapp.st.maintenance.Fleet.instance;
import static whatsapp.st.maintenance.Fleet.name;
import static whatsapp.st.maintenance.OrphanCleanupIT.assertTally;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import whatsapp.simulator.ApiVersion;
import whatsapp.simulator.Fault;
import whatsapp.st.systems.Database;

/**
 * Each candidate is rechecked by name just before acting: only Evolution's own 404, with the key proven,
 * makes a row an orphan; only a still-present instance is deleted; anything unclear leaves it alone.
 */
class OrphanRecheckIT extends FleetTests {

    @BeforeEach
    void seed() {
        Fleet.healthy("org-healthy");
    }

    /** The simulator imitates 2.3.6 again: a test after this one on the same stack creates with 2.3's webhook shape. */
    @org.junit.jupiter.api.AfterEach
    void evolutionTwoThreeAgain() {
        evolution().useVersion(ApiVersion.V2);
    }

    @Test
    void aRowIsKeptWhenTheRecheckFailsWith5xx() {
        var row = Fleet.row("org-gone", name("org-gone", OLD), OLD);
        evolution().inject(Fault.status("connectionState", 500));

        var summary = Fleet.summary(Fleet.cleanup());

        assertTally(summary.getJsonObject("orphaned_db_records"), 1, 0, 1, 0);
        assertThat(Fleet.rowExists(row)).isTrue();
        assertThat(evolution().calls("delete")).isZero();
    }

    @Test
    void aRowIsKeptWhenTheRecheckIsRefusedAsUnauthorized() {
        var row = Fleet.row("org-gone", name("org-gone", OLD), OLD);
        evolution().inject(Fault.unauthorized("connectionState"));

        var summary = Fleet.summary(Fleet.cleanup());

        assertTally(summary.getJsonObject("orphaned_db_records"), 1, 0, 1, 0);
        assertThat(Fleet.rowExists(row)).isTrue();
    }

    @Test
    void aRowIsKeptWhenTheRecheckTimesOut() {
        var row = Fleet.row("org-gone", name("org-gone", OLD), OLD);
        evolution().inject(Fault.hang("connectionState"));

        var summary = Fleet.summary(Fleet.cleanup());

        evolution().clearFaults();
        assertTally(summary.getJsonObject("orphaned_db_records"), 1, 0, 1, 0);
        assertThat(Fleet.rowExists(row)).isTrue();
    }

    /** Evolution 1.8 lists only instances loaded in memory; the recheck by name finds the stored one. */
    @Test
    void aRowWhoseInstanceTheListingMissedIsKeptWhenTheRecheckFindsIt() {
        evolution().useVersion(ApiVersion.V1_8);
        var name = name("org-unloaded", OLD);
        evolution().seed(instance(name, OLD).loaded(false));
        var row = Fleet.row("org-unloaded", name, OLD);

        var summary = Fleet.summary(Fleet.cleanup());

        assertTally(summary.getJsonObject("orphaned_db_records"), 1, 0, 0, 1);
        assertThat(Fleet.rowExists(row)).isTrue();
        assertThat(evolution().instance(name)).isPresent();
    }

    @Test
    void anInstanceIsKeptWhenItsDeletionFails() {
        var orphan = name("org-left-behind", OLD);
        evolution().seed(instance(orphan, OLD));
        evolution().inject(Fault.status("delete", 500));

        var summary = Fleet.summary(Fleet.cleanup());

        assertTally(summary.getJsonObject("orphaned_evolution_instances"), 1, 0, 1, 0);
        assertThat(evolution().instance(orphan)).isPresent();
        assertThat(Fleet.audited("instance.deleted", orphan)).isZero();
    }

    @Test
    void anInstanceThatAClaimNowUsesIsKept() {
        var orphan = name("org-claiming", OLD);
        evolution().seed(instance(orphan, OLD));
        Database.liveClaim("org-claiming", orphan);

        var summary = Fleet.summary(Fleet.cleanup());

        assertTally(summary.getJsonObject("orphaned_evolution_instances"), 1, 0, 0, 1);
        assertThat(evolution().instance(orphan)).isPresent();
    }
}

package whatsapp.st.maintenance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Maintenance tests look at the whole fleet: each starts, and leaves, with no rows and an empty simulator, and
 * has instance names of its own.
 */
abstract class FleetTests {

    FleetTests() {
        Fleet.nextTest();   // before the subclass's fields name their instances
    }

    @BeforeEach
    void startFromAnEmptyFleet() {
        Fleet.cleanSlate();
    }

    @AfterEach
    void leaveAnEmptyFleet() {
        Fleet.cleanSlate();
    }
}

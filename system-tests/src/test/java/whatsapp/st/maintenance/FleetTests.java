package whatsapp.st.maintenance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Maintenance tests look at the whole fleet: each starts, and leaves, with no rows and an empty simulator. */
abstract class FleetTests {

    @BeforeEach
    void startFromAnEmptyFleet() {
        Fleet.cleanSlate();
    }

    @AfterEach
    void leaveAnEmptyFleet() {
        Fleet.cleanSlate();
    }
}

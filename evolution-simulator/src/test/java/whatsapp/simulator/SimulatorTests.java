package whatsapp.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One running simulator per test class, reset before each test, and an Evolution client with the global key. */
abstract class SimulatorTests {

    static final String GLOBAL_KEY = "global-key";

    static EvolutionSimulator simulator;
    static EvolutionApi evolution;

    @BeforeAll
    static void start() {
        simulator = EvolutionSimulator.start(0, GLOBAL_KEY);
        evolution = new EvolutionApi(simulator.baseUrl(), GLOBAL_KEY);
    }

    @AfterAll
    static void stop() {
        simulator.close();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
    }
}

package whatsapp.evolution.instances.boundary;

/** Carries an Unavailable answer through the circuit breaker, which counts it as a failure. */
public class EvolutionDown extends RuntimeException {

    final transient Object answer;

    EvolutionDown(Object answer) {
        super("Evolution unavailable", null, false, false);
        this.answer = answer;
    }

    static <T> T throwIfUnavailable(T answer, Class<?> unavailable) {
        if (unavailable.isInstance(answer)) throw new EvolutionDown(answer);
        return answer;
    }
}

package whatsapp.evolution.instances.entity;

/** What Evolution said about one instance name. Only {@link Missing} means "Evolution does not have it". */
public sealed interface Lookup {

    record Found(EvolutionInstance instance) implements Lookup {
    }

    /** Evolution's own 404 for this very name, answered while our API key was proven to work. */
    record Missing(String name) implements Lookup {
    }

    /** Nothing is known: unreachable, misconfigured, rejected key, unexpected answer. Change nothing. */
    record Unavailable(String reason) implements Lookup {
    }
}

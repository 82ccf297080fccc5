package whatsapp.evolution.instances.control;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Whether our API key recently worked. Evolution answers 404 for an unknown name before it
 * checks the key, so a 404 means "missing" only while the key is proven: an authenticated call
 * succeeded within the validity. Any 401 clears the proof at once.
 *
 * <p>The proof that is needed when no call vouched for the key lately is a full fleet listing, which is expensive:
 * at most one is in flight per node (single flight). Callers that need it join the one under way and wait for it at
 * most their bound; a proof still valid but past half its validity is renewed in the background by the first caller
 * that notices, who does not wait for it; a failed proof is reused for {@link #FAILURE_REUSE} instead of starting
 * another listing at once.
 */
public class KeyProof {

    static final Logger LOG = Logger.getLogger(KeyProof.class.getName());

    /** How long a failed proof's answer stands for the lookups that follow, instead of a listing each. */
    public static final Duration FAILURE_REUSE = Duration.ofSeconds(2);

    private final Clock clock;
    private final Duration validity;
    private final Executor background;
    private volatile Instant provenUntil = Instant.MIN;
    private CompletableFuture<String> inFlight;   // guarded by this
    private Instant lastFailureAt = Instant.MIN;  // guarded by this
    private String lastFailure;                   // guarded by this

    /** Proofs run on the caller's thread (no background refresh): tests and tools. */
    public KeyProof(Clock clock, Duration validity) {
        this(clock, validity, Runnable::run);
    }

    /** @param background where proofs run; each task is one listing */
    public KeyProof(Clock clock, Duration validity, Executor background) {
        this.clock = clock;
        this.validity = validity;
        this.background = background;
    }

    public void confirmed() {
        provenUntil = clock.instant().plus(validity);
    }

    public void rejected() {
        provenUntil = Instant.MIN;
    }

    public boolean proven() {
        return clock.instant().isBefore(provenUntil);
    }

    /**
     * @param listing one fleet listing, sent through {@link Transport} (which confirms or rejects the key)
     * @param wait    how long this caller may wait for a proof under way; zero: never wait (the answer is then the
     *                last known one)
     * @return null when the key is proven, by the listing if need be; else why it is not
     */
    public String doubt(Supplier<EvolutionAnswer> listing, Duration wait) {
        var now = clock.instant();
        var until = provenUntil;
        if (now.isBefore(until)) {
            // past half its validity: renew it in the background, before it goes stale; nobody waits for that
            if (!now.isBefore(until.minus(validity.dividedBy(2)))) prove(listing, false);
            return null;
        }
        var proof = prove(listing, true);
        if (proof == null) return failureOrNull();
        try {
            return wait.isZero() || wait.isNegative() ? proof.getNow("API key unproven: a proof is under way")
                    : proof.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "API key unproven: the proof is still under way";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "API key unproven: interrupted";
        } catch (ExecutionException e) {
            return "API key unproven: " + e.getCause().getClass().getSimpleName();
        }
    }

    synchronized String failureOrNull() {
        return proven() ? null : lastFailure;
    }

    /**
     * Starts a proof unless one is under way (then joins it) or one failed moments ago (then null: its answer stands).
     *
     * @param needed the key is unproven now: a recent failure is reused; false: a renewal, skipped after a failure
     */
    synchronized CompletableFuture<String> prove(Supplier<EvolutionAnswer> listing, boolean needed) {
        if (inFlight != null && !inFlight.isDone()) return inFlight;
        if (lastFailure != null && clock.instant().isBefore(lastFailureAt.plus(FAILURE_REUSE))) return needed ? null : inFlight;
        var proof = new CompletableFuture<String>();
        inFlight = proof;
        try {
            background.execute(() -> settle(proof, listing));
        } catch (RuntimeException rejected) {   // no thread to run it: run it here
            settle(proof, listing);
        }
        return proof;
    }

    void settle(CompletableFuture<String> proof, Supplier<EvolutionAnswer> listing) {
        String doubt;
        try {
            var answer = listing.get();
            doubt = answer.kind() == EvolutionAnswer.Kind.OK ? null
                    : answer.kind() == EvolutionAnswer.Kind.KEY_REJECTED ? answer.reason() : "API key unproven: " + answer.reason();
        } catch (RuntimeException e) {
            doubt = "API key unproven: " + e.getClass().getSimpleName();
        }
        synchronized (this) {
            lastFailure = doubt;
            lastFailureAt = doubt == null ? Instant.MIN : clock.instant();
        }
        if (doubt != null) {
            var why = doubt;
            LOG.fine(() -> "Key proof failed: " + why);
        }
        proof.complete(doubt);
    }
}

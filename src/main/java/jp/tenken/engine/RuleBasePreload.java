package jp.tenken.engine;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Compiling the rules is the longest step of the start (about 1.5 s), and it needs nothing of the
 * application context. So {@code main} starts it on its own thread before the context, and the
 * factory takes the result when the context asks for the rule base: both proceed in parallel.
 */
public final class RuleBasePreload {

    private static volatile Path path;
    private static volatile CompletableFuture<RuleBase> future;

    private RuleBasePreload() {
    }

    /** Starts compiling {@code rulesDir} in the background. */
    public static synchronized void start(Path rulesDir) {
        path = rulesDir.toAbsolutePath().normalize();
        future = CompletableFuture.supplyAsync(() -> RuleBaseLoader.load(rulesDir));
    }

    /** The preloaded rule base when it was started for this folder, else a fresh compilation. */
    public static RuleBase take(Path rulesDir) {
        CompletableFuture<RuleBase> started;
        synchronized (RuleBasePreload.class) {
            started = rulesDir.toAbsolutePath().normalize().equals(path) ? future : null;
            future = null;
            path = null;
        }
        if (started == null) {
            return RuleBaseLoader.load(rulesDir);
        }
        try {
            return started.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RuleBaseException("rules could not be compiled: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuleBaseException("interrupted while compiling the rules", e);
        }
    }
}

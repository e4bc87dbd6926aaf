package jp.tenken.storage;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What was read from the database for a key in the last few seconds, answered again instead of
 * read again. For reads that every check makes and that change rarely (an organization's waivers,
 * its audit counts): one statement per check cost the checks of the city's plan a measurable share
 * of their throughput over HTTP (docs/performance.md). A write made on this instance
 * {@linkplain #forget forgets} the keys it touches, so this instance answers it at once; another
 * instance's write is answered once what was read here is older than {@code keep}.
 *
 * <p>A read that began before a {@code forget} is answered to its caller but not kept, so a read
 * racing a local write never keeps the value from before the write.
 */
public final class RecentReads<K, V> {

    /** Beyond this many keys everything is forgotten: the map stays small whatever the keys. */
    static final int MAX_KEYS = 10_000;

    private record Read<V>(V value, long readAtNanos) {
    }

    private final long keepNanos;
    private final Map<K, Read<V>> recent = new ConcurrentHashMap<>();
    /** Counts forgets; a read is kept only if none happened while it ran. */
    private final AtomicLong forgets = new AtomicLong();

    public RecentReads(Duration keep) {
        this.keepNanos = keep.toNanos();
    }

    /** The value read for the key less than {@code keep} ago, or read now with {@code read}. */
    public V get(K key, Function<K, V> read) {
        long now = System.nanoTime();
        Read<V> kept = recent.get(key);
        if (kept != null && now - kept.readAtNanos() <= keepNanos) {
            return kept.value();
        }
        long forgetsBefore = forgets.get();
        V value = read.apply(key);
        if (forgets.get() == forgetsBefore) {
            if (recent.size() >= MAX_KEYS) {
                recent.clear();
            }
            recent.put(key, new Read<>(value, now));
        }
        return value;
    }

    /** Forgets the keys a write on this instance changed. */
    public void forget(Predicate<K> changed) {
        forgets.incrementAndGet();
        recent.keySet().removeIf(changed);
    }
}

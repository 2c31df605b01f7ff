package dev.fracture.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * One instance per text, for ids compared often: the first instance made of a text is kept and given again, so that
 * equal ids met in different places are one object and a reference check answers for them. At most {@code most}
 * texts are kept; past that, each ask makes a new instance (equal as ever), so that a long-running service reading
 * ids from requests does not keep every text it was ever sent. Threads asking for one text at once get one instance.
 */
final class KeptInstances<T> {
    private final ConcurrentHashMap<String, T> kept = new ConcurrentHashMap<>();
    private final int most;
    private final Function<String, T> make;

    /** Keeps up to {@code most} instances, each made by {@code make} (which validates the text). */
    KeptInstances(int most, Function<String, T> make) {
        if (most < 0) {
            throw new IllegalArgumentException("kept instances: at most must be >= 0, got " + most);
        }
        this.most = most;
        this.make = make;
    }

    /** The kept instance of {@code text}, or a new one, kept while fewer than the most are. */
    T of(String text) {
        T known = text == null ? null : kept.get(text);
        if (known != null) {
            return known;
        }
        T made = make.apply(text);
        if (kept.size() >= most) {
            return made;
        }
        T raced = kept.putIfAbsent(text, made);
        return raced != null ? raced : made;
    }
}

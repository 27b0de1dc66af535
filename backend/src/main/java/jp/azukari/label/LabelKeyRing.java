package jp.azukari.label;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The label keys of one installation. New labels are signed with the current key; a label verifies
 * under any key that is not retired, so labels printed before a rotation stay genuine until their
 * key is retired.
 */
public final class LabelKeyRing {

    private final LabelKey current;
    private final Map<String, LabelKey> keys;

    public LabelKeyRing(String currentKeyId, Collection<LabelKey> keys) {
        Map<String, LabelKey> byId = new LinkedHashMap<>();
        for (LabelKey key : keys) {
            if (byId.putIfAbsent(key.id(), key) != null) {
                throw new IllegalArgumentException("two label keys share the id " + key.id());
            }
        }
        LabelKey chosen = byId.get(currentKeyId);
        if (chosen == null) {
            throw new IllegalArgumentException(
                    "the current label key " + currentKeyId + " is not in the ring");
        }
        if (chosen.retired()) {
            throw new IllegalArgumentException(
                    "the current label key " + currentKeyId + " is retired");
        }
        this.current = chosen;
        this.keys = Map.copyOf(byId);
    }

    /** A ring of one key, which is current. */
    public static LabelKeyRing of(LabelKey key) {
        return new LabelKeyRing(key.id(), List.of(key));
    }

    /** The key that signs new labels. */
    public LabelKey signingKey() {
        return current;
    }

    /** The key a label's key id names, unless it is unknown here or retired. */
    public Optional<LabelKey> verifyingKey(String keyId) {
        return Optional.ofNullable(keys.get(keyId)).filter(key -> !key.retired());
    }

    @Override
    public String toString() {
        return "LabelKeyRing[current=" + current.id() + ", keys=" + keys.keySet() + "]";
    }
}

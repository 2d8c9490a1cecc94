package org.camelb2b.token.dialect;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dialects by name. A new protocol family is one {@link Dialect} class and one line here.
 */
public final class Dialects {

    /** The dialect of a provider that names none. */
    public static final String DEFAULT = "snap";

    private static final Map<String, Dialect> BY_NAME = index(
            new SnapDialect(),
            new KlikooDialect(),
            new OAuth2BasicDialect());

    private Dialects() {
    }

    private static Map<String, Dialect> index(Dialect... dialects) {
        Map<String, Dialect> byName = new LinkedHashMap<>();
        for (Dialect d : dialects) {
            if (byName.put(d.name(), d) != null) {
                throw new IllegalStateException("two dialects named '" + d.name() + "'");
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    /**
     * The dialect of that name, in any case, blanks around it ignored.
     *
     * @throws IllegalArgumentException naming the unknown name and the known ones
     */
    public static Dialect named(String name) {
        Dialect d = name == null ? null : BY_NAME.get(name.strip().toLowerCase(Locale.ROOT));
        if (d == null) {
            throw new IllegalArgumentException("unknown dialect '" + name + "' (expected " + known() + ")");
        }
        return d;
    }

    /** The {@link #DEFAULT} dialect. */
    public static Dialect defaultDialect() {
        return BY_NAME.get(DEFAULT);
    }

    /** The known names, in registration order. */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** Every dialect, in registration order. */
    public static Collection<Dialect> all() {
        return BY_NAME.values();
    }

    /** {@code snap or klikoo}; {@code a, b or c}. */
    private static String known() {
        List<String> names = List.copyOf(BY_NAME.keySet());
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}

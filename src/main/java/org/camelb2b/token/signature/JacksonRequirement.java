package org.camelb2b.token.signature;

import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.json.PackageVersion;

/**
 * The jackson-core the library needs, checked before any route starts. {@link JsonBodies} writes
 * signed bodies with {@code JsonWriteFeature.ESCAPE_FORWARD_SLASHES} (jackson-core 2.17) and
 * {@code COMBINE_UNICODE_SURROGATES_IN_UTF8} (2.18). An application whose build resolves an older
 * jackson-core (Vert.x, through camel-platform-http-main, brings 2.16.1) would get tokens and then
 * fail every signed call with {@code NoSuchFieldError}; instead, startup fails naming the version
 * found, where it came from, and the version needed.
 */
public final class JacksonRequirement {

    /** The oldest jackson-core with every feature {@link JsonBodies} uses. */
    public static final Version REQUIRED = new Version(2, 18, 0, null, "com.fasterxml.jackson.core", "jackson-core");

    static final List<String> FEATURES = List.of("ESCAPE_FORWARD_SLASHES", "COMBINE_UNICODE_SURROGATES_IN_UTF8");

    private JacksonRequirement() {
    }

    /** The problem with the jackson-core on the classpath, if any (none, or one). */
    public static List<String> problems() {
        Version found;
        Set<String> features;
        try {
            found = PackageVersion.VERSION;
            features = Arrays.stream(JsonWriteFeature.values()).map(Enum::name).collect(Collectors.toSet());
        } catch (LinkageError e) {
            // older than JsonWriteFeature (2.10) or PackageVersion
            found = Version.unknownVersion();
            features = Set.of();
        }
        return problems(found, features, location());
    }

    static List<String> problems(Version found, Set<String> features, String location) {
        List<String> missing = new ArrayList<>(FEATURES);
        missing.removeAll(features);
        if (atLeast(found, REQUIRED) && missing.isEmpty()) {
            return List.of();
        }
        return List.of("com.fasterxml.jackson.core:jackson-core: the classpath has jackson-core "
                + (found.isUnknownVersion() ? "of an unknown version" : found.toString()) + " (" + location
                + "); camel-b2b-token needs jackson-core " + REQUIRED + " or later"
                + (missing.isEmpty() ? "" : " (it has no JsonWriteFeature." + String.join(", ", missing) + ")")
                + " to write signed payment bodies. Make your build resolve jackson-core " + REQUIRED
                + " or later: declare com.fasterxml.jackson.core:jackson-core (and jackson-databind) at that version,"
                + " or import com.fasterxml.jackson:jackson-bom");
    }

    /** By number alone ({@link Version#compareTo} orders by group and artifact id first). */
    private static boolean atLeast(Version found, Version required) {
        if (found.getMajorVersion() != required.getMajorVersion()) {
            return found.getMajorVersion() > required.getMajorVersion();
        }
        if (found.getMinorVersion() != required.getMinorVersion()) {
            return found.getMinorVersion() > required.getMinorVersion();
        }
        return found.getPatchLevel() >= required.getPatchLevel();
    }

    private static String location() {
        try {
            CodeSource source = JsonFactory.class.getProtectionDomain().getCodeSource();
            URL url = source == null ? null : source.getLocation();
            return url == null ? "location unknown" : url.toString();
        } catch (SecurityException e) {
            return "location unknown";
        }
    }
}

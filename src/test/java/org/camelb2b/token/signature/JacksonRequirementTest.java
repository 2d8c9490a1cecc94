package org.camelb2b.token.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.Version;
import org.junit.jupiter.api.Test;

class JacksonRequirementTest {

    private static final String JAR = "file:/m2/com/fasterxml/jackson/core/jackson-core/2.16.1/jackson-core-2.16.1.jar";

    @Test
    void theBuildsJacksonMeetsIt() {
        assertEquals(List.of(), JacksonRequirement.problems());
    }

    @Test
    void anOlderJacksonCoreIsOneProblemNamingBothVersionsAndTheJar() {
        List<String> problems = JacksonRequirement.problems(new Version(2, 16, 1, null, null, null),
                Set.of("ESCAPE_NON_ASCII"), JAR);
        assertEquals(1, problems.size(), problems.toString());
        String problem = problems.get(0);
        assertTrue(problem.startsWith("com.fasterxml.jackson.core:jackson-core: the classpath has jackson-core 2.16.1 ("
                + JAR + "); camel-b2b-token needs jackson-core 2.18.0 or later"), problem);
        assertTrue(problem.contains("ESCAPE_FORWARD_SLASHES, COMBINE_UNICODE_SURROGATES_IN_UTF8"), problem);
    }

    @Test
    void aVersionWithoutTheFeaturesIsAProblemToo() {
        // a repackaged jackson-core claiming a new version
        assertEquals(1, JacksonRequirement.problems(new Version(2, 19, 0, null, null, null),
                Set.of("ESCAPE_FORWARD_SLASHES"), JAR).size());
        assertEquals(0, JacksonRequirement.problems(new Version(2, 18, 0, null, null, null),
                Set.copyOf(JacksonRequirement.FEATURES), JAR).size());
        assertEquals(1, JacksonRequirement.problems(Version.unknownVersion(), Set.of(), "location unknown").size());
    }
}

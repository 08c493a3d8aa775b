package com.campaignledger.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;

/**
 * Which classes the architecture rules look at: those of this project's modules, wherever the build put them.
 * A module's classes come from its {@code target/classes} directory when the reactor runs up to {@code test},
 * and from its jar once it has been packaged ({@code verify}), so jars cannot simply be left out: only jars that
 * are not ours are. Tests are left out by {@link ImportOption.DoNotIncludeTests}.
 */
public final class ProjectClasses implements ImportOption {

    /** A module's jar in its reactor {@code target/} directory, or a {@code com.campaignledger} artifact in a Maven repository. */
    private static final Pattern OUR_JAR =
            Pattern.compile(".*(/target/[^/]+\\.jar|/com/campaignledger/[^/]+/[^/]+/[^/]+\\.jar)!/.*");

    @Override
    public boolean includes(Location location) {
        return !location.isJar() || location.matches(OUR_JAR);
    }
}

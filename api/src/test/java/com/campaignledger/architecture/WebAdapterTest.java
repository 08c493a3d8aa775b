package com.campaignledger.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.Slice;
import org.springframework.stereotype.Controller;

/** The api module's web adapters: one package per context under {@code web}, beside the shared web support. */
@AnalyzeClasses(
        packages = "com.campaignledger",
        importOptions = {ImportOption.DoNotIncludeTests.class, ProjectClasses.class})
class WebAdapterTest {

    /** {@code web.openapi} is shared support (the document's common parts), as is the {@code web} package itself. */
    private static final DescribedPredicate<Slice> CONTEXT_ADAPTERS = DescribedPredicate.describe(
            "are the web adapters of a context", slice -> !"openapi".equals(slice.getNamePart(1)));

    @ArchTest
    static final ArchRule contextAdaptersAreIndependent = slices().matching("com.campaignledger.web.(*)..")
            .that(CONTEXT_ADAPTERS)
            .should()
            .notDependOnEachOther()
            .because("each context's web adapter translates HTTP for its own context only; what adapters share "
                    + "belongs in the web package's shared support, and what a context offers others belongs in "
                    + "its own module");

    @ArchTest
    static final ArchRule controllersLiveInTheWebPackage = classes()
            .that()
            .areMetaAnnotatedWith(Controller.class)
            .should()
            .resideInAPackage("com.campaignledger.web..")
            .because("controllers are web adapters: the web package, per context, is where HTTP meets the "
                    + "application");
}

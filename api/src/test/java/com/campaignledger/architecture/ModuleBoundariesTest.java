package com.campaignledger.architecture;

import static com.campaignledger.architecture.Modules.ACCOUNTS;
import static com.campaignledger.architecture.Modules.AGENT_DOMAIN;
import static com.campaignledger.architecture.Modules.API;
import static com.campaignledger.architecture.Modules.API_HTTP;
import static com.campaignledger.architecture.Modules.CAMPAIGN_DOMAIN;
import static com.campaignledger.architecture.Modules.DIALER;
import static com.campaignledger.architecture.Modules.DNC;
import static com.campaignledger.architecture.Modules.EVENT_STORE;
import static com.campaignledger.architecture.Modules.KERNEL;
import static com.campaignledger.architecture.Modules.NOTIFICATIONS;
import static com.campaignledger.architecture.Modules.OPERATIONS;
import static com.campaignledger.architecture.Modules.PROJECTIONS;
import static com.campaignledger.architecture.Modules.REGISTRY;
import static com.campaignledger.architecture.Modules.SOAP;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** What each Maven module may depend on: the domains stay plain, HTTP stays in api, and the poms' edges hold. */
@AnalyzeClasses(
        packages = "com.campaignledger",
        importOptions = {ImportOption.DoNotIncludeTests.class, ProjectClasses.class})
class ModuleBoundariesTest {

    @ArchTest
    static final ArchRule domainsUseNoFrameworkBeyondAxon = noClasses()
            .that()
            .resideInAnyPackage(CAMPAIGN_DOMAIN, AGENT_DOMAIN)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..",
                    "java.sql..",
                    "javax.sql..",
                    "jakarta.servlet..",
                    "com.fasterxml.jackson.databind..")
            .because("the domains hold the aggregates and the messages every other module shares: they are plain "
                    + "Java with Axon's annotations and Jackson's annotations (which Axon's serializer reads), "
                    + "and know nothing of Spring, a database, HTTP or how JSON is written");

    @ArchTest
    static final ArchRule campaignDomainUsesOnlyKernelOfOurs = classes()
            .that()
            .resideInAPackage(CAMPAIGN_DOMAIN)
            .should()
            .onlyDependOnClassesThat(
                    resideOutsideOfPackage("com.campaignledger..").or(resideInAnyPackage(KERNEL, CAMPAIGN_DOMAIN)))
            .because("the campaign domain is a leaf beside the shared kernel: it does not know the agent domain, "
                    + "nor any module built on it");

    @ArchTest
    static final ArchRule agentDomainUsesOnlyKernelOfOurs = classes()
            .that()
            .resideInAPackage(AGENT_DOMAIN)
            .should()
            .onlyDependOnClassesThat(
                    resideOutsideOfPackage("com.campaignledger..").or(resideInAnyPackage(KERNEL, AGENT_DOMAIN)))
            .because("the agent domain is a leaf beside the shared kernel: it does not know the campaign domain, "
                    + "nor any module built on it");

    @ArchTest
    static final ArchRule onlyTheApiKnowsHttp = noClasses()
            .that()
            .resideOutsideOfPackages(API_HTTP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework.web..",
                    "org.springframework.http..",
                    "jakarta.servlet..",
                    "io.swagger..",
                    "org.springdoc..")
            .because("HTTP is one way in among others: requests, responses and their documentation belong to the "
                    + "api module's web adapters, security, idempotency and configuration, never to the modules "
                    + "they call");

    @ArchTest
    static final ArchRule noModuleUsesTheApi = noClasses()
            .that()
            .resideOutsideOfPackages(API)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(API)
            .because("the api module is the application that assembles the others: it depends on every module, "
                    + "so none may depend on it");

    @ArchTest
    static final ArchRule modulesFollowTheirPoms = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("shared-kernel")
            .definedBy(KERNEL)
            .layer("campaign-domain")
            .definedBy(CAMPAIGN_DOMAIN)
            .layer("agent-domain")
            .definedBy(AGENT_DOMAIN)
            .layer("projections")
            .definedBy(PROJECTIONS)
            .layer("dialer")
            .definedBy(DIALER)
            .layer("notifications")
            .definedBy(NOTIFICATIONS)
            .layer("event-store")
            .definedBy(EVENT_STORE)
            .layer("accounts")
            .definedBy(ACCOUNTS)
            .layer("registry")
            .definedBy(REGISTRY)
            .layer("operations")
            .definedBy(OPERATIONS)
            .layer("dnc")
            .definedBy(DNC)
            .layer("soap")
            .definedBy(SOAP)
            .layer("api")
            .definedBy(API)
            .whereLayer("shared-kernel")
            .mayNotAccessAnyLayer()
            .whereLayer("campaign-domain")
            .mayOnlyAccessLayers("shared-kernel")
            .whereLayer("agent-domain")
            .mayOnlyAccessLayers("shared-kernel")
            .whereLayer("projections")
            .mayOnlyAccessLayers("shared-kernel", "campaign-domain", "agent-domain")
            .whereLayer("dialer")
            .mayOnlyAccessLayers("shared-kernel", "campaign-domain", "agent-domain", "projections", "dnc")
            .whereLayer("notifications")
            .mayOnlyAccessLayers("campaign-domain", "agent-domain")
            .whereLayer("event-store")
            .mayOnlyAccessLayers("shared-kernel", "campaign-domain", "agent-domain", "projections")
            .whereLayer("accounts")
            .mayOnlyAccessLayers("shared-kernel")
            .whereLayer("registry")
            .mayOnlyAccessLayers(
                    "shared-kernel", "campaign-domain", "agent-domain", "projections", "dialer", "notifications")
            .whereLayer("operations")
            .mayOnlyAccessLayers("shared-kernel", "projections")
            .whereLayer("dnc")
            .mayOnlyAccessLayers("shared-kernel", "campaign-domain")
            .whereLayer("soap")
            .mayOnlyAccessLayers("shared-kernel", "accounts")
            .whereLayer("api")
            .mayOnlyAccessLayers(
                    "shared-kernel",
                    "campaign-domain",
                    "agent-domain",
                    "projections",
                    "dialer",
                    "notifications",
                    "event-store",
                    "accounts",
                    "registry",
                    "operations",
                    "dnc",
                    "soap")
            .whereLayer("api")
            .mayNotBeAccessedByAnyLayer()
            .because("each module uses only the modules its pom.xml declares as dependencies: the poms are the "
                    + "one statement of the module graph, and a module reached only through another's dependencies "
                    + "must be declared before it is used");

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.campaignledger.(**)")
            .should()
            .beFreeOfCycles()
            .because("packages that depend on each other in a circle cannot be understood, tested or moved "
                    + "one without the other");
}

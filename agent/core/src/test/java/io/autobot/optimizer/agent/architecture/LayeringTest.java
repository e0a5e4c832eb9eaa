package io.autobot.optimizer.agent.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's packages form layers, bottom to top: the call contract and the configuration; the
 * flight-recorder events; the policies' shared parts, then each policy; the cache; the engine (dispatch); instrumentation;
 * rules; the extension interface; the agent's wiring. A package may use only the layers below it,
 * and no two packages depend on each other. docs/architecture.md draws the same map.
 */
class LayeringTest {

    private static final String AGENT = "io.autobot.optimizer.agent";
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(AGENT);

    @Test
    void packagesHaveNoCycles() {
        slices().matching(AGENT + ".(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void policiesDoNotUseEachOther() {
        slices().matching(AGENT + ".policy.(*)..").should().notDependOnEachOther().check(CORE);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("call").definedBy(AGENT + ".call..")
                .layer("config").definedBy(AGENT + ".config..")
                .layer("host").definedBy(AGENT + ".host..")
                .layer("redis").definedBy(AGENT + ".redis..")
                .layer("jfr").definedBy(AGENT + ".jfr..")
                .layer("policy support").definedBy(AGENT + ".policy")
                .layer("policies").definedBy(AGENT + ".policy.(*)..")
                .layer("cache").definedBy(AGENT + ".cache..")
                .layer("engine").definedBy(AGENT + ".engine..")
                .layer("instrument").definedBy(AGENT + ".instrument..")
                .layer("rules").definedBy(AGENT + ".rules..")
                .layer("discovery").definedBy(AGENT + ".discovery..")
                .layer("spi").definedBy(AGENT + ".spi..")
                .layer("agent").definedBy(AGENT)
                .whereLayer("call").mayNotAccessAnyLayer()
                .whereLayer("config").mayNotAccessAnyLayer()
                .whereLayer("host").mayNotAccessAnyLayer()
                .whereLayer("redis").mayNotAccessAnyLayer()
                .whereLayer("jfr").mayOnlyAccessLayers("call", "config")
                .whereLayer("policy support").mayOnlyAccessLayers("call", "config")
                .whereLayer("policies").mayOnlyAccessLayers("policy support", "call", "config", "redis", "jfr")
                .whereLayer("cache").mayOnlyAccessLayers("call", "config", "redis", "jfr", "host")
                .whereLayer("engine").mayOnlyAccessLayers("cache", "call", "config", "jfr")
                .whereLayer("instrument").mayOnlyAccessLayers("engine", "call", "config")
                .whereLayer("rules").mayOnlyAccessLayers("instrument", "call", "config")
                .whereLayer("discovery").mayNotAccessAnyLayer()
                .whereLayer("spi").mayOnlyAccessLayers("engine", "instrument", "cache", "call", "config", "redis",
                        "discovery", "jfr")
                .whereLayer("agent").mayNotBeAccessedByAnyLayer()
                .check(CORE);
    }
}

package io.autobot.optimizer.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The CLI runs outside the target JVM (and, for the shell, in hosts without the agent): it talks
 * to the agent through the protocol module and JMX only.
 */
@AnalyzeClasses(packages = "io.autobot.optimizer.cli", importOptions = ImportOption.DoNotIncludeTests.class)
class CliArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.autobot.optimizer.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noAgentInternals = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.autobot.optimizer.agent..", "io.autobot.optimizer.management..",
                    "io.autobot.optimizer.bootstrap..")
            .because("the CLI cannot load the agent's classes: it knows the agent by the protocol module and JMX");

    @ArchTest
    static final ArchRule shellNeedsNoCommandLineLibraries = noClasses().that()
            .resideInAPackage("io.autobot.optimizer.cli.shell..").should().dependOnClassesThat()
            .resideInAnyPackage("picocli..", "org.jline..", "io.autobot.optimizer.cli")
            .because("a host runs the shell in process over a plain reader (the sample's interactive mode)");
}

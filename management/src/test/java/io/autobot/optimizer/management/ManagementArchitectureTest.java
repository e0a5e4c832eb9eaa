package io.autobot.optimizer.management;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The in-process management plane: no package cycles, and nothing of the out-of-process CLI. */
@AnalyzeClasses(packages = "io.autobot.optimizer.management", importOptions = ImportOption.DoNotIncludeTests.class)
class ManagementArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.autobot.optimizer.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCli = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.autobot.optimizer.cli..", "picocli..", "org.jline..")
            .because("the management plane runs in the host; the CLI is a client of it, never the other way");
}

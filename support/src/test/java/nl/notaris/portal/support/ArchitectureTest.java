package nl.notaris.portal.support;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import nl.notaris.portal.testsupport.ServiceArchitecture;

/**
 * support keeps the structure of the services that build on it (ServiceArchitecture: packages by
 * feature, no cycles between them, records as answers), and its packages depend on each other in
 * one direction only: e.g. {@code web} and {@code security} both write problems through the leaf
 * {@code problem}, and {@code events} builds no bean of {@code audit}.
 */
class ArchitectureTest {

    static final String SUPPORT = "nl.notaris.portal.support";

    @Test
    void followsTheServiceStructure() {
        ServiceArchitecture.verify(SUPPORT);
    }

    @Test
    void itsPackagesAreFreeOfCycles() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(SUPPORT);
        slices().matching(SUPPORT + ".(*)..").namingSlices("$1").should().beFreeOfCycles().check(classes);
    }
}

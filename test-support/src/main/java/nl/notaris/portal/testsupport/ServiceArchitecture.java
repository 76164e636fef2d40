package nl.notaris.portal.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The structure every service keeps: package by feature (no layer packages), REST endpoints that
 * answer with records rather than the MongoDB documents, and no Java serialisation of classes onto
 * the wire.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : new ArchRule[] { packagesByFeature(basePackage), controllersAnswerWithRecords() }) {
            rule.allowEmptyShould(true).check(classes);
        }
    }

    public static ArchRule packagesByFeature(String basePackage) {
        return noClasses().should().resideInAnyPackage(basePackage + ".controller..", basePackage + ".controllers..",
                        basePackage + ".service..", basePackage + ".services..", basePackage + ".repository..",
                        basePackage + ".repositories..", basePackage + ".model..", basePackage + ".dto..")
                .because("services are packaged by feature, not by layer");
    }

    public static ArchRule controllersAnswerWithRecords() {
        DescribedPredicate<JavaClass> mongoDocument = new DescribedPredicate<>("a MongoDB document") {
            @Override
            public boolean test(JavaClass type) {
                return type.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document");
            }
        };
        return methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should().notHaveRawReturnType(mongoDocument)
                .because("REST responses are records, never the stored documents");
    }
}

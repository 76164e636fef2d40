package nl.notaris.portal.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The structure every service keeps: package by feature (no layer packages) without cycles
 * between the feature packages, and REST endpoints that answer with records rather than the
 * MongoDB documents, also not inside a {@code ResponseEntity} or a list.
 */
public final class ServiceArchitecture {

    private ServiceArchitecture() {
    }

    public static void verify(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
        for (ArchRule rule : new ArchRule[] { packagesByFeature(basePackage), noCyclesBetweenFeatures(basePackage),
                controllersAnswerWithRecords() }) {
            rule.allowEmptyShould(true).check(classes);
        }
    }

    public static ArchRule packagesByFeature(String basePackage) {
        return noClasses().should().resideInAnyPackage(basePackage + ".controller..", basePackage + ".controllers..",
                        basePackage + ".service..", basePackage + ".services..", basePackage + ".repository..",
                        basePackage + ".repositories..", basePackage + ".model..", basePackage + ".dto..")
                .because("services are packaged by feature, not by layer");
    }

    public static ArchRule noCyclesBetweenFeatures(String basePackage) {
        return slices().matching(basePackage + ".(*)..").should().beFreeOfCycles()
                .because("a feature package may use another, but never the other way round as well");
    }

    public static ArchRule controllersAnswerWithRecords() {
        return methods().that().areDeclaredInClassesThat()
                .areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                .should(new ArchCondition<JavaMethod>("not answer with a MongoDB document, also not inside a generic type") {
                    @Override
                    public void check(JavaMethod method, ConditionEvents events) {
                        if (mentionsStoredDocument(method.getReturnType())) {
                            events.add(SimpleConditionEvent.violated(method,
                                    method.getFullName() + " answers with a stored MongoDB document"));
                        }
                    }
                })
                .because("REST responses are records, never the stored documents");
    }

    private static boolean mentionsStoredDocument(JavaType type) {
        JavaClass raw = type.toErasure();
        if (raw.isAnnotatedWith("org.springframework.data.mongodb.core.mapping.Document")) {
            return true;
        }
        if (raw.isArray() && mentionsStoredDocument(raw.getComponentType())) {
            return true;
        }
        return type instanceof JavaParameterizedType parameterized
                && parameterized.getActualTypeArguments().stream().anyMatch(ServiceArchitecture::mentionsStoredDocument);
    }
}

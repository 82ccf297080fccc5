package whatsapp.evolution;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the module: components ({@code whatsapp.evolution.<component>}) depend one way, layers point inwards. */
class ComponentsTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("whatsapp.evolution");

    @Test
    void componentsNeverDependOnEachOtherInACircle() {
        slices().matching("whatsapp.evolution.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controlAndEntityClassesNeverCallABoundary() {
        noClasses().that().resideInAnyPackage("whatsapp.evolution.*.control..", "whatsapp.evolution.*.entity..")
                .should().dependOnClassesThat().resideInAPackage("whatsapp.evolution.*.boundary..").check(CLASSES);
    }
}

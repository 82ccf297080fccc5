package whatsapp.maintenance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the module: components ({@code whatsapp.maintenance.<component>}) depend one way, layers point inwards. */
class ComponentsTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("whatsapp.maintenance");

    @Test
    void componentsNeverDependOnEachOtherInACircle() {
        slices().matching("whatsapp.maintenance.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controlAndEntityClassesNeverCallABoundary() {
        noClasses().that().resideInAnyPackage("whatsapp.maintenance.*.control..", "whatsapp.maintenance.*.entity..")
                .should().dependOnClassesThat().resideInAPackage("whatsapp.maintenance.*.boundary..").check(CLASSES);
    }
}

package whatsapp.integrations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape of the module: components ({@code whatsapp.integrations.<component>}) depend one way, layers point inwards. */
class ComponentsTest {

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("whatsapp.integrations");

    @Test
    void componentsNeverDependOnEachOtherInACircle() {
        slices().matching("whatsapp.integrations.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void controlAndEntityClassesNeverCallABoundary() {
        noClasses().that().resideInAnyPackage("whatsapp.integrations.*.control..", "whatsapp.integrations.*.entity..")
                .should().dependOnClassesThat().resideInAPackage("whatsapp.integrations.*.boundary..").check(CLASSES);
    }
}

package whatsapp.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.junit.jupiter.api.Test;

/**
 * Payara finds an EJB's own lifecycle callback by its name only, taking the first method of that name the class lists
 * (an order that changes from one JVM to the next): an overload of a {@code @PostConstruct} method failed the
 * deployment now and then with "wrong number of arguments". No lifecycle callback name is overloaded.
 */
class LifecycleCallbacksTest {

    @Test
    void noLifecycleCallbackNameIsOverloaded() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("whatsapp.integrations");
        var callbacks = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(PostConstruct.class) || m.isAnnotatedWith(PreDestroy.class)).toList();

        assertThat(callbacks).isNotEmpty();
        assertThat(callbacks).allSatisfy(callback -> assertThat(callback.getOwner().getMethods().stream()
                .map(JavaMethod::getName).filter(callback.getName()::equals).count())
                .as(callback.getFullName() + " has no overload").isEqualTo(1));
    }
}

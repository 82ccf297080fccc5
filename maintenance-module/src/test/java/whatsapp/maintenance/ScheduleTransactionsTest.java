package whatsapp.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.junit.jupiter.api.Test;

/**
 * Payara applies a class-level {@code @TransactionAttribute} to business and {@code @Timeout} methods only, never to
 * {@code @Schedule} methods, which then run in a container transaction (REQUIRED) there but not on WildFly. A bean
 * with {@code @Schedule} methods is therefore bean-managed: no transaction around them on either server.
 */
class ScheduleTransactionsTest {

    @Test
    void everyBeanWithScheduleMethodsIsBeanManaged() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("whatsapp.maintenance");
        var scheduled = classes.stream().filter(ScheduleTransactionsTest::hasScheduleMethods).toList();

        assertThat(scheduled).isNotEmpty();
        assertThat(scheduled).allSatisfy(bean -> assertThat(bean.tryGetAnnotationOfType(TransactionManagement.class))
                .as(bean.getName() + " is bean-managed").hasValueSatisfying(
                        annotation -> assertThat(annotation.value()).isEqualTo(TransactionManagementType.BEAN)));
    }

    static boolean hasScheduleMethods(JavaClass bean) {
        return bean.getMethods().stream().anyMatch(m -> m.isAnnotatedWith(Schedule.class) || m.isAnnotatedWith(Schedules.class));
    }
}

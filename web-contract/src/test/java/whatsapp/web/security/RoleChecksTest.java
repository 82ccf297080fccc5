package whatsapp.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.junit.jupiter.api.Test;

class RoleChecksTest {

    @RolesAllowed("admin")
    static class AdminOnly {
        public void inherited() {
        }

        @PermitAll
        public void open() {
        }

        @RolesAllowed({"admin", "member"})
        public void wider() {
        }

        @DenyAll
        public void closed() {
        }
    }

    static class Unannotated {
        public void any() {
        }
    }

    @Test
    void aMethodsAnnotationWinsOverItsClasss() throws Exception {
        assertThat(RoleChecks.roles(AdminOnly.class.getMethod("inherited"), AdminOnly.class)).containsExactly("admin");
        assertThat(RoleChecks.roles(AdminOnly.class.getMethod("open"), AdminOnly.class)).isNull();
        assertThat(RoleChecks.roles(AdminOnly.class.getMethod("wider"), AdminOnly.class)).containsExactly("admin", "member");
        assertThat(RoleChecks.roles(AdminOnly.class.getMethod("closed"), AdminOnly.class)).isEmpty();
        assertThat(RoleChecks.roles(Unannotated.class.getMethod("any"), Unannotated.class)).isNull();
    }
}

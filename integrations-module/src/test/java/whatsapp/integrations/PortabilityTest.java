package whatsapp.integrations;

import whatsapp.web.portability.PortabilityRules;

/** This module's code under the rules that keep it the same on WildFly and Payara. */
class PortabilityTest extends PortabilityRules {

    @Override
    protected String rootPackage() {
        return "whatsapp.integrations";
    }
}

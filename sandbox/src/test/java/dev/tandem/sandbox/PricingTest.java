package dev.tandem.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.sandbox.templates.MessageTemplate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static MessageTemplate template(String category) {
        return new MessageTemplate("1", "2", "order_update", "en_US", category, MessageTemplate.positionalBody(0), "APPROVED",
                null, Instant.now());
    }

    @Test
    void pricingChargesTemplatesExceptUtilityInsideTheWindow() {
        MessageTemplate utility = template("utility");
        assertFalse(World.pricing(null, true).getBoolean("billable"), "free-form replies are free customer service");
        assertEquals("service", World.pricing(null, true).getString("category"));
        assertEquals("free_customer_service", World.pricing(utility, true).getString("type"));
        assertEquals("regular", World.pricing(utility, false).getString("type"));
        MessageTemplate marketing = template("MARKETING");
        assertTrue(World.pricing(marketing, true).getBoolean("billable"));
        assertEquals("marketing", World.pricing(marketing, true).getString("category"));
        assertEquals("PMP", World.pricing(marketing, false).getString("pricing_model"));
    }
}

package dev.tandem.sandbox;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SandboxTemplateTest {

    private final SandboxTemplate approved = new SandboxTemplate("order_update", "en_US", "utility", 2, null);

    @Test
    void onlyApprovedTemplatesWithTheRightParameterCountCanBeSent() {
        assertDoesNotThrow(() -> approved.checkSend(2));
        assertEquals(132000, assertThrows(GraphException.class, () -> approved.checkSend(1)).code());
        assertEquals(132001, assertThrows(GraphException.class, () -> approved.withStatus("PENDING").checkSend(2)).code());
        assertEquals(132001, assertThrows(GraphException.class, () -> approved.withStatus("REJECTED").checkSend(2)).code());
        assertEquals(132015, assertThrows(GraphException.class, () -> approved.withStatus("PAUSED").checkSend(2)).code());
        assertEquals(132016, assertThrows(GraphException.class, () -> approved.withStatus("DISABLED").checkSend(2)).code());
    }

    @Test
    void namesAndCategoriesFollowMetasRules() {
        assertEquals("UTILITY", approved.category());
        assertEquals(100, assertThrows(GraphException.class,
                () -> new SandboxTemplate("Order-Update", "en", "UTILITY", 0, null)).code());
        assertEquals(100, assertThrows(GraphException.class,
                () -> new SandboxTemplate("x", "en", "PROMOTION", 0, null)).code());
    }

    @Test
    void pricingChargesTemplatesExceptUtilityInsideTheWindow() {
        assertFalse(World.pricing(null, true).getBoolean("billable"), "free-form replies are free customer service");
        assertEquals("service", World.pricing(null, true).getString("category"));
        assertEquals("free_customer_service", World.pricing(approved, true).getString("type"));
        assertEquals("regular", World.pricing(approved, false).getString("type"));
        SandboxTemplate marketing = new SandboxTemplate("promo", "en", "MARKETING", 0, null);
        assertTrue(World.pricing(marketing, true).getBoolean("billable"));
        assertEquals("marketing", World.pricing(marketing, true).getString("category"));
        assertEquals("PMP", World.pricing(marketing, false).getString("pricing_model"));
    }
}

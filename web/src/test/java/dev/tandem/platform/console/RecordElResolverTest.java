package dev.tandem.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.FunctionMapper;
import jakarta.el.PropertyNotWritableException;
import jakarta.el.VariableMapper;
import org.junit.jupiter.api.Test;

class RecordElResolverTest {

    record Point(int x, String label) {
    }

    static final class Bean {
        public String getLabel() {
            return "bean";
        }
    }

    private static ELContext context() {
        return new ELContext() {
            @Override public ELResolver getELResolver() { return null; }
            @Override public FunctionMapper getFunctionMapper() { return null; }
            @Override public VariableMapper getVariableMapper() { return null; }
        };
    }

    private final RecordElResolver resolver = new RecordElResolver();

    @Test
    void readsRecordComponentsAsProperties() {
        ELContext context = context();
        assertEquals("p", resolver.getValue(context, new Point(3, "p"), "label"));
        assertTrue(context.isPropertyResolved());
        assertEquals(3, resolver.getValue(context(), new Point(3, "p"), "x"));
    }

    @Test
    void leavesOtherObjectsAndUnknownComponentsToTheNextResolver() {
        ELContext context = context();
        assertNull(resolver.getValue(context, new Bean(), "label"));
        assertNull(resolver.getValue(context, new Point(1, "a"), "missing"));
        assertFalse(context.isPropertyResolved());
    }

    @Test
    void recordsAreReadOnly() {
        assertTrue(resolver.isReadOnly(context(), new Point(1, "a"), "x"));
        assertThrows(PropertyNotWritableException.class, () -> resolver.setValue(context(), new Point(1, "a"), "x", 2));
    }
}

package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MachineTest {

    @Test
    void theServerIsFoundByItsPortOffset() {
        assertEquals(200, Machine.offsetOf("java\0-D[Standalone]\0-Djboss.socket.binding.port-offset=200\0-jar\0jboss-modules.jar"));
        assertEquals(0, Machine.offsetOf("java\0-D[Standalone]\0-jar\0jboss-modules.jar"));
    }
}

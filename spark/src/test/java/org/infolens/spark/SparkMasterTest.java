package org.infolens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Master URLs: local mode retries as asked, a cluster master that does not answer is an error within seconds. */
class SparkMasterTest {

    @Test
    void localModeRetriesFailedTasks() {
        assertEquals("local[2,4]", new SparkMaster("local[2]", 4).sparkUrl());
        assertEquals("local[*,3]", new SparkMaster("local[*]", 3).sparkUrl());
        assertEquals("local[1,2]", new SparkMaster("local", 2).sparkUrl());
        assertEquals("spark://h:7077", new SparkMaster("spark://h:7077", 2).sparkUrl());
        assertThrows(IllegalArgumentException.class, () -> new SparkMaster("yarn", 2));
        assertThrows(IllegalArgumentException.class, () -> new SparkMaster("local[2]", 0));
    }

    @Test
    void anUnreachableMasterIsAnErrorWithinSeconds() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        SparkMaster m = new SparkMaster("spark://127.0.0.1:" + port, 4);
        long t0 = System.nanoTime();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, m::checkReachable);
        assertTrue((System.nanoTime() - t0) / 1e9 < 5, "within seconds");
        assertTrue(e.getMessage().startsWith("cannot reach the Spark master spark://127.0.0.1:" + port), e.getMessage());
        try (ServerSocket s = new ServerSocket(0)) {
            new SparkMaster("spark://127.0.0.1:" + s.getLocalPort(), 4).checkReachable(); // something answers: passes
        }
    }
}

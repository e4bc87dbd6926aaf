package jp.tenken.storage;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which URLs get H2's durable-commit settings. */
class H2DurabilityTest {

    @Test
    void anH2FileDatabaseWritesEachCommitBeforeItReturnsAndIsDefragmentedWhenItStops() {
        assertEquals("jdbc:h2:file:/srv/tenken/data/tenken;" + H2Durability.WRITE_DELAY + ";" + H2Durability.DEFRAG_ALWAYS
                        + ";" + H2Durability.CLOSED_BY_THE_POOL,
                H2Durability.url("jdbc:h2:file:/srv/tenken/data/tenken"));
    }

    @Test
    void settingsTheUrlGivesItselfAreKept() {
        assertEquals("jdbc:h2:file:/d/t;write_delay=500;" + H2Durability.DEFRAG_ALWAYS + ";" + H2Durability.CLOSED_BY_THE_POOL,
                H2Durability.url("jdbc:h2:file:/d/t;write_delay=500"));
        assertEquals("jdbc:h2:file:/d/t;DEFRAG_ALWAYS=FALSE;" + H2Durability.WRITE_DELAY + ";" + H2Durability.CLOSED_BY_THE_POOL,
                H2Durability.url("jdbc:h2:file:/d/t;DEFRAG_ALWAYS=FALSE"));
        assertEquals("jdbc:h2:file:/d/t;DB_CLOSE_ON_EXIT=TRUE;" + H2Durability.WRITE_DELAY + ";" + H2Durability.DEFRAG_ALWAYS,
                H2Durability.url("jdbc:h2:file:/d/t;DB_CLOSE_ON_EXIT=TRUE"));
    }

    @Test
    void inMemoryAndOtherDatabasesAreLeftAlone() {
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1", H2Durability.url("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:postgresql://127.0.0.1:5432/test", H2Durability.url("jdbc:postgresql://127.0.0.1:5432/test"));
    }
}

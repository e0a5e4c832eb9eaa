package io.autobot.optimizer.agent.cache.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.DBException;

/**
 * The records a store keeps in memory beside MapDB (the recent ones, and the hashes of the keys of
 * a store created in this JVM) never answer other than MapDB itself would; a store whose last
 * commit did not finish is told apart and read out.
 */
class MapDbStoreTest {

    @TempDir
    Path temp;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void servesWhatWasPutAndNothingOnceRemovedClearedOrRolledBack() throws Exception {
        MapDbStore store = MapDbStore.open(temp.resolve("store.db"));
        try {
            assertThat(store.get(bytes("k"))).as("a new store knows it holds no such key").isNull();
            store.put(bytes("k"), bytes("v"));
            store.put(bytes("gone"), bytes("g"));
            store.commit();
            assertThat(CommitMarker.of(temp.resolve("store.db"))).as("a commit leaves no marker").doesNotExist();
            assertThat(store.get(bytes("k"))).isEqualTo(bytes("v"));
            assertThat(store.remove(bytes("gone"))).isTrue();
            assertThat(store.get(bytes("gone"))).isNull();

            store.put(bytes("undone"), bytes("u"));
            assertThat(store.get(bytes("undone"))).isEqualTo(bytes("u"));
            store.rollback();
            assertThat(store.get(bytes("undone"))).as("rolled back").isNull();
            assertThat(store.get(bytes("k"))).as("committed before").isEqualTo(bytes("v"));

            store.put(bytes("matched"), bytes("m"));
            assertThat(store.removeIf((key, record) -> new String(key, StandardCharsets.UTF_8).equals("matched")))
                    .isEqualTo(1);
            assertThat(store.get(bytes("matched"))).isNull();

            store.clear();
            assertThat(store.get(bytes("k"))).isNull();
            assertThat(store.size()).isZero();
        } finally {
            store.close();
        }
    }

    @Test
    void aStoreOpenedWithEntriesReadsThemFromMapDb() throws Exception {
        Path file = temp.resolve("store.db");
        MapDbStore first = MapDbStore.open(file);
        first.put(bytes("k"), bytes("v"));
        first.commit();
        first.close();

        MapDbStore again = MapDbStore.open(file);
        try {
            assertThat(again.get(bytes("k"))).isEqualTo(bytes("v"));
            assertThat(again.get(bytes("other"))).isNull();
        } finally {
            again.close();
        }
    }

    @Test
    void aPointerThatLeadsMapDbOutOfItsFileIsDamageNotAFailingDisk() {
        // a damaged pointer that passes MapDB's parity check: read past the file's end, or sought
        // past what the file system allows; the store is set aside, not closed as a failing disk
        assertThat(MapDbStore.isIoFailure(new DBException.VolumeIOError(new EOFException()))).isFalse();
        assertThat(MapDbStore.isIoFailure(new DBException.VolumeIOError(new IOException("Invalid argument"))))
                .isFalse();

        assertThat(MapDbStore.isIoFailure(new DBException.VolumeIOError(new IOException("No space left on device"))))
                .isTrue();
        assertThat(MapDbStore.isIoFailure(new DBException.VolumeIOError(new IOException("Input/output error"))))
                .isTrue();
        assertThat(MapDbStore.isIoFailure(new DBException.VolumeClosed("closed"))).isTrue();
        assertThat(MapDbStore.isIoFailure(new UncheckedIOException(new IOException("Invalid argument"))))
                .as("the commit marker's file or sync, not MapDB's pointers").isTrue();
    }

    @Test
    void aStoreWhoseLastCommitDidNotFinishOpensAndIsTrustedOnceItReadsThrough() throws Exception {
        Path file = temp.resolve("store.db");
        MapDbStore first = MapDbStore.open(file);
        first.put(bytes("k"), bytes("v"));
        first.allowClasses("com.example.A#f()V", Set.of("java.lang.String"));
        first.commit();
        first.close();
        Files.write(CommitMarker.of(file), new byte[0]); // as a JVM killed during a commit leaves it

        MapDbStore again = MapDbStore.open(file);
        try {
            assertThat(again.lastCommitCutShort()).isTrue();
            assertThat(CommitMarker.of(file)).as("kept until the store reads through").exists();
            again.readThrough();
            assertThat(again.lastCommitCutShort()).isFalse();
            assertThat(CommitMarker.of(file)).doesNotExist();
            assertThat(again.get(bytes("k"))).isEqualTo(bytes("v"));
            assertThat(again.allowedClasses("com.example.A#f()V")).containsExactly("java.lang.String");
        } finally {
            again.close();
        }
    }
}

package io.isotrace.controller.config;

import io.isotrace.controller.Controller;
import io.isotrace.trace.BadInputException;
import io.isotrace.trace.record.ReplyStatus;
import io.isotrace.trace.record.Transaction;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Policy files: a valid one builds a working controller; each kind of mistake is refused at file:line with the key. */
class PolicyLoaderTest {
    static final String VALID = String.join("\n",
            "# two environments sharing a ring buffer",
            "controller:",
            "  memory: 64GiB",
            "  clock: 2GHz",
            "  memoryLatency: 50ns",
            "environments:",
            "  - name: host",
            "    access: {states: [NS], els: [0, 1]}",
            "    mappings:",
            "      - {ipa: 0x0, pa: 0x80000000, size: 2MiB, perms: rwx}",
            "      - {ipa: 0x100000000, pa: 0x100000000, size: 4GiB, perms: rw}",
            "      - {ipa: 0x10000000, pa: 0x90000000, size: 64KiB, perms: rw}",
            "  - name: enclave",
            "    mappings:",
            "      - {ipa: 0x0, pa: 0x90000000, size: 64KiB, perms: rw}",
            "shared:",
            "  - {name: ring, pa: 0x90000000, size: 64KiB, environments: [host, enclave]}",
            "requesters:",
            "  0: host",
            "  1: enclave",
            "");

    private static LoadedPolicy load(String yaml) {
        return PolicyLoader.load(ConfigReader.read("p.yaml", yaml, false), "p.yaml");
    }

    private static BadInputException refused(String yaml) {
        return assertThrows(BadInputException.class, () -> load(yaml));
    }

    @Test
    void aValidPolicyBuildsAWorkingController() {
        Controller c = load(VALID).controller();
        assertEquals(2_000_000_000L, c.checkTiming().clock().hz());
        Transaction t = new Transaction();
        t.requester = 0;
        t.ipa = 0x1_0000_0000L + 0x1234_5678L;
        t.size = 4;
        c.answer(t);
        assertEquals(ReplyStatus.OK, t.status);
        assertEquals(0x1_0000_0000L + 0x1234_5678L, t.pa);
        assertEquals(1 + 1 + 16, c.environments().mappingCount(c.environments().byName("host")),
                "one 2 MiB block, one 4 GiB block, and the 64 KiB range as sixteen 4 KiB pages");
    }

    @Test
    void unknownKeyIsAnErrorAtItsLine() {
        BadInputException e = refused(VALID.replace("    access: {states: [NS], els: [0, 1]}", "    acess: {states: [NS]}"));
        assertEquals("p.yaml:8", e.where());
        assertTrue(e.getMessage().contains("environments[0].acess: unknown key 'acess'"), e.getMessage());
    }

    @Test
    void overlappingPaWithoutASharedRegionIsRefusedAtThePaKey() {
        String noShared = VALID.substring(0, VALID.indexOf("shared:")) + "requesters:\n  0: host\n";
        BadInputException e = refused(noShared);
        assertEquals("p.yaml:15", e.where(), e.getMessage());
        assertTrue(e.getMessage().contains("environments[1].mappings[0].pa"), e.getMessage());
        assertTrue(e.getMessage().contains("already mapped by 'host'"), e.getMessage());
    }

    @Test
    void mappingsOutsideMemoryOrOntoTheRegisterBlockAreRefused() {
        BadInputException e = refused(VALID.replace("pa: 0x100000000, size: 4GiB", "pa: 0xF80000000, size: 4GiB"));
        assertEquals("p.yaml:11", e.where());
        assertTrue(e.getMessage().contains("outside physical memory"), e.getMessage());
        String onto = VALID.replace("pa: 0x80000000, size: 2MiB", "pa: 0xFFFFF0000, size: 4KiB")
                .replace("  memory: 64GiB", "  memory: 64GiB\n  registerBase: 0xFFFFF0000");
        e = refused(onto);
        assertTrue(e.getMessage().contains("register block"), e.getMessage());
        assertTrue(e.getMessage().contains("mappings[0].pa"), e.getMessage());
    }

    @Test
    void malformedValuesNameTheKey() {
        BadInputException e = refused(VALID.replace("size: 2MiB", "size: 2 parsecs"));
        assertEquals("p.yaml:10", e.where());
        assertTrue(e.getMessage().contains("environments[0].mappings[0].size"), e.getMessage());
        e = refused(VALID.replace("perms: rwx", "perms: rwz"));
        assertTrue(e.getMessage().contains("perms"), e.getMessage());
        e = refused(VALID.replace("states: [NS]", "states: [Nope]"));
        assertTrue(e.getMessage().contains("unknown security state"), e.getMessage());
    }

    @Test
    void syntaxErrorsAndDuplicateKeysHaveLines() {
        BadInputException e = refused("controller:\n  clock: 1GHz\n  clock: 2GHz\n");
        assertEquals("p.yaml:3", e.where());
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
        e = refused("environments:\n  - name: [unclosed\n");
        assertTrue(e.where().startsWith("p.yaml:"), e.where());
        assertTrue(e.getMessage().contains("syntax error"), e.getMessage());
    }

    @Test
    void jsonAndYamlSpellingsShareTheDigest() {
        String json = "{\"environments\": [{\"name\": \"a\", \"mappings\": [{\"ipa\": \"0x0\", \"pa\": \"0x1000\", "
                + "\"size\": \"4KiB\", \"perms\": \"r\"}]}]}";
        String yaml = "# same policy\nenvironments:\n  - name: a\n    mappings:\n"
                + "      - {ipa: 0x0, pa: 0x1000, size: 4KiB, perms: r}\n";
        assertEquals(PolicyLoader.load(ConfigReader.read("p.json", json, true), "p.json").digest(), load(yaml).digest());
        String other = yaml.replace("perms: r", "perms: rw");
        assertTrue(!load(other).digest().equals(load(yaml).digest()), "a different policy has another digest");
    }

    @Test
    void filterSectionsAreValidatedToo() {
        BadInputException e = refused("tzc:\n  regions:\n    - {number: 1, base: 0x1001, size: 4KiB, secure: rw}\n");
        assertTrue(e.getMessage().contains("4 KiB aligned"), e.getMessage());
        e = refused("gpc:\n  granule: 8KiB\n");
        assertTrue(e.getMessage().contains("granule"), e.getMessage());
        e = refused("stack: [gpc, remap]\ngpc: {}\n");
        assertTrue(e.getMessage().contains("remap must come first"), e.getMessage());
    }
}

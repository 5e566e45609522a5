package io.isotrace.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandTreeTest {
    @Test
    void everySubcommandAppearsInItsParentsHelpAndAnswersHelp() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        assertTrue(all.size() > 4, "command tree looks empty");
        for (CommandLine cl : all) {
            String usage = cl.getUsageMessage(CommandLine.Help.Ansi.OFF);
            for (String sub : cl.getSubcommands().keySet()) {
                assertTrue(usage.contains(sub), cl.getCommandSpec().qualifiedName() + " help lacks '" + sub + "'");
            }
            List<String> path = new ArrayList<>();
            for (CommandLine c = cl; c.getParent() != null; c = c.getParent()) {
                path.add(0, c.getCommandName());
            }
            if (path.contains("help")) {
                continue;
            }
            path.add("--help");
            CliRunner r = CliRunner.run(path.toArray(new String[0]));
            assertEquals(0, r.exitCode, String.join(" ", path) + "\n" + r);
            assertFalse(r.out.isBlank(), String.join(" ", path));
        }
    }

    @Test
    void versionNamesTheProject() {
        CliRunner r = CliRunner.run("--version");
        assertEquals(0, r.exitCode);
        assertTrue(r.out.startsWith("isotrace "), r.out);
    }

    @Test
    void unknownCommandIsAUsageError() {
        CliRunner r = CliRunner.run("trace", "frobnicate");
        assertEquals(ExitCode.USAGE, r.exitCode, r.toString());
        assertTrue(r.err.startsWith("isotrace: "), r.err);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        String usage = Main.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF);
        for (String code : new String[]{"0", "1", "2", "3"}) {
            assertTrue(usage.matches("(?s).*\\n\\s+" + code + "\\s+\\S.*"), "exit code " + code + " undocumented");
        }
    }

    private static void collect(CommandLine cl, List<CommandLine> out) {
        out.add(cl);
        for (CommandLine sub : cl.getSubcommands().values()) {
            collect(sub, out);
        }
    }
}

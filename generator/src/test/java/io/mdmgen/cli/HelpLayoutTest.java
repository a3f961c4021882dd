package io.mdmgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

class HelpLayoutTest {
  @ParameterizedTest
  @ValueSource(ints = {60, 80, 100, 123, 160})
  void helpBreaksLinesAtSpacesOnlyAndKeepsToTheWidth(int width) {
    CommandLine main = Main.commandLine();
    for (CommandLine cl : commands(main)) {
      cl.setUsageHelpWidth(width);
      String help = cl.getUsageMessage();
      Set<String> shown = new HashSet<>(Arrays.asList(help.split("\\s+")));
      Set<String> words = new HashSet<>();
      for (OptionSpec o : cl.getCommandSpec().options()) {
        for (String d : o.description()) {
          words.addAll(Arrays.asList(String.format(d).split("\\s+")));
        }
      }
      for (String f : cl.getCommandSpec().usageMessage().footer()) {
        words.addAll(Arrays.asList(String.format(f).split("\\s+")));
      }
      words.remove("");
      for (String w : words) {
        assertTrue(shown.contains(w), cl.getCommandName() + " at width " + width + ": '" + w + "' broken:\n" + help);
      }
      for (String line : help.split("\n")) {
        assertTrue(line.length() <= width || !line.strip().contains(" "),
            cl.getCommandName() + " at width " + width + ": too long: " + line);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 30})
  void aWordLongerThanTheLineStaysWhole(int width) {
    List<String> lines = HelpLayout.wrap("see --kafka.security.protocol=SASL_SSL now", width);
    assertTrue(lines.contains("--kafka.security.protocol=SASL_SSL"), lines.toString());
    assertEquals("see --kafka.security.protocol=SASL_SSL now", String.join(" ", lines));
  }

  private static List<CommandLine> commands(CommandLine main) {
    List<CommandLine> all = new java.util.ArrayList<>(List.of(main));
    all.addAll(main.getSubcommands().values());
    return all;
  }
}

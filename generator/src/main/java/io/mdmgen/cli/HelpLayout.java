package io.mdmgen.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * The description, option list and footer of {@code --help}, laid out as picocli lays them out
 * but wrapped at spaces only: picocli wraps with the JDK's line BreakIterator, which also breaks
 * after '.', ':' and '-', and so inside names such as {@code --kafka.acks=all} or
 * {@code run-report.json}.
 */
final class HelpLayout {
  /** Where option descriptions start, as in picocli's layout. */
  static final int DESCRIPTIONS = 29;

  private HelpLayout() {}

  /** Lays out the help of {@code cl} and of its subcommands this way. */
  static void apply(CommandLine cl) {
    cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_DESCRIPTION,
        help -> paragraphs(help.commandSpec().usageMessage().description(), 0, help.commandSpec().usageMessage().width()));
    cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::options);
    cl.getHelpSectionMap().put(UsageMessageSpec.SECTION_KEY_FOOTER,
        help -> paragraphs(help.commandSpec().usageMessage().footer(), 0, help.commandSpec().usageMessage().width()));
    cl.getSubcommands().values().forEach(HelpLayout::apply);
  }

  private static String options(Help help) {
    Help.IOptionRenderer renderer = help.createDefaultOptionRenderer();
    Help.IParamLabelRenderer labels = help.createDefaultParamLabelRenderer();
    StringBuilder out = new StringBuilder();
    for (OptionSpec o : help.commandSpec().options()) {
      if (o.hidden()) {
        continue;
      }
      Help.Ansi.Text[][] rows = renderer.render(o, labels, help.colorScheme());
      String shortName = rows[0][1].plainString();
      String names = "  " + (shortName.isBlank() ? "  " : shortName)
          + (rows[0][2].plainString().isBlank() ? " " : ",") + " " + rows[0][3].plainString().strip();
      StringBuilder description = new StringBuilder();
      for (Help.Ansi.Text[] row : rows) {
        description.append(description.length() == 0 ? "" : "\n").append(row[4].plainString().strip());
      }
      List<String> lines = wrap(description.toString(), help.commandSpec().usageMessage().width() - DESCRIPTIONS);
      boolean beside = names.length() < DESCRIPTIONS;
      out.append(names);
      for (int i = 0; i < lines.size(); i++) {
        if (i == 0 && beside) {
          out.append(" ".repeat(DESCRIPTIONS - names.length()));
        } else {
          out.append('\n').append(" ".repeat(DESCRIPTIONS));
        }
        out.append(lines.get(i));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Format strings (picocli's {@code %n}), each paragraph wrapped to {@code width}. */
  private static String paragraphs(String[] text, int indent, int width) {
    StringBuilder out = new StringBuilder();
    for (String t : text) {
      for (String line : wrap(String.format(t).replace("\r\n", "\n"), width - indent)) {
        out.append(" ".repeat(indent)).append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** {@code text} in lines of at most {@code width} characters, broken at spaces only. */
  static List<String> wrap(String text, int width) {
    List<String> lines = new java.util.ArrayList<>();
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      for (String word : paragraph.split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        if (line.length() > 0 && line.length() + 1 + word.length() > width) {
          lines.add(line.toString());
          line.setLength(0);
        }
        line.append(line.length() == 0 ? "" : " ").append(word);
      }
      lines.add(line.toString());
    }
    return lines;
  }
}

package org.mlnews.cli;

import java.io.PrintWriter;
import org.mlnews.Version;
import org.mlnews.query.ParamException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code mlnews} command. Exit codes are mapped here and nowhere else: 0 ok, 1 failure,
 * 2 bad usage.
 *
 * <pre>{@code
 * int code = Cli.commandLine(out, err).execute("query", "gan-papers-q4-2020");
 * }</pre>
 */
@Command(name = "mlnews", mixinStandardHelpOptions = true, versionProvider = Cli.VersionProvider.class,
    scope = CommandLine.ScopeType.INHERIT, // so that every subcommand takes --help (and --version)
    description = "Turns the \"Akira's ML News\" newsletter into a knowledge graph and publishes it.",
    subcommands = {BuildCommand.class, ServeCommand.class, QueryCommand.class, ExtractCommand.class,
        DumpCommand.class, ValidateCommand.class, ChangesCommand.class, ReleaseCommand.class,
        GenerateCommand.class, BenchCommand.class, PublishCommand.class,
        CommandLine.HelpCommand.class})
public final class Cli {
  public static final int OK = 0;
  public static final int FAILURE = 1;
  public static final int USAGE = 2;

  @Option(names = "--stacktrace", scope = CommandLine.ScopeType.INHERIT,
      description = "Print the stack trace of an error.")
  boolean stacktrace;

  private Cli() {}

  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    var cli = new Cli();
    var cl = new CommandLine(cli);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExitCodeExceptionMapper(Cli::exitCode);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      e.println("mlnews " + commandLine.getCommandName() + ": " + message(ex));
      if (cli.stacktrace) {
        ex.printStackTrace(e);
      }
      e.flush();
      return exitCode(ex);
    });
    return cl;
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof CommandLine.ParameterException || ex instanceof ParamException
        || ex instanceof UsageException) {
      return USAGE;
    }
    return FAILURE;
  }

  /**
   * Our exceptions carry a complete sentence (with file and line where there is one). The JDK's
   * file errors name only the file ("/tmp/x: /tmp/x"): the reason is added, in words.
   */
  static String message(Throwable ex) {
    String m = ex.getMessage() == null ? ex.toString() : ex.getMessage();
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof java.nio.file.FileSystemException f) {
        String why = why(f);
        return m.contains(why) ? m : m + " (" + why + ")";
      }
    }
    return m;
  }

  private static String why(java.nio.file.FileSystemException f) {
    if (f.getReason() != null) {
      return f.getReason();
    }
    if (f instanceof java.nio.file.NoSuchFileException) {
      return "no such file or folder";
    } else if (f instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    } else if (f instanceof java.nio.file.FileAlreadyExistsException) {
      return "it exists already, and is not a folder";
    } else if (f instanceof java.nio.file.NotDirectoryException) {
      return "not a folder";
    } else if (f instanceof java.nio.file.DirectoryNotEmptyException) {
      return "the folder is not empty";
    }
    return f.getClass().getSimpleName();
  }

  /** Bad usage found after parsing (an unknown query name, a format that does not fit). */
  static final class UsageException extends RuntimeException {
    UsageException(String message) {
      super(message);
    }
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"mlnews " + Version.EXTRACTOR};
    }
  }
}

package org.mlnews.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line through picocli's {@code execute}, in this JVM, with what it printed:
 * the harness the CLI tests share.
 *
 * <pre>{@code
 * CliRun r = CliRun.run("build", "--store", dir.toString());
 * assertEquals(Cli.OK, r.code(), r.err());
 * }</pre>
 */
public record CliRun(int code, String out, String err) {
  public static CliRun run(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    int code = Cli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}

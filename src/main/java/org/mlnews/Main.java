package org.mlnews;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.mlnews.cli.Cli;

/** Entry point of the runnable jar. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    var out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    var err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(Cli.commandLine(out, err).execute(args));
  }
}

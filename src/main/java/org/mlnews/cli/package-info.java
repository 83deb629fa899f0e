/** The command line: picocli commands, each a thin shell over the library packages. */
package org.mlnews.cli;

package org.mlnews.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mlnews.rdf.Iris;
import org.mlnews.store.Store;
import picocli.CommandLine.Option;

/** Where things are: shared by the commands that read data, ontology or the store. */
final class StoreOptions {
  @Option(names = "--data", defaultValue = "data", description = "Folder of issue files (*.md, *.json). Default: ${DEFAULT-VALUE}")
  Path data;

  @Option(names = "--store", defaultValue = "store", description = "TDB2 store folder. Default: ${DEFAULT-VALUE}")
  Path store;

  @Option(names = "--ontology", defaultValue = "ontology", description = "Folder with mlnews.ttl, topics.ttl, shapes.ttl. Default: ${DEFAULT-VALUE}")
  Path ontology;

  @Option(names = "--queries", defaultValue = "queries", description = "Folder of named queries (*.rq). Default: ${DEFAULT-VALUE}")
  Path queries;

  @Option(names = "--base", defaultValue = Iris.DEFAULT_BASE, description = "Base IRI of the data. Default: ${DEFAULT-VALUE}")
  String base;

  /**
   * The store, for a command that reads it: a folder that is not there is an error rather than a
   * new empty store, so a mistyped {@code --store} does not answer "nothing" and leave a store
   * behind.
   */
  Store existingStore() {
    return Store.open(existingStoreFolder());
  }

  /** The store's folder, which must be there (see {@link #existingStore}). */
  Path existingStoreFolder() {
    if (!Files.isDirectory(store)) {
      throw new IllegalArgumentException("no store at " + store + "; build one with 'mlnews build --store "
          + store + "'");
    }
    return store;
  }

  Iris iris() {
    try {
      return new Iris(base);
    } catch (IllegalArgumentException e) {
      throw new Cli.UsageException(e.getMessage());
    }
  }
}

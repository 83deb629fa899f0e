package org.mlnews.server.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mlnews.rdf.Iris;

class LocalPathsTest {
  final LocalPaths def = new LocalPaths(new Iris(Iris.DEFAULT_BASE));
  final LocalPaths other = new LocalPaths(new Iris("https://data.example.com/kg/"));

  @Test
  void publicIrisToServerPaths() {
    assertEquals("/issue/x", def.toLocal("https://mlnews.example.org/issue/x"));
    assertEquals("/issue/x", other.toLocal("https://data.example.com/kg/issue/x"));
    assertEquals("/ontology#Issue", other.toLocal("https://mlnews.example.org/ontology#Issue"));
    assertEquals("/ontology", other.toLocal("https://mlnews.example.org/ontology"));
    assertEquals("/topic/GAN", other.toLocal("https://mlnews.example.org/topic/GAN"));
    assertEquals("/topic/", other.toLocal("https://mlnews.example.org/topic/"));
    assertNull(other.toLocal("https://arxiv.org/abs/2010.00554"));
    assertNull(other.toLocal("https://mlnews.example.org/issue/x"), "another base is not ours");
  }

  @Test
  void serverPathsToPublicIris() {
    assertEquals("https://data.example.com/kg/time/week/2020-W41", other.toIri("/time/week/2020-W41"));
    assertEquals("https://mlnews.example.org/topic/GAN", other.toIri("/topic/GAN"));
    assertEquals("https://mlnews.example.org/ontology", other.toIri("/ontology"));
    assertEquals("https://data.example.com/kg/dataset", other.toIri("/dataset"));
  }

  @Test
  void canonicalPathsAreMintedForm() {
    assertEquals("/paper/doi/10.1109%2Fx", LocalPaths.canonical("/paper/doi/10.1109%2fx"));
    assertEquals("/paper/doi/10.1109%2Fx", LocalPaths.canonical("/paper/doi/10.1109%2Fx"));
    assertEquals("/issue/a-b", LocalPaths.canonical("/issue/%61-b"));
    assertEquals("/topic/", LocalPaths.canonical("/topic/"));
    assertEquals("/x/%E7%94%98", LocalPaths.canonical("/x/甘"));
    assertNull(LocalPaths.canonical("/x/%zz"));
  }

  @Test
  void staticPathsRefuseTraversal() {
    assertTrue(StaticFiles.safe("site.css"));
    assertTrue(StaticFiles.safe("img/logo.svg"));
    for (String bad : new String[] {"../pom.xml", "a/../../b.css", "./a.css", ".hidden.css", "/etc/passwd",
        "a//b.css", "a\\..\\b.css", "c:/x.css", "a%2e.css", ""}) {
      assertFalse(StaticFiles.safe(bad), bad);
    }
    var files = new StaticFiles("browser/static/");
    assertTrue(files.find("site.css").isPresent());
    assertTrue(files.find("..%2f..%2ftemplates%2fhome.peb").isEmpty());
    assertTrue(files.find("%2e%2e/templates/home.peb").isEmpty());
    assertTrue(files.find("../templates/layout.peb").isEmpty());
  }
}

/**
 * Test code shared by the agent's modules: a loopback server that behaves like GLPI 10/11 and its
 * glpiinventory plugin, and GLPI's inventory schema. Depended on in test scope only.
 */
package org.glpiagent.testkit;

/** The inventory document as collectors fill it, and the cleaning of names GLPI expects. */
package org.glpiagent.inventory;

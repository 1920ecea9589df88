/**
 * The messages of the GLPI agent protocol: CONTACT and REGISTER with their answers, inventory submission, the
 * common answer shape, {@code expiration} parsing, and the legacy XML PROLOG with its reader and writer.
 */
package org.glpiagent.protocol;

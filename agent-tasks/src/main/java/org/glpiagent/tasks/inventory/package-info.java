/**
 * The local inventory task: an explicit list of collectors, one per category, each run under a time-out,
 * reading the machine through OSHI and the system's own files.
 */
package org.glpiagent.tasks.inventory;

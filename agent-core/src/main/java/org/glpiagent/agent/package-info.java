/** The agent itself: its targets and their schedules, the one-shot run and the daemon loop. */
package org.glpiagent.agent;

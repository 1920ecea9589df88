/** The agent's state on disk: versioned JSON files written atomically, readable only by their owner. */
package org.glpiagent.state;

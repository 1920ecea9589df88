package org.glpiagent.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The legacy XML replies of a server (PROLOG with its job {@code OPTION}s, inventory and error replies) from any
 * bytes: {@link XmlTree#parse} returns a tree or throws {@link ProtocolException}, and the readers of a tree return
 * a reply or throw {@link ProtocolException}, nothing else. Seeds: replies GLPI 11 and glpiinventory sent.
 */
class XmlAnswersFuzzTest {
  @FuzzTest
  void replies(byte[] body) {
    XmlTree tree;
    try {
      tree = XmlTree.parse(body);
    } catch (ProtocolException notXml) {
      return;
    }
    tree.text("RESPONSE");
    tree.all("OPTION");
    ServerAnswer.fromXml(tree).isBusy();
    try {
      Prolog.Reply reply = Prolog.Reply.parse(tree);
      assertThat(reply.options()).allMatch(o -> o.isObject());
    } catch (ProtocolException refused) {
      // a clear refusal is a valid outcome
    }
  }
}

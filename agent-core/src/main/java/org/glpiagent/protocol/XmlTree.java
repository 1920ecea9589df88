package org.glpiagent.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A legacy XML message read into a tree where attributes and child elements mean the same, as glpi-agent
 * reads them: {@code <PARAM PID="42"/>} and {@code <PARAM><PID>42</PID></PARAM>} both give
 * {@code PARAM.PID = "42"}. Repeated children become arrays.
 *
 * <p>The parser refuses DTDs and external entities: answers come from the network.
 */
public final class XmlTree {
  private final String rootName;
  private final ObjectNode root;

  private XmlTree(String rootName, ObjectNode root) {
    this.rootName = rootName;
    this.root = root;
  }

  /** Parses an XML document; anything that is not well-formed XML is a {@link ProtocolException}. */
  public static XmlTree parse(byte[] xml) throws ProtocolException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      Element e = b.parse(new ByteArrayInputStream(xml)).getDocumentElement();
      JsonNode converted = convert(e);
      ObjectNode obj = converted.isObject() ? (ObjectNode) converted : JsonNodeFactory.instance.objectNode();
      return new XmlTree(e.getTagName(), obj);
    } catch (SAXException | IOException e) {
      throw new ProtocolException("malformed XML (" + Json.firstLine(e.getMessage()) + ")");
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode convert(Element e) {
    ObjectNode obj = JsonNodeFactory.instance.objectNode();
    NamedNodeMap attrs = e.getAttributes();
    for (int i = 0; i < attrs.getLength(); i++) {
      Node a = attrs.item(i);
      obj.put(a.getNodeName(), a.getNodeValue());
    }
    StringBuilder text = new StringBuilder();
    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
      if (c instanceof Element child) {
        JsonNode value = convert(child);
        JsonNode existing = obj.get(child.getTagName());
        if (existing == null) {
          obj.set(child.getTagName(), value);
        } else if (existing.isArray()) {
          ((ArrayNode) existing).add(value);
        } else {
          ArrayNode arr = obj.arrayNode();
          arr.add(existing);
          arr.add(value);
          obj.set(child.getTagName(), arr);
        }
      } else if (c.getNodeType() == Node.TEXT_NODE || c.getNodeType() == Node.CDATA_SECTION_NODE) {
        text.append(c.getNodeValue());
      }
    }
    if (obj.isEmpty()) {
      return JsonNodeFactory.instance.textNode(text.toString().trim());
    }
    return obj;
  }

  /** The root element's name, such as {@code REPLY}. */
  public String rootName() {
    return rootName;
  }

  /** The root's content as a tree. */
  public ObjectNode root() {
    return root;
  }

  /** The text of a direct child, if present and not empty. */
  public Optional<String> text(String name) {
    JsonNode n = root.get(name);
    if (n == null) {
      return Optional.empty();
    }
    if (n.isArray()) {
      n = n.get(0);
    }
    String s = n.isTextual() ? n.asText().trim() : "";
    return s.isEmpty() ? Optional.empty() : Optional.of(s);
  }

  /** The children of that name as a list, whether there was one or several. */
  public List<JsonNode> all(String name) {
    return asList(root.get(name));
  }

  /** A node that may be a single value or an array, as a list. */
  public static List<JsonNode> asList(JsonNode node) {
    List<JsonNode> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isArray()) {
      node.forEach(out::add);
    } else {
      out.add(node);
    }
    return out;
  }
}

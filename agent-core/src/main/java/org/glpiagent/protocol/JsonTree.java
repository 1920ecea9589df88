package org.glpiagent.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming parser and generator only. An {@code ObjectMapper}
 * loads some 300 classes and costs a one-shot run about 0.1 s and 8 MiB before it writes a byte; the
 * inventory's path (state files, the document, its checksums) needs none of its data binding. The output is
 * byte for byte what {@link Json#MAPPER} writes, compact or with its default pretty printer.
 */
public final class JsonTree {
  /** Makes the nodes: objects keep their fields in insertion order. */
  public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final JsonFactory FACTORY =
      JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(200).build()).build();

  private JsonTree() {}

  /** A new empty object. */
  public static ObjectNode object() {
    return NODES.objectNode();
  }

  /** A new empty array. */
  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /**
   * The first JSON value of the bytes (what follows it is ignored, as {@code ObjectMapper.readTree} does);
   * an {@link IOException} (Jackson's {@code JacksonException}) when they hold none or are malformed.
   */
  public static JsonNode read(byte[] json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readRoot(p);
    }
  }

  /** {@link #read(byte[])} for text. */
  public static JsonNode read(String json) throws IOException {
    try (JsonParser p = FACTORY.createParser(json)) {
      return readRoot(p);
    }
  }

  private static JsonNode readRoot(JsonParser p) throws IOException {
    JsonToken t = p.nextToken();
    if (t == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "no JSON value");
    }
    return value(p, t);
  }

  private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
    return switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          o.set(name, value(p, p.nextToken()));
        }
        yield o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e));
        }
        yield a;
      }
      case VALUE_STRING -> NODES.textNode(p.getText());
      case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
        case INT -> NODES.numberNode(p.getIntValue());
        case LONG -> NODES.numberNode(p.getLongValue());
        default -> NODES.numberNode(p.getBigIntegerValue());
      };
      case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      default -> throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected " + t);
    };
  }

  /** The tree as UTF-8 bytes, compact or indented as {@code writerWithDefaultPrettyPrinter} indents. */
  public static byte[] write(JsonNode node, boolean pretty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    try {
      write(node, out, pretty);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // never: the stream is in memory
    }
    return out.toByteArray();
  }

  /** Writes the tree to a stream, which stays open. */
  public static void write(JsonNode node, OutputStream out, boolean pretty) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      if (pretty) {
        g.useDefaultPrettyPrinter();
      }
      write(node, g);
    }
  }

  /** The tree as compact text, as {@code JsonNode.toString()} gives it, without its hidden mapper. */
  public static String text(JsonNode node) {
    return new String(write(node, false), StandardCharsets.UTF_8);
  }

  private static void write(JsonNode n, JsonGenerator g) throws IOException {
    switch (n.getNodeType()) {
      case OBJECT -> {
        g.writeStartObject();
        for (Map.Entry<String, JsonNode> e : n.properties()) {
          g.writeFieldName(e.getKey());
          write(e.getValue(), g);
        }
        g.writeEndObject();
      }
      case ARRAY -> {
        g.writeStartArray();
        for (JsonNode e : n) {
          write(e, g);
        }
        g.writeEndArray();
      }
      case STRING -> g.writeString(n.textValue());
      case NUMBER -> {
        switch (n.numberType()) {
          case INT -> g.writeNumber(n.intValue());
          case LONG -> g.writeNumber(n.longValue());
          case BIG_INTEGER -> g.writeNumber(n.bigIntegerValue());
          case FLOAT -> g.writeNumber(n.floatValue());
          case BIG_DECIMAL -> g.writeNumber(n.decimalValue());
          default -> g.writeNumber(n.doubleValue());
        }
      }
      case BOOLEAN -> g.writeBoolean(n.booleanValue());
      case NULL -> g.writeNull();
      case BINARY -> g.writeBinary(n.binaryValue());
      default -> throw new IllegalArgumentException("not JSON data: " + n.getNodeType());
    }
  }
}

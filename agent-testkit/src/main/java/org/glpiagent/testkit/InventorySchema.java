package org.glpiagent.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * GLPI's inventory_format JSON schema (draft-07), as the server validates every inventory with it.
 *
 * <p>{@link #CURRENT} is tag 1.2.3 (GLPI 11 and recent 10.0.x, extra keys allowed below {@code content});
 * {@link #STRICT_1_1_36} is the older schema with {@code additionalProperties: false} on every section, which
 * older GLPI 10.0 tarballs ship: passing it proves no unknown key is sent anywhere.
 */
public final class InventorySchema {
  public static final InventorySchema CURRENT = new InventorySchema("inventory.schema.json");
  public static final InventorySchema STRICT_1_1_36 = new InventorySchema("inventory.schema-1.1.36.json");

  private final JsonSchema schema;

  private InventorySchema(String resource) {
    try (InputStream in = InventorySchema.class.getResourceAsStream(resource)) {
      JsonNode tree = new ObjectMapper().readTree(in);
      schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The violations of a whole inventory message ({@code deviceid}, {@code content}...), empty when valid. */
  public List<String> violations(JsonNode message) {
    return schema.validate(message).stream().map(ValidationMessage::getMessage).sorted().toList();
  }
}
